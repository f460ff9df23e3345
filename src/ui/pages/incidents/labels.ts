// The Incidents area's shared value names. A screen's own catalog adds them with withIncidentLabels().
import { areaMessages, type AreaMessages } from '../../i18n/area-messages';
import type { CatalogOf, Messages } from '../../i18n/translate';
import { en } from './labels.en';
import { es } from './labels.es';

export const incidentLabels = areaMessages(en, es);
export type IncidentLabelKey = keyof typeof en;

/** A screen catalog with the shared labels merged in. */
export function withIncidentLabels<E extends Messages>(
  ownEn: E,
  ownEs: CatalogOf<E>,
): AreaMessages<E & typeof en> {
  return areaMessages({ ...en, ...ownEn }, { ...es, ...ownEs } as CatalogOf<E & typeof en>);
}

export const typeKey = (type: unknown) => `incidents.type.${String(type)}` as IncidentLabelKey;
export const severityKey = (severity: unknown) =>
  `incidents.severity.${String(severity)}` as IncidentLabelKey;
export const statusKey = (status: unknown) => `incidents.status.${String(status)}` as IncidentLabelKey;
export const priorityKey = (priority: unknown) =>
  `incidents.priority.${String(priority)}` as IncidentLabelKey;
