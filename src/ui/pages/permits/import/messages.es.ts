// Mensajes en español de la página de importación y exportación de permisos. Typed from en.
import type { CatalogOf } from '../../../i18n/translate';
import type { en } from './messages.en';

export const es: CatalogOf<typeof en> = {
  'permitsImport.title': 'Importar y exportar permisos',
  'permitsImport.intro':
    'Traiga permisos desde el archivo CSV de una ciudad, o guarde los permisos de este dispositivo en un archivo CSV.',
  'permitsImport.back': 'Volver a permisos',
  'permitsImport.importHeading': 'Importar un archivo CSV',
  'permitsImport.file': 'Archivo CSV',
  'permitsImport.fileHint':
    'Un archivo exportado desde otro sistema de permisos, con los nombres de las columnas en la primera línea.',
  'permitsImport.reading': 'Leyendo el archivo…',
  'permitsImport.unreadable': 'No se pudo leer este archivo como CSV: {reason}',
  'permitsImport.noRows': 'Este archivo no tiene filas debajo de los nombres de las columnas.',
  'permitsImport.fileSummary': {
    one: '«{name}»: {count} fila, {columns} columnas.',
    other: '«{name}»: {count} filas, {columns} columnas.',
  },
  'permitsImport.noDepartment': 'No pertenece a ningún departamento, así que no puede importar permisos.',
  'permitsImport.dept': 'Departamento al que pertenecen los permisos',
  'permitsImport.savedHeading': 'Correspondencias guardadas',
  'permitsImport.savedPick': 'Correspondencia guardada',
  'permitsImport.savedNone': 'Todavía no hay ninguna correspondencia guardada.',
  'permitsImport.savedUse': 'Usar esta correspondencia',
  'permitsImport.savedUsed': 'Se usa la correspondencia guardada «{name}».',
  'permitsImport.saveName': 'Guardar esta correspondencia como',
  'permitsImport.saveHint':
    'Póngale un nombre para usarla otra vez con el próximo archivo del mismo sistema.',
  'permitsImport.save': 'Guardar correspondencia',
  'permitsImport.saveNameMissing': 'Escriba un nombre para la correspondencia.',
  'permitsImport.saved': 'Correspondencia «{name}» guardada en este dispositivo.',
  'permitsImport.mappingHeading': 'Columnas',
  'permitsImport.mappingIntro':
    'Para cada dato del permiso, elija la columna del archivo que lo contiene. Las columnas sugeridas ya están elegidas.',
  'permitsImport.required': '(obligatorio)',
  'permitsImport.notInFile': '— No está en este archivo —',
  'permitsImport.statusHeading': 'Estados',
  'permitsImport.statusIntro': 'Elija qué significa en Holdfast cada palabra de estado del archivo.',
  'permitsImport.statusFor': 'Estado para «{word}»',
  'permitsImport.statusFallback': 'Estado cuando el archivo no da ninguno o da una palabra que no está aquí',
  'permitsImport.previewHeading': 'Vista previa',
  'permitsImport.previewCaption': 'Los primeros {count} permisos tal como se importarán.',
  'permitsImport.planSummary': {
    one: '{rows} filas forman {count} permiso. Las filas con el mismo número de permiso son un solo permiso.',
    other:
      '{rows} filas forman {count} permisos. Las filas con el mismo número de permiso son un solo permiso.',
  },
  'permitsImport.errorsHeading': {
    one: '{count} problema en el archivo',
    other: '{count} problemas en el archivo',
  },
  'permitsImport.errorsIntro':
    'No se importa nada mientras el archivo tenga problemas. Corrija el archivo o las columnas, o deje fuera los permisos con problemas.',
  'permitsImport.moreErrors': {
    one: '… y {count} problema más.',
    other: '… y {count} problemas más.',
  },
  'permitsImport.skip': {
    one: 'Dejar fuera {count} fila con problemas e importar el resto',
    other: 'Dejar fuera las {count} filas con problemas e importar el resto',
  },
  'permitsImport.import': {
    one: 'Importar {count} permiso',
    other: 'Importar {count} permisos',
  },
  'permitsImport.importing': 'Importando…',
  'permitsImport.progress': 'Guardando permisos: {done} de {total}',
  'permitsImport.done': {
    one: 'Se importó {count} permiso de «{name}».',
    other: 'Se importaron {count} permisos de «{name}».',
  },
  'permitsImport.alreadyHere': {
    one: '{count} permiso ya estaba en este dispositivo y se dejó como estaba.',
    other: '{count} permisos ya estaban en este dispositivo y se dejaron como estaban.',
  },
  'permitsImport.refused': 'No se importó nada. {reason}',
  'permitsImport.forbidden': 'Su función o departamento no permite añadir permisos a este departamento.',
  'permitsImport.notSaved': 'no se pudo guardar el permiso {number}.',
  'permitsImport.storageFull':
    'No se importó nada: este dispositivo no tiene espacio. Libere espacio e inténtelo de nuevo.',
  'permitsImport.line': 'Línea {line}: {problem}',
  'permitsImport.problem.required': 'Falta {field}.',
  'permitsImport.problem.unmapped': 'No se eligió ninguna columna para {field}.',
  'permitsImport.problem.not_a_date': '{field} no es una fecha: «{value}».',
  'permitsImport.problem.not_a_number': '{field} no es un importe: «{value}».',
  'permitsImport.problem.too_long': '{field} tiene más de {max} caracteres.',
  'permitsImport.problem.too_small': '{field} es demasiado pequeño.',
  'permitsImport.problem.too_large': '{field} es demasiado grande.',
  'permitsImport.problem.date_order': '{field} es anterior a {other}.',
  'permitsImport.problem.wrong_type': '{field} no es válido.',
  'permitsImport.problem.other': '{field} no es válido.',
  'permitsImport.exportHeading': 'Exportar',
  'permitsImport.exportIntro': {
    one: 'Hay {count} permiso en este dispositivo.',
    other: 'Hay {count} permisos en este dispositivo.',
  },
  'permitsImport.exportHoldfast': 'Descargar CSV (columnas de Holdfast)',
  'permitsImport.exportBlds': 'Descargar CSV BLDS',
  'permitsImport.exportBldsHint':
    'BLDS es la especificación de datos de construcción y urbanismo (Building and Land Development Specification) que usan los portales de datos abiertos.',
  'permitsImport.exporting': 'Preparando el archivo: {done} de {total}',
  'permitsImport.exported': {
    one: 'Se guardó {count} permiso en «{name}».',
    other: 'Se guardaron {count} permisos en «{name}».',
  },
};
