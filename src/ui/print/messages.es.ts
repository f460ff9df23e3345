// Spanish words shared by every print view; the same keys as messages.en.ts.
import type { CatalogOf } from '../i18n/translate';
import type { en } from './messages.en';

export const es: CatalogOf<typeof en> = {
  'print.button': 'Imprimir',
  'print.hint':
    'Se imprime en papel carta. El encabezado y el pie de cada página dicen cuándo se sincronizaron los datos por última vez.',
  'print.pageOf': 'Página {page} de {pages}',
  'print.dataAsOf': 'Datos al {time}',
  'print.neverSynced': 'Datos: nunca sincronizados',
  'print.device': 'Dispositivo {code}',
  'print.deviceFull': 'Impreso en el dispositivo {code} ({id})',
  'print.deviceUnknown': 'dispositivo desconocido',
  'print.printedAt': 'Impreso el {time}',
  'print.documentCode': 'Código del documento',
  'print.qrLabel': 'Código QR del documento {code}, página {page}',
  'print.codeSlot': 'Código',
  'print.transcribedBy': 'Transcrito por',
  'print.transcribedAt': 'Transcrito el (fecha y hora)',
  'print.transcribedHeading': 'Para la oficina: registrado en Holdfast',
  'print.signature': 'Firma',
  'print.date': 'Fecha',
  'print.name': 'Nombre',
  'print.none': 'Ninguno.',
  'print.notFound': 'Este registro no está en este dispositivo, así que no se puede imprimir.',
  'print.loading': 'Cargando…',
  'print.checkOne': 'Marque una opción.',
};
