// useT(): the translate function for the current language; the component re-renders when it changes.
// useAreaT(messages): the same for a component of an area, which also knows the area's own messages.
import { useCallback } from 'preact/hooks';
import { useAppStore } from '../store/use-app-store';
import { translateArea, type AreaKey, type AreaMessages } from './area-messages';
import type { MessageKey } from './en';
import { translate, type Language, type MessageParams } from './translate';

export type Translate<K extends string = MessageKey> = ((key: K, params?: MessageParams) => string) & {
  language: Language;
};

/** The t() of an area: accepts the area's keys and the shell's (pass it wherever a Translate is wanted). */
export type AreaTranslate<A extends AreaMessages> = Translate<AreaKey<A>>;

export function useT(): Translate {
  const language = useAppStore((state) => state.language);
  const fn = useCallback(
    (key: MessageKey, params?: MessageParams) => translate(language, key, params),
    [language],
  );
  return Object.assign(fn, { language });
}

export function useAreaT<A extends AreaMessages>(area: A): AreaTranslate<A> {
  const language = useAppStore((state) => state.language);
  const fn = useCallback(
    (key: AreaKey<A>, params?: MessageParams) => translateArea(area, language, key, params),
    [language, area.en, area.es],
  );
  return Object.assign(fn, { language });
}
