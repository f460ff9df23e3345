// Mensajes en español de la página de importación de contactos y exportación vCard. Typed from en.
import type { CatalogOf } from '../../../i18n/translate';
import type { en } from './messages.en';

export const es: CatalogOf<typeof en> = {
  'contactsImport.title': 'Importar y exportar contactos',
  'contactsImport.intro':
    'Traiga contactos desde una hoja de cálculo guardada como CSV, o guarde contactos como archivo vCard para teléfonos y programas de correo.',
  'contactsImport.back': 'Volver a contactos',
  'contactsImport.importHeading': 'Importar un archivo CSV',
  'contactsImport.file': 'Archivo CSV',
  'contactsImport.fileHint':
    'Una hoja de cálculo guardada como CSV, con los nombres de columna en la primera línea.',
  'contactsImport.reading': 'Leyendo el archivo…',
  'contactsImport.unreadable': 'Este archivo no se pudo leer como CSV: {reason}',
  'contactsImport.noRows': 'Este archivo no tiene filas bajo los nombres de columna.',
  'contactsImport.fileSummary': {
    one: '«{name}»: {count} fila, {columns} columnas.',
    other: '«{name}»: {count} filas, {columns} columnas.',
  },
  'contactsImport.noDepartment': 'No pertenece a ningún departamento, así que no puede importar contactos.',
  'contactsImport.dept': 'Departamento al que pertenecen los contactos',
  'contactsImport.mappingHeading': 'Columnas',
  'contactsImport.mappingIntro':
    'Elija la columna que contiene cada dato. Hace falta una columna de nombre, o columnas de nombre y apellido.',
  'contactsImport.notInFile': '— No está en este archivo —',
  'contactsImport.target.name': 'Nombre completo',
  'contactsImport.target.firstName': 'Nombre',
  'contactsImport.target.lastName': 'Apellido',
  'contactsImport.target.phone1': 'Teléfono 1',
  'contactsImport.target.phone2': 'Teléfono 2',
  'contactsImport.target.phone3': 'Teléfono 3',
  'contactsImport.target.phone1Label': 'Tipo del teléfono 1',
  'contactsImport.target.phone2Label': 'Tipo del teléfono 2',
  'contactsImport.target.phone3Label': 'Tipo del teléfono 3',
  'contactsImport.phoneLabelFor': 'Tipo del teléfono {index} cuando la fila no lo dice',
  'contactsImport.previewHeading': 'Las primeras filas',
  'contactsImport.previewCaption': {
    one: 'La primera fila del archivo tal como se importará.',
    other: 'Las primeras {count} filas del archivo tal como se importarán.',
  },
  'contactsImport.rowHeader': 'Línea',
  'contactsImport.checkHeading': 'Revisión',
  'contactsImport.checking': 'Comparando {done} de {total} filas con los contactos de este dispositivo…',
  'contactsImport.planSummary': {
    one: '{rows} fila: se puede importar {good} contacto.',
    other: '{rows} filas: se pueden importar {good} contactos.',
  },
  'contactsImport.errorsHeading': {
    one: '{count} problema',
    other: '{count} problemas',
  },
  'contactsImport.errorsIntro':
    'Aún no se ha guardado nada. Corrija estas filas en el archivo y elíjalo de nuevo, o déjelas fuera.',
  'contactsImport.moreErrors': {
    one: '… y {count} problema más.',
    other: '… y {count} problemas más.',
  },
  'contactsImport.line': 'Línea {line}: {problem}',
  'contactsImport.problem.required': 'Falta {field}.',
  'contactsImport.problem.unmapped': 'No se eligió ninguna columna para el nombre.',
  'contactsImport.problem.phone_invalid': '{field} no es un número de teléfono: «{value}».',
  'contactsImport.problem.duplicate_in_file': 'El mismo {what} que la línea {other}.',
  'contactsImport.problem.duplicate_on_device': 'Repite a {name}, que ya está en este dispositivo.',
  'contactsImport.problem.not_a_date': '{field} no es una fecha: «{value}».',
  'contactsImport.problem.not_allowed_value': '{field} no es válido: «{value}».',
  'contactsImport.problem.too_long': '{field} tiene más de {max} caracteres.',
  'contactsImport.problem.other': '{field} no es válido.',
  'contactsImport.what.name': 'nombre',
  'contactsImport.what.phones': 'número de teléfono',
  'contactsImport.skip': {
    one: 'Dejar fuera la {count} fila con problemas e importar el resto',
    other: 'Dejar fuera las {count} filas con problemas e importar el resto',
  },
  'contactsImport.import': {
    one: 'Importar {count} contacto',
    other: 'Importar {count} contactos',
  },
  'contactsImport.importing': 'Importando…',
  'contactsImport.progress': 'Guardados {done} de {total}',
  'contactsImport.done': {
    one: 'Se importó {count} contacto de «{name}».',
    other: 'Se importaron {count} contactos de «{name}».',
  },
  'contactsImport.refused': 'No se importó nada. {reason}',
  'contactsImport.storageFull': 'Este dispositivo no tiene espacio. No se importó nada.',
  'contactsImport.exportHeading': 'Exportar como vCard',
  'contactsImport.exportAll': {
    one: 'Hay {count} contacto en este dispositivo.',
    other: 'Hay {count} contactos en este dispositivo.',
  },
  'contactsImport.exportFiltered': {
    one: '{count} contacto coincide con la lista de la que vino.',
    other: '{count} contactos coinciden con la lista de la que vino.',
  },
  'contactsImport.downloadAll': 'Descargar todos los contactos (.vcf)',
  'contactsImport.downloadFiltered': 'Descargar estos contactos (.vcf)',
  'contactsImport.exporting': 'Exportados {done} de {total}',
  'contactsImport.exported': {
    one: 'Se guardó {count} contacto en «{name}».',
    other: 'Se guardaron {count} contactos en «{name}».',
  },
};
