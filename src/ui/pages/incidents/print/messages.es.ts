// Spanish messages of the Incidents print views; the same keys as messages.en.ts.
import type { CatalogOf } from '../../../i18n/translate';
import type { en } from './messages.en';

export const es: CatalogOf<typeof en> = {
  'incidentPrint.dateHint': 'AAAA-MM-DD',
  'incidentPrint.timeHint': 'reloj de 24 horas, HH:MM',
  'incidentPrint.name': 'Nombre',
  'incidentPrint.position': 'Cargo/título',
  'incidentPrint.dateTime': 'Fecha/hora',
  'incidentPrint.timeZone': 'Las horas están en reloj de 24 horas, zona horaria {zone}.',

  'incidentPrint.214.pageOf': 'ICS 214, página {page} de {pages}',
  'incidentPrint.214.title': 'ICS 214 Registro de actividades: {name}',
  'incidentPrint.214.exerciseTitle': 'SIMULACRO · ICS 214 Registro de actividades: {name}',
  'incidentPrint.214.heading': 'Registro de actividades (ICS 214)',
  'incidentPrint.214.entries': { one: '{count} anotación', other: '{count} anotaciones' },
  'incidentPrint.214.block1': '1. Nombre del incidente',
  'incidentPrint.214.block2': '2. Periodo operacional',
  'incidentPrint.214.periodNumber': 'Periodo {number}',
  'incidentPrint.214.from': 'Desde',
  'incidentPrint.214.to': 'Hasta',
  'incidentPrint.214.block3': '3. Nombre',
  'incidentPrint.214.block4': '4. Cargo ICS',
  'incidentPrint.214.block5': '5. Agencia de origen (y unidad)',
  'incidentPrint.214.block6': '6. Recursos asignados',
  'incidentPrint.214.col.name': 'Nombre',
  'incidentPrint.214.col.position': 'Cargo ICS',
  'incidentPrint.214.col.agency': 'Agencia de origen (y unidad)',
  'incidentPrint.214.noResources': 'No hay recursos asignados.',
  'incidentPrint.214.block7': '7. Registro de actividades',
  'incidentPrint.214.col.number': 'N.º',
  'incidentPrint.214.col.dateTime': 'Fecha/hora',
  'incidentPrint.214.col.activities': 'Actividades destacadas',
  'incidentPrint.214.noEntries': 'No hay anotaciones.',
  'incidentPrint.214.correctedBy': 'Corregida por la anotación {number}. Motivo: {reason}',
  'incidentPrint.214.corrects': 'Corrección de la anotación {number}. Motivo: {reason}',
  'incidentPrint.214.correctsUnknown':
    'Corrección de una anotación que no está en este dispositivo. Motivo: {reason}',
  'incidentPrint.214.transcribed': 'Transcrita del papel; registrada el {time}',
  'incidentPrint.214.pending': 'Aún sin confirmar por el servidor: su número es provisional',
  'incidentPrint.214.by': 'por {name}',
  'incidentPrint.214.photos': 'Fotos: {count}',
  'incidentPrint.214.block8': '8. Preparado por',
  'incidentPrint.214.check': 'Compruebe esta copia',
  'incidentPrint.214.checkIntro':
    'Holdfast enlaza cada anotación con la anterior mediante un hash SHA-256. Compare el número de anotaciones y el hash final con el registro en Holdfast: si ambos coinciden, esta copia contiene todas las anotaciones, sin cambios y en orden.',
  'incidentPrint.214.entryCount': 'Anotaciones',
  'incidentPrint.214.finalHash': 'Hash final',
  'incidentPrint.214.verification': 'Verificación',
  'incidentPrint.214.verifying': 'Verificando…',
  'incidentPrint.214.verified':
    'Verificado en este dispositivo: todas las anotaciones están sin cambios y en orden.',
  'incidentPrint.214.broken':
    'No se verifica en este dispositivo: la anotación {number} fue alterada, eliminada o desordenada.',
  'incidentPrint.214.pendingNote': {
    one: '{count} anotación aún no está confirmada por el servidor: su número y el hash final pueden cambiar tras la próxima sincronización.',
    other:
      '{count} anotaciones aún no están confirmadas por el servidor: sus números y el hash final pueden cambiar tras la próxima sincronización.',
  },

  'incidentPrint.213.title': 'ICS 213 Mensaje general: {subject}',
  'incidentPrint.213.exerciseTitle': 'SIMULACRO · ICS 213 Mensaje general: {subject}',
  'incidentPrint.213.heading': 'Mensaje general (ICS 213)',
  'incidentPrint.213.block1': '1. Nombre del incidente (opcional)',
  'incidentPrint.213.block2': '2. Para (nombre y cargo)',
  'incidentPrint.213.block3': '3. De (nombre y cargo)',
  'incidentPrint.213.block4': '4. Asunto',
  'incidentPrint.213.block5': '5. Fecha',
  'incidentPrint.213.block6': '6. Hora',
  'incidentPrint.213.block7': '7. Mensaje',
  'incidentPrint.213.block8': '8. Aprobado por',
  'incidentPrint.213.block9': '9. Respuesta',
  'incidentPrint.213.block10': '10. Respondido por',
  'incidentPrint.213.noReply': 'Aún no hay respuesta registrada: escriba la respuesta aquí.',
  'incidentPrint.213.pending': 'Aún no enviado desde este dispositivo.',

  'incidentPrint.blank214.title': 'ICS 214 Registro de actividades (formulario en papel)',
  'incidentPrint.blank214.intro':
    'Para llevar un registro de actividades en papel cuando no se puede usar Holdfast. Escriba una línea por actividad con su fecha y hora; nunca borre: corrija un error en una línea nueva que indique la línea que corrige. Después, registre la hoja en Holdfast como anotaciones transcritas del papel.',
  'incidentPrint.blank214.sheet': 'Número de hoja',
  'incidentPrint.blank214.sheetHint': 'página ___ de ___',
  'incidentPrint.blank213.title': 'ICS 213 Mensaje general (formulario en papel)',
  'incidentPrint.blank213.intro':
    'Para enviar un mensaje en papel cuando no se puede usar Holdfast. Quien envía completa los bloques 1 a 8; quien responde completa los bloques 9 y 10 y devuelve el formulario.',
};
