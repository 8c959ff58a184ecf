import { z } from 'zod';
import { MAX_RETENTION_DAYS, MIN_RETENTION_DAYS } from '../retention/index.ts';

/** An IANA zone name the runtime knows (`Europe/Amsterdam`, `UTC`); offsets such as `+01:00` are not zones. */
export function isIanaTimeZone(name: string): boolean {
  if (!/^[A-Za-z][A-Za-z0-9_+-]*(\/[A-Za-z0-9_+-]+)*$/.test(name)) return false;
  try {
    new Intl.DateTimeFormat('en', { timeZone: name });
    return true;
  } catch {
    return false;
  }
}

const retentionDays = z.number().int().min(MIN_RETENTION_DAYS).max(MAX_RETENTION_DAYS);

export const municipalitySettingsSchema = z.object({
  municipalityCode: z.string(),
  name: z.string(),
  timeZone: z.string().describe('IANA time zone: deadlines, district days and routing count on its wall clock'),
  reporterRetentionDays: retentionDays.describe('Days after closure that reporter contact and followers are kept'),
  photoRetentionDays: retentionDays.describe('Days after closure that photos of reports are kept'),
});
export type MunicipalitySettings = z.infer<typeof municipalitySettingsSchema>;

export const updateSettingsBodySchema = z
  .object({
    timeZone: z
      .string()
      .max(64)
      .refine(isIanaTimeZone, 'An IANA time zone, such as Europe/Amsterdam')
      .optional()
      .describe('IANA time zone, such as Europe/Amsterdam'),
    reporterRetentionDays: retentionDays.optional(),
    photoRetentionDays: retentionDays.optional(),
  })
  .strict()
  .refine((body) => Object.keys(body).length > 0, 'Give at least one setting to change');
export type UpdateSettingsBody = z.infer<typeof updateSettingsBodySchema>;
