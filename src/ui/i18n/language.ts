// The display language: chosen per device (localStorage), defaulting to the browser's, shown in <html lang>.
// A language is switched to only once its catalog has arrived, so no key is ever shown in its place.
import { appStore } from '../store/app-store';
import { LANGUAGES, loadLanguage, type Language } from './translate';

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

/** The latest choice: a slower catalog that arrives after a newer choice must not win. */
let wanted: Language | null = null;

/** Remembers the choice at once and switches when its catalog has loaded; false if it could not load. */
export async function setLanguage(language: Language): Promise<boolean> {
  try {
    localStorage.setItem(STORAGE_KEY, language);
  } catch {
    // Not remembered across visits, but the switch still applies now.
  }
  return applyLanguage(language);
}

/** Loads the language's catalog, then shows it; on failure (offline, never cached) keeps the current one. */
export async function applyLanguage(language: Language): Promise<boolean> {
  wanted = language;
  try {
    await loadLanguage(language);
  } catch (error) {
    console.error(`Holdfast could not load the ${language} messages`, error);
    return false;
  }
  if (wanted !== language) return false;
  if (typeof document !== 'undefined') document.documentElement.lang = language;
  appStore.getState().set({ language });
  return true;
}
