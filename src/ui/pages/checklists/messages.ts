// The Checklists area's messages (English and Spanish), for useAreaT(checklistsMessages), and a t() for a
// language chosen by the document rather than the screen (a run or a printed sheet in its own language).
import { areaMessages, translateArea, type AreaKey } from '../../i18n/area-messages';
import type { MessageParams } from '../../i18n/translate';
import type { AreaTranslate } from '../../i18n/use-t';
import { en } from './messages.en';
import { es } from './messages.es';

export const checklistsMessages = areaMessages(en, es);
export type ChecklistsT = AreaTranslate<typeof checklistsMessages>;
export type ChecklistsKey = Parameters<ChecklistsT>[0];
/** The area's own keys (no shell keys): those a document in another language can use. */
export type OwnChecklistsKey = Extract<keyof typeof en, string>;

/** The t() of the area in a given language, for text that follows a document's language. */
export function checklistsTIn(language: 'en' | 'es'): ChecklistsT {
  const fn = (key: AreaKey<typeof checklistsMessages>, params?: MessageParams) =>
    translateArea(checklistsMessages, language, key, params);
  return Object.assign(fn, { language });
}
