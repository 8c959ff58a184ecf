import { PageHeading } from '../components/page-title.tsx';
import { useI18n } from '../i18n/i18n.tsx';
import { Link } from '../router.tsx';
import { loadConfirmation } from './report-form-model.ts';

export function ConfirmationPage({ trackingCode }: { trackingCode: string }) {
  const { t, formatDate } = useI18n();
  const confirmation = loadConfirmation(trackingCode);
  const report = confirmation?.report;
  const photos = confirmation?.photos;
  const statusPath = `/melding/${encodeURIComponent(trackingCode)}`;

  return (
    <>
      <PageHeading>{t('confirmation.title')}</PageHeading>
      <div className="utrecht-alert utrecht-alert--ok">
        <div className="utrecht-alert__content">
          <p className="utrecht-paragraph">{t('confirmation.codeIntro')}</p>
          <p className="wp-tracking-code" id="tracking-code">
            {trackingCode}
          </p>
          <p className="utrecht-paragraph">{t('confirmation.keepCode')}</p>
        </div>
      </div>
      {report ? (
        <div className="wp-stack wp-section">
          {/* Only who takes it: the full routing reason tells why colleagues are away, which is not for the public. */}
          <p className="utrecht-paragraph">{t('confirmation.routed', { assignee: report.assignee.name })}</p>
          <p className="utrecht-paragraph">{t('confirmation.district', { district: report.district.name })}</p>
          <p className="utrecht-paragraph">{t('confirmation.deadline', { date: formatDate(report.deadline) })}</p>
        </div>
      ) : null}
      {photos && photos.sent > 0 ? (
        <p className="utrecht-paragraph">
          {photos.sent === 1 ? t('confirmation.photoSent') : t('confirmation.photosSent', { count: photos.sent })}
        </p>
      ) : null}
      {photos && photos.failed > 0 ? (
        <div className="utrecht-alert utrecht-alert--warning" role="status">
          <p className="utrecht-paragraph">{t('confirmation.photosFailed')}</p>
        </div>
      ) : null}
      <ul className="utrecht-unordered-list wp-section">
        <li className="utrecht-unordered-list__item">
          <Link to={statusPath}>{t('confirmation.statusLink')}</Link>
        </li>
        <li className="utrecht-unordered-list__item">
          <Link to="/melden">{t('confirmation.another')}</Link>
        </li>
      </ul>
    </>
  );
}
