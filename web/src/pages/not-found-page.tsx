import { PageHeading } from '../components/page-title.tsx';
import { useI18n } from '../i18n/i18n.tsx';
import { Link } from '../router.tsx';

export function NotFoundPage() {
  const { t } = useI18n();
  return (
    <>
      <PageHeading>{t('notFound.title')}</PageHeading>
      <p className="utrecht-paragraph">{t('notFound.body')}</p>
      <p className="utrecht-paragraph">
        <Link to="/">{t('notFound.home')}</Link>
      </p>
    </>
  );
}
