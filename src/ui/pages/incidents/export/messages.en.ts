// English messages of the incident export page; messages.es.ts has the same keys.
import type { Messages } from '../../../i18n/translate';

export const en = {
  'incidentExport.title': 'Export logs: {name}',
  'incidentExport.heading': 'Export activity logs',
  'incidentExport.intro':
    "For the records office: every entry of this incident's activity logs, with its hashes. The CSV opens in a spreadsheet, one row per entry. The JSON holds the exact records: the incident, its periods, each log's header blocks and entries, and whether each log's chain verifies.",
  'incidentExport.csv': 'Download CSV',
  'incidentExport.json': 'Download JSON',
  'incidentExport.saved': 'Saved {name}.',
  'incidentExport.logs': 'Activity logs',
  'incidentExport.noLogs': 'This incident has no activity logs yet.',
  'incidentExport.col.log': 'Log',
  'incidentExport.col.entries': 'Entries',
  'incidentExport.col.check': 'Chain',
  'incidentExport.col.finalHash': 'Final hash',
  'incidentExport.verifying': 'Verifying…',
  'incidentExport.verified': 'Verified',
  'incidentExport.broken': 'Does not verify from entry {number}',
  'incidentExport.pending': {
    one: '{count} entry on this device is not yet confirmed by the server: it is exported as provisional.',
    other:
      '{count} entries on this device are not yet confirmed by the server: they are exported as provisional.',
  },
  'incidentExport.notFound': 'This incident is not on this device, so its logs cannot be exported.',
  'incidentExport.back': 'Back to the incident',
} satisfies Messages;
