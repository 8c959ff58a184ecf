import { useStaffI18n } from '../../staff-i18n.ts';
import { weekdayName, weekdays } from '../admin-kit.tsx';

/** ISO weekdays as checkboxes; `allowed` limits the choice (district days lie within the working days). */
export function WeekdayChoice({
  id,
  legend,
  value,
  onChange,
  allowed,
}: {
  id: string;
  legend: string;
  value: readonly number[];
  onChange: (days: number[]) => void;
  allowed?: readonly number[];
}) {
  const { locale } = useStaffI18n();
  return (
    <fieldset className="utrecht-form-fieldset wp-choice-group" id={id}>
      <legend className="utrecht-form-fieldset__legend">{legend}</legend>
      {weekdays
        .filter((day) => !allowed || allowed.includes(day))
        .map((day) => (
          <label key={day} className="wp-choice">
            <input
              type="checkbox"
              className="utrecht-checkbox utrecht-checkbox--html-input"
              value={day}
              checked={value.includes(day)}
              onChange={(e) =>
                onChange(e.target.checked ? [...value, day].sort() : value.filter((other) => other !== day))
              }
            />{' '}
            {weekdayName(locale, day)}
          </label>
        ))}
    </fieldset>
  );
}
