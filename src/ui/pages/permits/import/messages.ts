// The import page's messages, with the Permits area's own (field and status names) under them.
import { areaMessages } from '../../../i18n/area-messages';
import type { AreaTranslate } from '../../../i18n/use-t';
import { en as permitsEn } from '../messages.en';
import { es as permitsEs } from '../messages.es';
import { en } from './messages.en';
import { es } from './messages.es';

export const importMessages = areaMessages({ ...permitsEn, ...en }, { ...permitsEs, ...es });
export type ImportT = AreaTranslate<typeof importMessages>;
export type ImportKey = Parameters<ImportT>[0];
