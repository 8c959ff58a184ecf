import { useEffect, useId, useState } from 'react';
import { ApiError } from '../api/client.ts';
import type { NearbyPublicReport } from '../api/contract.ts';
import { followReport, nearbyReports } from '../api/public-reports.ts';
import type { LonLat } from '../api/types.ts';
import { useI18n } from '../i18n/i18n.tsx';
import type { MessageKey } from '../i18n/nl.ts';

const EMAIL = /^[^\s@]+@[^\s@]+\.[^\s@]+$/;
type Lookup = { status: 'idle' } | { status: 'loaded'; items: NearbyPublicReport[] } | { status: 'failed' };

interface DuplicateHintProps {
  category: string;
  point: LonLat | null;
  /** The e-mail address the resident typed in the form, offered for following. */
  email: string;
  /** Told the reports found (or none), so the map can pin them. */
  onItems?: (items: NearbyPublicReport[]) => void;
}

const NONE: NearbyPublicReport[] = [];

/**
 * "Is dit dezelfde melding?": once subject and place are known, open reports of the same subject nearby,
 * each with "Volg deze melding" (an e-mail address for updates) so the resident need not file a duplicate.
 * The count is announced politely; everything works by keyboard (the e-mail field is not a nested form,
 * so Enter there follows instead of sending the report).
 */
export function DuplicateHint({ category, point, email, onItems }: DuplicateHintProps) {
  const { t } = useI18n();
  const [lookup, setLookup] = useState<Lookup>({ status: 'idle' });
  const lon = point?.[0];
  const lat = point?.[1];

  useEffect(() => {
    if (!category || lon === undefined || lat === undefined) {
      // eslint-disable-next-line react-hooks/set-state-in-effect -- back to the waiting state when the request's key changes, before this effect's fetch
      setLookup({ status: 'idle' });
      return;
    }
    const abort = new AbortController();
    const timer = setTimeout(() => {
      nearbyReports([lon, lat], category, abort.signal)
        .then((items) => setLookup({ status: 'loaded', items }))
        .catch(() => !abort.signal.aborted && setLookup({ status: 'failed' }));
    }, 250);
    return () => {
      clearTimeout(timer);
      abort.abort();
    };
  }, [category, lon, lat]);

  const items = lookup.status === 'loaded' ? lookup.items : NONE;
  useEffect(() => onItems?.(items), [items, onItems]);
  const announcement =
    lookup.status !== 'loaded'
      ? ''
      : items.length === 1
        ? t('duplicates.foundOne')
        : items.length > 1
          ? t('duplicates.found', { count: items.length })
          : '';
  return (
    <div className="wp-duplicates" id="duplicates">
      <p className="wp-visually-hidden" role="status" aria-live="polite">
        {announcement}
      </p>
      {items.length > 0 ? (
        <section className="utrecht-alert utrecht-alert--info wp-section" aria-labelledby="duplicates-heading">
          {/* The alert lays out its children in a row (icon, content): everything goes in its content box. */}
          <div className="utrecht-alert__content wp-duplicates__content">
            <h2 className="utrecht-heading-2" id="duplicates-heading">
              {t('duplicates.title')}
            </h2>
            <p className="utrecht-paragraph">{t('duplicates.intro')}</p>
            <ul className="wp-duplicates__list">
              {items.map((item) => (
                <NearbyItem key={item.publicId} item={item} email={email} />
              ))}
            </ul>
            <p className="utrecht-paragraph">{t('duplicates.stillReport')}</p>
          </div>
        </section>
      ) : null}
    </div>
  );
}

function NearbyItem({ item, email }: { item: NearbyPublicReport; email: string }) {
  const { t, language, formatDate } = useI18n();
  const [open, setOpen] = useState(false);
  const [address, setAddress] = useState(email);
  const [state, setState] = useState<
    { status: 'editing' | 'sending' | 'following' } | { status: 'error'; message: string }
  >({ status: 'editing' });
  const fieldId = `follow-email-${useId().replace(/:/g, '')}`;
  const categoryName = language === 'en' ? item.category.nameEn : item.category.nameNl;
  const statusText = t(`status.${item.status}` as MessageKey) || item.status;

  const follow = async () => {
    const trimmed = address.trim();
    if (!EMAIL.test(trimmed)) {
      setState({ status: 'error', message: t('contact.emailInvalid') });
      return;
    }
    setState({ status: 'sending' });
    try {
      await followReport(item.publicId, trimmed, language);
      setState({ status: 'following' });
    } catch (failure) {
      const gone = failure instanceof ApiError && failure.status === 404;
      setState({ status: 'error', message: gone ? t('duplicates.followGone') : t('duplicates.followFailed') });
    }
  };

  return (
    <li className="wp-duplicates__item" data-public-id={item.publicId}>
      <p className="utrecht-paragraph">
        <strong>{categoryName}</strong>
        {' · '}
        {t('duplicates.distance', { metres: item.distanceMetres })}
        {' · '}
        {t('duplicates.reported', { date: formatDate(`${item.reportedDate}T12:00:00Z`) })}
        {' · '}
        {statusText}
      </p>
      {state.status === 'following' ? (
        <p className="utrecht-paragraph wp-duplicates__done" role="status">
          {t('duplicates.following')}
        </p>
      ) : !open ? (
        <button
          type="button"
          className="utrecht-button utrecht-button--secondary-action"
          onClick={() => setOpen(true)}
          aria-expanded="false"
        >
          {t('duplicates.follow')}
          <span className="wp-visually-hidden">{`: ${categoryName}, ${t('duplicates.distance', { metres: item.distanceMetres })}`}</span>
        </button>
      ) : (
        <div className={`utrecht-form-field wp-field${state.status === 'error' ? ' utrecht-form-field--invalid' : ''}`}>
          <div className="utrecht-form-field__label">
            <label className="utrecht-form-label" htmlFor={fieldId}>
              {t('duplicates.emailLabel')}
            </label>
          </div>
          <p className="utrecht-form-field-description" id={`${fieldId}-help`}>
            {t('duplicates.emailHelp')}
          </p>
          {state.status === 'error' ? (
            <p className="utrecht-form-field-error-message" id={`${fieldId}-error`} role="alert">
              {state.message}
            </p>
          ) : null}
          <div className="utrecht-form-field__input">
            <input
              id={fieldId}
              type="email"
              inputMode="email"
              autoComplete="email"
              // Open on request: the resident asked to follow, so the address field is where they continue.
              autoFocus
              className={`utrecht-textbox utrecht-textbox--html-input${state.status === 'error' ? ' utrecht-textbox--invalid' : ''}`}
              aria-invalid={state.status === 'error' ? true : undefined}
              aria-describedby={state.status === 'error' ? `${fieldId}-help ${fieldId}-error` : `${fieldId}-help`}
              value={address}
              onChange={(event) => setAddress(event.target.value)}
              onKeyDown={(event) => {
                if (event.key !== 'Enter') return;
                event.preventDefault(); // not the report form's submit
                void follow();
              }}
            />
          </div>
          <div className="wp-actions">
            <button
              type="button"
              className="utrecht-button utrecht-button--primary-action"
              onClick={() => void follow()}
              aria-disabled={state.status === 'sending'}
            >
              {state.status === 'sending' ? t('duplicates.followSending') : t('duplicates.followConfirm')}
            </button>
          </div>
        </div>
      )}
    </li>
  );
}
