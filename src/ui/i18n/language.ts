// The display language: chosen per device (localStorage), defaulting to the browser's, shown in <html lang>.
import { appStore } from '../store/app-store';
import { LANGUAGES, type Language } from './translate';

const STORAGE_KEY = 'holdfast.language';

export function isLanguage(value: unknown): value is Language {
  return typeof value === 'string' && (LANGUAGES as readonly string[]).includes(value);
}

export function initialLanguage(): Language {
  try {
    const saved = localStorage.getItem(STORAGE_KEY);
    if (isLanguage(saved)) return saved;
  } catch {
    // Storage blocked: fall back to the browser's language.
  }
  const preferred = typeof navigator === 'undefined' ? [] : (navigator.languages ?? [navigator.language]);
  for (const tag of preferred) {
    const base = tag.toLowerCase().split('-')[0];
    if (isLanguage(base)) return base;
  }
  return 'en';
}

export function setLanguage(language: Language): void {
  try {
    localStorage.setItem(STORAGE_KEY, language);
  } catch {
    // Not remembered across visits, but the switch still applies now.
  }
  applyLanguage(language);
}

export function applyLanguage(language: Language): void {
  document.documentElement.lang = language;
  appStore.getState().set({ language });
}
