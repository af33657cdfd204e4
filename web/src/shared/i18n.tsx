import { createContext, type ReactNode, useContext, useState } from 'react';

/** zh-CN first, English available; the choice is remembered on the device. */
export type Lang = 'zh' | 'en';
export type Dictionary = Readonly<Record<string, { zh: string; en: string }>>;

interface I18nState {
  lang: Lang;
  setLang(lang: Lang): void;
  t(key: string, vars?: Record<string, string | number>): string;
  /** Picks the language of a `{ zh, en }` label from the domain (state, category, action). */
  label(value: { zh: string; en: string } | undefined): string;
}

/** `{name}` in a text replaced by its value: the one way every word list fills its blanks. */
export const fill = (text: string, vars: Record<string, string | number> = {}): string =>
  text.replace(/\{(\w+)\}/g, (_, name: string) => String(vars[name] ?? ''));

const I18nContext = createContext<I18nState | undefined>(undefined);
const KEY = 'qs.lang';

export const I18nProvider = ({ dictionary, children }: { dictionary: Dictionary; children: ReactNode }) => {
  const [lang, setLangState] = useState<Lang>(() => (localStorage.getItem(KEY) === 'en' ? 'en' : 'zh'));
  const setLang = (next: Lang) => {
    localStorage.setItem(KEY, next);
    document.documentElement.lang = next === 'zh' ? 'zh-CN' : 'en';
    setLangState(next);
  };
  const t = (key: string, vars: Record<string, string | number> = {}) =>
    fill(dictionary[key]?.[lang] ?? key, vars);
  const label = (value: { zh: string; en: string } | undefined) => (value === undefined ? '' : value[lang]);
  return <I18nContext.Provider value={{ lang, setLang, t, label }}>{children}</I18nContext.Provider>;
};

export const useI18n = (): I18nState => {
  const state = useContext(I18nContext);
  if (state === undefined) throw new Error('useI18n outside I18nProvider');
  return state;
};
