import { useEffect, useState, type FormEvent } from 'react';
import type { Team } from '../../../api/contract.ts';
import { ErrorSummary, type FormError } from '../../../components/error-summary.tsx';
import { FormField } from '../../../components/form-field.tsx';
import { useStaffI18n } from '../../staff-i18n.ts';
import { errorFor, formErrorsOf } from '../config/problems.ts';
import {
  getPartnerChannel,
  setPartnerChannel,
  type ChannelKind,
  type PartnerChannel,
  type PartnerChannelBody,
} from '../../../api/staff-admin-extras.ts';

const kinds: readonly ChannelKind[] = ['workspace', 'email', 'webhook'];

/**
 * How a partner organisation hears of forwards. The webhook secret is write-only: the form never shows it, says
 * whether one is set, and sends a new one only when typed (left out, the server keeps the current one).
 */
export function PartnerChannelForm({ team }: { team: Team }) {
  const { t } = useStaffI18n();
  const [stored, setStored] = useState<PartnerChannel | null>(null);
  const [failed, setFailed] = useState(false);
  const [draft, setDraft] = useState({ channel: 'workspace' as ChannelKind, email: '', webhookUrl: '', secret: '' });
  const [errors, setErrors] = useState<FormError[]>([]);
  const [attempt, setAttempt] = useState(0);
  const [result, setResult] = useState('');

  const show = (channel: PartnerChannel) => {
    setStored(channel);
    setDraft({
      channel: channel.channel,
      email: channel.email ?? '',
      webhookUrl: channel.webhookUrl ?? '',
      secret: '',
    });
  };
  useEffect(() => {
    getPartnerChannel(team.id).then(show, () => setFailed(true));
  }, [team.id]);

  const submit = async (event: FormEvent) => {
    event.preventDefault();
    setResult('');
    const body: PartnerChannelBody = { channel: draft.channel };
    if (draft.channel === 'email') body.email = draft.email.trim();
    if (draft.channel === 'webhook') body.webhookUrl = draft.webhookUrl.trim();
    if (draft.channel === 'webhook' && draft.secret) body.webhookSecret = draft.secret;
    try {
      show(await setPartnerChannel(team.id, body));
      setErrors([]);
      setResult(t('admin.saved'));
    } catch (error) {
      const fields = {
        'body.email': 'channel-email',
        'body.webhookUrl': 'channel-url',
        'body.webhookSecret': 'channel-secret',
      };
      setErrors(formErrorsOf(error, fields, 'channel-kind', t('admin.saveFailed')));
      setAttempt((n) => n + 1);
    }
  };
  const text = (id: string, key: 'email' | 'webhookUrl' | 'secret', label: string, type: string, help?: string) => (
    <FormField id={id} label={label} description={help} error={errorFor(errors, id)} optional={key === 'secret'}>
      {(a11y) => (
        <input
          {...a11y}
          type={type}
          autoComplete={key === 'secret' ? 'new-password' : 'off'}
          className="utrecht-textbox utrecht-textbox--html-input"
          value={draft[key]}
          onChange={(e) => setDraft((d) => ({ ...d, [key]: e.target.value }))}
        />
      )}
    </FormField>
  );

  if (failed)
    return (
      <p className="utrecht-paragraph wp-error-text" role="alert">
        {t('admin.loadFailed')}
      </p>
    );
  if (!stored) return null;
  return (
    <form noValidate onSubmit={submit} className="wp-stack" aria-labelledby="channel-form-title">
      <h3 className="utrecht-heading-3" id="channel-form-title">
        {t('admin.partner.channelTitle', { name: team.name })}
      </h3>
      <ErrorSummary errors={errors} attempt={attempt} />
      <FormField id="channel-kind" label={t('admin.partner.channel')} error={errorFor(errors, 'channel-kind')}>
        {(a11y) => (
          <select
            {...a11y}
            className="utrecht-select utrecht-select--html-select"
            value={draft.channel}
            onChange={(e) => setDraft((d) => ({ ...d, channel: e.target.value as ChannelKind }))}
          >
            {kinds.map((kind) => (
              <option key={kind} value={kind}>
                {t(`admin.partner.channel.${kind}`)}
              </option>
            ))}
          </select>
        )}
      </FormField>
      {draft.channel === 'email' ? text('channel-email', 'email', t('admin.partner.channelEmail'), 'email') : null}
      {draft.channel === 'webhook' ? (
        <>
          {text('channel-url', 'webhookUrl', t('admin.partner.webhookUrl'), 'url')}
          {text(
            'channel-secret',
            'secret',
            t('admin.partner.webhookSecret'),
            'password',
            stored.webhookSecretSet ? t('admin.partner.secretSet') : t('admin.partner.secretNotSet'),
          )}
        </>
      ) : null}
      <div className="wp-actions">
        <button type="submit" id="channel-save" className="utrecht-button utrecht-button--primary-action">
          {t('admin.partner.channelSave')}
        </button>
      </div>
      <p className="utrecht-paragraph" role="status" aria-live="polite" id="channel-result">
        {result}
      </p>
    </form>
  );
}
