// useT(): the translate function for the current language; the component re-renders when it changes.
import { useCallback } from 'preact/hooks';
import { useAppStore } from '../store/use-app-store';
import type { MessageKey } from './en';
import { translate, type Language, type MessageParams } from './translate';

export type Translate = ((key: MessageKey, params?: MessageParams) => string) & { language: Language };

export function useT(): Translate {
  const language = useAppStore((state) => state.language);
  const fn = useCallback(
    (key: MessageKey, params?: MessageParams) => translate(language, key, params),
    [language],
  );
  return Object.assign(fn, { language });
}
