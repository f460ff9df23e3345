// The export page's messages with the area's shared value names (EXERCISE), for useAreaT(exportMessages).
import type { AreaTranslate } from '../../../i18n/use-t';
import { withIncidentLabels } from '../labels';
import { en } from './messages.en';
import { es } from './messages.es';

export const exportMessages = withIncidentLabels(en, es);
export type ExportT = AreaTranslate<typeof exportMessages>;
