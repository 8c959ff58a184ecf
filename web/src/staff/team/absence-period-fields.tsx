import type { FormError } from '../../components/error-summary.tsx';
import { FormField } from '../../components/form-field.tsx';
import { useStaffI18n, type StaffTranslate } from '../staff-i18n.ts';

export const absenceKinds = ['sick', 'leave', 'training', 'other'] as const;
export type AbsenceKind = (typeof absenceKinds)[number];

/** Start given, end after it: the checks every absence form makes before it asks the server. */
export function absencePeriodProblems(idPrefix: string, startsAt: string, endsAt: string, t: StaffTranslate) {
  const problems: FormError[] = [];
  if (!startsAt) problems.push({ fieldId: `${idPrefix}-start`, message: t('absenceForm.startRequired') });
  if (!endsAt || (startsAt && new Date(endsAt) <= new Date(startsAt)))
    problems.push({ fieldId: `${idPrefix}-end`, message: t('absenceForm.endAfterStart') });
  return problems;
}

/**
 * The kind, start and end of an absence (fields `${idPrefix}-kind`, `-start`, `-end`), shared by the team board's
 * absence form and an officer's own one. `kinds` gives the order of the choices.
 */
export function AbsencePeriodFields(props: {
  idPrefix: string;
  kinds: readonly AbsenceKind[];
  kind: AbsenceKind;
  onKind: (kind: AbsenceKind) => void;
  startsAt: string;
  onStartsAt: (value: string) => void;
  endsAt: string;
  onEndsAt: (value: string) => void;
  errorFor: (id: string) => string | undefined;
}) {
  const { t } = useStaffI18n();
  const { idPrefix } = props;
  const moment = (id: string, label: string, value: string, onChange: (value: string) => void) => (
    <FormField id={id} label={label} error={props.errorFor(id)}>
      {(a11y) => (
        <input
          {...a11y}
          type="datetime-local"
          className="utrecht-textbox utrecht-textbox--html-input"
          value={value}
          onChange={(e) => onChange(e.target.value)}
        />
      )}
    </FormField>
  );
  return (
    <>
      <FormField id={`${idPrefix}-kind`} label={t('absenceForm.kind')}>
        {(a11y) => (
          <select
            {...a11y}
            className="utrecht-select utrecht-select--html-select"
            value={props.kind}
            onChange={(e) => props.onKind(e.target.value as AbsenceKind)}
          >
            {props.kinds.map((k) => (
              <option key={k} value={k}>
                {t(`absence.${k}`)}
              </option>
            ))}
          </select>
        )}
      </FormField>
      {moment(`${idPrefix}-start`, t('absenceForm.start'), props.startsAt, props.onStartsAt)}
      {moment(`${idPrefix}-end`, t('absenceForm.end'), props.endsAt, props.onEndsAt)}
    </>
  );
}
