import { useState, type FormEvent } from 'react';
import { ApiError } from '../../api/client.ts';
import { logContact } from '../../api/staff-fieldwork.ts';
import { FormField } from '../../components/form-field.tsx';
import { useStaffI18n } from '../staff-i18n.ts';
import type { DistrictChoice } from './district-choice.ts';

const counterparts = [
  'resident',
  'shopkeeper',
  'school',
  'district_council',
  'partner',
  'organisation',
  'other',
] as const;

/** A talk in the district: with whom and about what, never who (no personal data). */
export function ContactForm({ districts }: { districts: DistrictChoice[] }) {
  const { t } = useStaffI18n();
  const [counterpart, setCounterpart] = useState<(typeof counterparts)[number]>('resident');
  const [topic, setTopic] = useState('');
  const [chosenDistrict, setDistrict] = useState('');
  // Until the officer picks one, the first of their districts is the choice.
  const district = chosenDistrict || districts[0]?.code || '';
  const [error, setError] = useState<string | undefined>();
  const [message, setMessage] = useState('');

  const submit = async (event: FormEvent) => {
    event.preventDefault();
    if (!topic.trim()) {
      setError(t('contact.topicRequired'));
      document.getElementById('contact-topic')?.focus();
      return;
    }
    setError(undefined);
    try {
      await logContact({ counterpart, topic: topic.trim(), districtCode: district });
      setMessage(t('contact.saved'));
      setTopic('');
    } catch (failure) {
      setMessage(
        failure instanceof ApiError && failure.problem?.invalidParams?.length
          ? failure.problem.invalidParams.map((p) => p.reason).join(' ')
          : t('fieldLog.failed'),
      );
    }
  };

  return (
    <form noValidate onSubmit={submit} className="wp-section wp-card wp-stack" aria-labelledby="contact-title">
      <h2 className="utrecht-heading-2" id="contact-title">
        {t('contact.title')}
      </h2>
      <FormField id="contact-counterpart" label={t('contact.counterpart')}>
        {(a11y) => (
          <select
            {...a11y}
            className="utrecht-select utrecht-select--html-select"
            value={counterpart}
            onChange={(e) => setCounterpart(e.target.value as typeof counterpart)}
          >
            {counterparts.map((c) => (
              <option key={c} value={c}>
                {t(`counterpart.${c}`)}
              </option>
            ))}
          </select>
        )}
      </FormField>
      <FormField id="contact-topic" label={t('contact.topic')} description={t('contact.topicHelp')} error={error}>
        {(a11y) => (
          <input
            {...a11y}
            className="utrecht-textbox utrecht-textbox--html-input"
            maxLength={200}
            value={topic}
            onChange={(e) => setTopic(e.target.value)}
          />
        )}
      </FormField>
      <FormField id="contact-district" label={t('fieldLog.district')}>
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
        <button type="submit" className="utrecht-button utrecht-button--primary-action" disabled={!district}>
          {t('contact.save')}
        </button>
      </div>
      <p className="utrecht-paragraph" role="status" aria-live="polite">
        {message}
      </p>
    </form>
  );
}
