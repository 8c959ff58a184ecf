import { useEffect, useState } from 'react';
import { ApiError } from '../../api/client.ts';
import type { Round } from '../../api/contract.ts';
import { currentRound, startRound, stopRound } from '../../api/staff-fieldwork.ts';
import { FormField } from '../../components/form-field.tsx';
import { useStaffI18n } from '../staff-i18n.ts';
import type { DistrictChoice } from './district-choice.ts';

/** Start and stop a district round: the hours count as visibility in the management overview. */
export function PresenceCard({ districts }: { districts: DistrictChoice[] }) {
  const { t, formatShort } = useStaffI18n();
  const [round, setRound] = useState<Round | null>(null);
  const [chosenDistrict, setDistrict] = useState('');
  // Until the officer picks one, the first of their districts is the choice.
  const district = chosenDistrict || districts[0]?.code || '';
  const [message, setMessage] = useState('');

  useEffect(() => {
    currentRound()
      .then((body) => setRound(body.round))
      .catch(() => undefined);
  }, []);

  const nameOf = (code: string) => districts.find((d) => d.code === code)?.name ?? code;
  const start = async () => {
    try {
      const body = await startRound(district);
      setRound(body.round);
      setMessage(t('presence.started', { district: nameOf(body.round.districtCode) }));
    } catch (error) {
      setMessage(error instanceof ApiError && error.problem?.detail ? error.problem.detail : t('fieldLog.failed'));
    }
  };
  const stop = async () => {
    try {
      await stopRound();
      setMessage(t('presence.stopped'));
      setRound(null);
    } catch {
      setMessage(t('fieldLog.failed'));
    }
  };

  return (
    <section className="wp-section wp-card" aria-labelledby="presence-title">
      <h2 className="utrecht-heading-2" id="presence-title">
        {t('presence.title')}
      </h2>
      {round ? (
        <>
          <p className="utrecht-paragraph">
            {t('presence.running', { district: nameOf(round.districtCode), since: formatShort(round.startedAt) })}
          </p>
          <div className="wp-actions">
            <button
              type="button"
              id="round-stop"
              className="utrecht-button utrecht-button--primary-action"
              onClick={() => void stop()}
            >
              {t('presence.stop')}
            </button>
          </div>
        </>
      ) : (
        <>
          <FormField id="round-district" label={t('fieldLog.district')}>
            {(a11y) => (
              <select
                {...a11y}
                className="utrecht-select utrecht-select--html-select"
                value={district}
                onChange={(e) => setDistrict(e.target.value)}
              >
                {districts.map((d) => (
                  <option key={d.code} value={d.code}>
                    {d.name}
                  </option>
                ))}
              </select>
            )}
          </FormField>
          <div className="wp-actions">
            <button
              type="button"
              id="round-start"
              className="utrecht-button utrecht-button--primary-action"
              disabled={!district}
              onClick={() => void start()}
            >
              {t('presence.start')}
            </button>
          </div>
        </>
      )}
      <p className="utrecht-paragraph" role="status" aria-live="polite">
        {message}
      </p>
    </section>
  );
}
