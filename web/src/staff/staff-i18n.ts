import { useMemo } from 'react';
import { useI18n } from '../i18n/i18n.tsx';
import { staffEn } from './staff-en.ts';
import { staffNl, type StaffMessageKey } from './staff-nl.ts';

export type StaffTranslate = (key: StaffMessageKey, values?: Record<string, string | number>) => string;

/**
 * The staff screens' strings live in their own dictionaries, loaded with the staff chunk only: the
 * resident pages keep their JavaScript budget. Language, switch and date formats are the app's.
 */
export function useStaffI18n() {
  const base = useI18n();
  return useMemo(() => {
    const dictionary: Record<StaffMessageKey, string> = base.language === 'en' ? staffEn : staffNl;
    const t: StaffTranslate = (key, values) => {
      const template = dictionary[key];
      if (!values) return template;
      return template.replace(/\{(\w+)\}/g, (whole, name: string) => (name in values ? String(values[name]) : whole));
    };
    const locale = base.language === 'nl' ? 'nl-NL' : 'en-GB';
    const formatShort = (iso: string) =>
      new Intl.DateTimeFormat(locale, {
        day: 'numeric',
        month: 'short',
        hour: '2-digit',
        minute: '2-digit',
        timeZone: base.timeZone,
      }).format(new Date(iso));
    return { ...base, t, formatShort, locale };
  }, [base]);
}
