import { useEffect, useState } from 'react';
import { getPasswordStatus } from '../../api/staff-admin.ts';
import { Link } from '../../router.tsx';
import { useStaffI18n } from '../staff-i18n.ts';

/** After an administrator handed over a one-time password, every screen asks for the user's own first. */
export function PasswordReminder({ path }: { path: string }) {
  const { t } = useStaffI18n();
  const [mustChange, setMustChange] = useState(false);
  useEffect(() => {
    let current = true;
    getPasswordStatus()
      .then((status) => current && setMustChange(status.mustChangePassword))
      .catch(() => undefined);
    return () => {
      current = false;
    };
  }, [path]);
  if (!mustChange || path === '/wachtwoord') return null;
  return (
    <div className="utrecht-alert utrecht-alert--warning wp-card" role="alert" id="password-reminder">
      <p className="utrecht-paragraph">
        {t('password.reminder')} <Link to="/wachtwoord">{t('password.title')}</Link>
      </p>
    </div>
  );
}
