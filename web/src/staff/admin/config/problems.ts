import { ApiError } from '../../../api/client.ts';
import type { FormError } from '../../../components/error-summary.tsx';

/**
 * The server's field problems as form errors: `fieldIds` maps a problem's name (`body.deadline.amount`) to the id
 * of its input; a problem no input matches goes to `fallbackId`. Anything but a problem answer is one message.
 */
export function formErrorsOf(
  error: unknown,
  fieldIds: Record<string, string>,
  fallbackId: string,
  failedMessage: string,
): FormError[] {
  const params = error instanceof ApiError ? error.problem?.invalidParams : undefined;
  if (!params?.length) {
    const detail = error instanceof ApiError ? error.problem?.detail : undefined;
    return [{ fieldId: fallbackId, message: detail ? `${failedMessage} ${detail}` : failedMessage }];
  }
  return params.map((p) => {
    const key = Object.keys(fieldIds).find((name) => p.name === name || p.name.startsWith(`${name}.`));
    return { fieldId: key ? fieldIds[key]! : fallbackId, message: p.reason };
  });
}

export const errorFor = (errors: FormError[], id: string) =>
  errors
    .filter((e) => e.fieldId === id)
    .map((e) => e.message)
    .join(' ') || undefined;
