import { createContext, useCallback, useContext, useEffect, useMemo, useState, type ReactNode } from 'react';
import { useUiConfig } from '../ui-config.tsx';
import { en } from './en.ts';
import { nl, type MessageKey } from './nl.ts';

export type Language = 'nl' | 'en';
export type Translate = (key: MessageKey, values?: Record<string, string | number>) => string;

const dictionaries: Record<Language, Record<MessageKey, string>> = { nl, en };
const STORAGE_KEY = 'wijkpost.language';

interface I18n {
  language: Language;
  setLanguage: (language: Language) => void;
  t: Translate;
  /** The municipality's zone for dates and times (undefined: the browser's own). */
  timeZone: string | undefined;
  formatDateTime: (iso: string) => string;
  formatDate: (iso: string) => string;
}

const I18nContext = createContext<I18n | null>(null);

export function storedLanguage(): Language {
  try {
    return localStorage.getItem(STORAGE_KEY) === 'en' ? 'en' : 'nl';
  } catch {
    return 'nl'; // storage blocked (private mode): Dutch is the default
  }
}

export function translate(language: Language, key: MessageKey, values?: Record<string, string | number>): string {
  const template = dictionaries[language][key];
  if (!values) return template;
  return template.replace(/\{(\w+)\}/g, (whole, name: string) => (name in values ? String(values[name]) : whole));
}

export function I18nProvider({ children }: { children: ReactNode }) {
  const [language, setLanguageState] = useState<Language>(storedLanguage);
  const zone = useUiConfig().config.timeZone ?? undefined;

  useEffect(() => {
    document.documentElement.lang = language;
  }, [language]);

  const setLanguage = useCallback((next: Language) => {
    try {
      localStorage.setItem(STORAGE_KEY, next);
    } catch {
      // not persisted; the switch still works for this visit
    }
    setLanguageState(next);
  }, []);

  const value = useMemo<I18n>(() => {
    const locale = language === 'nl' ? 'nl-NL' : 'en-GB';
    return {
      language,
      setLanguage,
      t: (key, values) => translate(language, key, values),
      timeZone: zone,
      formatDateTime: (iso) =>
        new Intl.DateTimeFormat(locale, { dateStyle: 'long', timeStyle: 'short', timeZone: zone }).format(
          new Date(iso),
        ),
      formatDate: (iso) =>
        new Intl.DateTimeFormat(locale, { weekday: 'long', day: 'numeric', month: 'long', timeZone: zone }).format(
          new Date(iso),
        ),
    };
  }, [language, setLanguage, zone]);

  return <I18nContext.Provider value={value}>{children}</I18nContext.Provider>;
}

export function useI18n(): I18n {
  const context = useContext(I18nContext);
  if (!context) throw new Error('useI18n outside I18nProvider');
  return context;
}
