// English words shared by every print view (the running header and footer, the Print button, write-on
// forms); messages.es.ts has the same keys.
import type { Messages } from '../i18n/translate';

export const en = {
  'print.button': 'Print',
  'print.hint':
    'Prints on Letter paper. The header and footer of each page say when the data was last synced.',
  'print.pageOf': 'Page {page} of {pages}',
  'print.dataAsOf': 'Data as of {time}',
  'print.neverSynced': 'Data as of: never synced',
  'print.device': 'Device {code}',
  'print.deviceFull': 'Printed on device {code} ({id})',
  'print.deviceUnknown': 'unknown device',
  'print.printedAt': 'Printed {time}',
  'print.documentCode': 'Document code',
  'print.qrLabel': 'QR code of document {code}, page {page}',
  'print.codeSlot': 'Code',
  'print.transcribedBy': 'Transcribed by',
  'print.transcribedAt': 'Transcribed at (date and time)',
  'print.transcribedHeading': 'For the office: entered into Holdfast',
  'print.signature': 'Signature',
  'print.date': 'Date',
  'print.name': 'Name',
  'print.none': 'None.',
  'print.notFound': 'This record is not on this device, so it cannot be printed.',
  'print.loading': 'Loading…',
  'print.checkOne': 'Tick one.',
} satisfies Messages;
