// The activity log pages' messages (English and Spanish) with the Incidents area's shared value names.
import type { AreaTranslate } from '../../../i18n/use-t';
import { withIncidentLabels } from '../labels';
import { en } from './messages.en';
import { es } from './messages.es';

export const logMessages = withIncidentLabels(en, es);
export type LogT = AreaTranslate<typeof logMessages>;
export type LogKey = Parameters<LogT>[0];
