// English names of the Incidents area's values (types, severities, statuses, priorities) and the exercise
// label, shared by every incidents screen and print view; labels.es.ts has the same keys.
import type { Messages } from '../../i18n/translate';

export const en = {
  'incidents.exercise': 'EXERCISE',
  'incidents.exerciseNote': 'Not a real incident: nothing here changes real records.',
  'incidents.status.active': 'Active',
  'incidents.status.monitoring': 'Monitoring',
  'incidents.status.closed': 'Closed',
  'incidents.severity.minor': 'Minor',
  'incidents.severity.moderate': 'Moderate',
  'incidents.severity.major': 'Major',
  'incidents.severity.catastrophic': 'Catastrophic',
  'incidents.type.severe_weather': 'Severe weather',
  'incidents.type.flood': 'Flood',
  'incidents.type.fire': 'Fire',
  'incidents.type.power_outage': 'Power outage',
  'incidents.type.it_outage': 'Network or IT outage',
  'incidents.type.hazmat': 'Hazardous materials',
  'incidents.type.public_health': 'Public health',
  'incidents.type.earthquake': 'Earthquake',
  'incidents.type.planned_event': 'Planned event',
  'incidents.type.other': 'Other',
  'incidents.priority.important': 'Important',
  'incidents.priority.urgent': 'Urgent',
} satisfies Messages;
