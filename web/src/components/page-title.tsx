import { useEffect } from 'react';
import { useI18n } from '../i18n/i18n.tsx';

/** Every page names itself in the tab title (WCAG 2.4.2). */
export function usePageTitle(title: string) {
  const { t } = useI18n();
  useEffect(() => {
    document.title = `${title} · ${t('app.name')}`;
  }, [title, t]);
}

export function PageHeading({ children }: { children: string }) {
  usePageTitle(children);
  return (
    <h1 className="utrecht-heading-1" tabIndex={-1}>
      {children}
    </h1>
  );
}
