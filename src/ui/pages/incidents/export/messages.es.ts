// Spanish messages of the incident export page; the same keys as messages.en.ts.
import type { CatalogOf } from '../../../i18n/translate';
import type { en } from './messages.en';

export const es: CatalogOf<typeof en> = {
  'incidentExport.title': 'Exportar registros: {name}',
  'incidentExport.heading': 'Exportar registros de actividades',
  'incidentExport.intro':
    'Para el archivo: todas las anotaciones de los registros de actividades de este incidente, con sus hashes. El CSV se abre en una hoja de cálculo, una fila por anotación. El JSON contiene los registros exactos: el incidente, sus periodos, los bloques de encabezado y las anotaciones de cada registro, y si la cadena de cada registro se verifica.',
  'incidentExport.csv': 'Descargar CSV',
  'incidentExport.json': 'Descargar JSON',
  'incidentExport.saved': 'Guardado {name}.',
  'incidentExport.logs': 'Registros de actividades',
  'incidentExport.noLogs': 'Este incidente aún no tiene registros de actividades.',
  'incidentExport.col.log': 'Registro',
  'incidentExport.col.entries': 'Anotaciones',
  'incidentExport.col.check': 'Cadena',
  'incidentExport.col.finalHash': 'Hash final',
  'incidentExport.verifying': 'Verificando…',
  'incidentExport.verified': 'Verificada',
  'incidentExport.broken': 'No se verifica desde la anotación {number}',
  'incidentExport.pending': {
    one: '{count} anotación de este dispositivo aún no está confirmada por el servidor: se exporta como provisional.',
    other:
      '{count} anotaciones de este dispositivo aún no están confirmadas por el servidor: se exportan como provisionales.',
  },
  'incidentExport.notFound':
    'Este incidente no está en este dispositivo, así que sus registros no se pueden exportar.',
  'incidentExport.back': 'Volver al incidente',
};
