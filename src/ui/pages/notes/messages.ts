// The notes area's messages (English and Spanish), for useAreaT(notesMessages) in its components.
import { areaMessages } from '../../i18n/area-messages';
import type { AreaTranslate } from '../../i18n/use-t';
import { en } from './messages.en';
import { es } from './messages.es';

export const notesMessages = areaMessages(en, es);
export type NotesT = AreaTranslate<typeof notesMessages>;
export type NotesKey = Parameters<NotesT>[0];
