import { useState, type FormEvent } from 'react';
import { PageHeading } from '../components/page-title.tsx';
import { useI18n } from '../i18n/i18n.tsx';
import { Link, useRouter } from '../router.tsx';
import { normaliseTrackingCode } from './tracking-code.ts';

export function HomePage() {
  const { t } = useI18n();
  const { navigate } = useRouter();
  const [code, setCode] = useState('');

  const showStatus = (event: FormEvent) => {
    event.preventDefault();
    const trimmed = code.trim();
    // "wp 9m4v …" becomes WP-9M4V-…; a code that cannot be one goes as typed, so the page says it is unknown.
    if (trimmed) navigate(`/melding/${encodeURIComponent(normaliseTrackingCode(trimmed) ?? trimmed)}`);
  };

  return (
    <>
      <PageHeading>{t('home.title')}</PageHeading>
      <p className="utrecht-paragraph utrecht-paragraph--lead">{t('home.intro')}</p>
      <p className="utrecht-paragraph">
        <Link
          to="/melden"
          className="utrecht-button-link utrecht-button-link--html-a utrecht-button-link--primary-action"
        >
          {t('home.reportLink')}
        </Link>
      </p>
      <section className="wp-section" aria-labelledby="my-district-heading">
        <h2 id="my-district-heading" className="utrecht-heading-2">
          {t('home.myDistrictTitle')}
        </h2>
        <p className="utrecht-paragraph">{t('home.myDistrictIntro')}</p>
        <p className="utrecht-paragraph">
          <Link to="/mijn-wijk">{t('home.myDistrictLink')}</Link>
        </p>
      </section>
      <section className="wp-section" aria-labelledby="status-heading">
        <h2 id="status-heading" className="utrecht-heading-2">
          {t('home.statusTitle')}
        </h2>
        <p className="utrecht-paragraph">{t('home.statusIntro')}</p>
        <form noValidate onSubmit={showStatus} className="utrecht-form">
          <div className="utrecht-form-field utrecht-form-field--text wp-field">
            <div className="utrecht-form-field__label">
              <label className="utrecht-form-label" htmlFor="tracking-code">
                {t('home.trackingCodeLabel')}
              </label>
            </div>
            <div className="utrecht-form-field__input">
              <input
                id="tracking-code"
                className="utrecht-textbox utrecht-textbox--html-input"
                autoComplete="off"
                spellCheck={false}
                value={code}
                onChange={(event) => setCode(event.target.value)}
              />
            </div>
          </div>
          <button type="submit" className="utrecht-button utrecht-button--secondary-action">
            {t('home.showStatus')}
          </button>
        </form>
      </section>
    </>
  );
}
