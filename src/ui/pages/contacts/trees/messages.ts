// The tree and succession screens' messages (English and Spanish), for useAreaT(treesMessages).
import { areaMessages } from '../../../i18n/area-messages';
import type { AreaTranslate } from '../../../i18n/use-t';
import { en } from './messages.en';
import { es } from './messages.es';

export const treesMessages = areaMessages(en, es);
export type TreesT = AreaTranslate<typeof treesMessages>;
export type TreesKey = Parameters<TreesT>[0];
