import { useEffect, useState, type FormEvent } from 'react';
import type { MunicipalitySettings } from '../../../api/contract.ts';
import { getSettings, updateSettings } from '../../../api/staff-admin-config.ts';
import { ErrorSummary, type FormError } from '../../../components/error-summary.tsx';
import { FormField } from '../../../components/form-field.tsx';
import { PageHeading } from '../../../components/page-title.tsx';
import { useStaffI18n } from '../../staff-i18n.ts';
import { errorFor, formErrorsOf } from './problems.ts';

/** The zones the browser knows, for the list; the server checks the name again. */
const timeZones = typeof Intl.supportedValuesOf === 'function' ? Intl.supportedValuesOf('timeZone') : [];

/** Time zone and retention periods of the administrator's municipality. */
export function SettingsPage() {
  const { t } = useStaffI18n();
  const [settings, setSettings] = useState<MunicipalitySettings | null>(null);
  const [draft, setDraft] = useState({ timeZone: '', reporterDays: '', photoDays: '' });
  const [failed, setFailed] = useState(false);
  const [errors, setErrors] = useState<FormError[]>([]);
  const [attempt, setAttempt] = useState(0);
  const [message, setMessage] = useState('');

  const show = (loaded: MunicipalitySettings) => {
    setSettings(loaded);
    setDraft({
      timeZone: loaded.timeZone,
      reporterDays: String(loaded.reporterRetentionDays),
      photoDays: String(loaded.photoRetentionDays),
    });
  };
  useEffect(() => {
    getSettings().then(show, () => setFailed(true));
  }, []);

  const submit = async (event: FormEvent) => {
    event.preventDefault();
    setMessage('');
    try {
      show(
        await updateSettings({
          timeZone: draft.timeZone,
          reporterRetentionDays: Number(draft.reporterDays),
          photoRetentionDays: Number(draft.photoDays),
        }),
      );
      setErrors([]);
      setMessage(t('config.saved'));
    } catch (error) {
      const fields = {
        'body.timeZone': 'settings-time-zone',
        'body.reporterRetentionDays': 'settings-reporter-days',
        'body.photoRetentionDays': 'settings-photo-days',
      };
      setErrors(formErrorsOf(error, fields, 'settings-time-zone', t('config.saveFailed')));
      setAttempt((n) => n + 1);
    }
  };
  const zones = timeZones.includes(draft.timeZone) || !draft.timeZone ? timeZones : [draft.timeZone, ...timeZones];
  const days = (key: 'reporterDays' | 'photoDays', id: string, label: string) => (
    <FormField id={id} label={label} error={errorFor(errors, id)} description={t('settings.retentionHelp')}>
      {(a11y) => (
        <input
          {...a11y}
          className="utrecht-textbox utrecht-textbox--html-input"
          inputMode="numeric"
          value={draft[key]}
          onChange={(e) => setDraft((d) => ({ ...d, [key]: e.target.value }))}
        />
      )}
    </FormField>
  );

  return (
    <>
      <PageHeading>{t('settings.title')}</PageHeading>
      {failed ? (
        <p className="utrecht-paragraph wp-error-text" role="alert">
          {t('config.failed')}
        </p>
      ) : null}
      {settings ? (
        <section className="wp-section wp-card" aria-label={settings.name}>
          <ErrorSummary errors={errors} attempt={attempt} />
          <form noValidate onSubmit={submit} className="wp-stack">
            <FormField
              id="settings-time-zone"
              label={t('settings.timeZone')}
              description={t('settings.timeZoneHelp')}
              error={errorFor(errors, 'settings-time-zone')}
            >
              {(a11y) =>
                zones.length ? (
                  <select
                    {...a11y}
                    className="utrecht-select utrecht-select--html-select"
                    value={draft.timeZone}
                    onChange={(e) => setDraft((d) => ({ ...d, timeZone: e.target.value }))}
                  >
                    {zones.map((zone) => (
                      <option key={zone} value={zone}>
                        {zone}
                      </option>
                    ))}
                  </select>
                ) : (
                  <input
                    {...a11y}
                    className="utrecht-textbox utrecht-textbox--html-input"
                    value={draft.timeZone}
                    onChange={(e) => setDraft((d) => ({ ...d, timeZone: e.target.value }))}
                  />
                )
              }
            </FormField>
            {days('reporterDays', 'settings-reporter-days', t('settings.reporterDays'))}
            {days('photoDays', 'settings-photo-days', t('settings.photoDays'))}
            <div>
              <button type="submit" className="utrecht-button utrecht-button--primary-action">
                {t('config.save')}
              </button>
            </div>
          </form>
          <p className="utrecht-paragraph wp-ok-text" role="status">
            {message}
          </p>
        </section>
      ) : null}
    </>
  );
}
