import { PageHeading } from '../../components/page-title.tsx';
import { Link } from '../../router.tsx';
import { useStaffI18n } from '../staff-i18n.ts';
import { adminSections } from './admin-sections.ts';

/** Where an administrator lands: every section of the administration with what it is for. */
export function AdminHomePage() {
  const { t } = useStaffI18n();
  return (
    <>
      <PageHeading>{t('admin.title')}</PageHeading>
      <p className="utrecht-paragraph">{t('admin.intro')}</p>
      <ul className="wp-admin-sections" id="admin-sections">
        {adminSections.map((section) => (
          <li key={section.path} className="wp-card">
            <h2 className="utrecht-heading-3">
              <Link to={section.path}>{t(section.title)}</Link>
            </h2>
            <p className="utrecht-paragraph">{t(section.description)}</p>
          </li>
        ))}
      </ul>
    </>
  );
}
