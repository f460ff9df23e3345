// Mensajes en español del área Device. Typed from en, so a missing or extra key fails the typecheck.
import type { CatalogOf } from '../../i18n/translate';
import type { en } from './messages.en';

export const es: CatalogOf<typeof en> = {
  'device.title': 'Dispositivo',
  'device.storageHeading': 'Almacenamiento',
  'device.persistence': 'Almacenamiento persistente',
  'device.persistGranted': 'Concedido: el navegador no borrará los datos de Holdfast para liberar espacio.',
  'device.persistNotGranted':
    'No concedido: el navegador puede borrar los datos de Holdfast cuando el disco esté casi lleno.',
  'device.persistUnsupported': 'Este navegador no puede mantener los datos de forma persistente.',
  'device.persistRequest': 'Solicitar',
  'device.persistDenied':
    'El navegador no ha concedido el almacenamiento persistente. Instalar Holdfast como aplicación o guardarlo en marcadores puede ayudar.',
  'device.usage': 'Espacio usado',
  'device.usageValue': '{used} de {quota}',
  'device.usageUnknown': 'Este navegador no informa del espacio usado.',
  'device.appHeading': 'Aplicación y base de datos',
  'device.version': 'Versión',
  'device.build': 'Compilación',
  'device.deviceId': 'ID del dispositivo',
  'device.createdAt': 'Datos en este dispositivo desde',
  'device.database': 'Base de datos',
  'device.dbReady': 'Funciona (versión del esquema {version})',
  'device.dbOpening': 'Abriendo…',
  'device.dbBlocked': 'Esperando a que se cierren las demás pestañas de Holdfast',
  'device.dbClosed': 'Cerrada porque otra pestaña la actualizó; vuelva a cargar esta pestaña',
  'device.dbNewer': 'Guardada por una versión más reciente de Holdfast',
  'device.dbUnavailable': 'No disponible ({detail})',
  'device.unknown': 'Desconocido',

  'files.heading': 'Llevar cambios en un archivo',
  'files.intro':
    'Sin conexión, lleve los cambios en una memoria USB: expórtelos aquí e importe el archivo en un dispositivo que llegue al servidor.',
  'files.exportUnsent': 'Exportar cambios sin enviar',
  'files.exportSnapshot': 'Exportar una instantánea',
  'files.import': 'Importar un archivo',
  'files.importHint':
    'Un archivo .holdfast.json: cambios sin enviar de un dispositivo o una instantánea del servidor.',
  'files.nothingToExport': 'No hay cambios sin enviar que exportar.',
  'files.exported': {
    one: 'Se exportó {count} cambio sin enviar.',
    other: 'Se exportaron {count} cambios sin enviar.',
  },
  'files.snapshotExported': {
    one: 'Se exportó una instantánea con {count} registro.',
    other: 'Se exportó una instantánea con {count} registros.',
  },
  'files.snapshotApplied': {
    one: 'Instantánea aplicada: ahora hay {count} registro en este dispositivo.',
    other: 'Instantánea aplicada: ahora hay {count} registros en este dispositivo.',
  },
  'files.imported':
    'Archivo importado. Aplicados: {applied}. Ya estaban: {duplicate}. Rechazados: {rejected}. Conflictos: {conflict}.',
  'files.notApplied': {
    one: '{count} cambio no se aplicó: el servidor ya tiene otros cambios con su número (¿se restauró el dispositivo que lo hizo desde una copia anterior?). Ese dispositivo lo vuelve a enviar, renumerado, en su próxima sincronización.',
    other:
      '{count} cambios no se aplicaron: el servidor ya tiene otros cambios con sus números (¿se restauró el dispositivo que los hizo desde una copia anterior?). Ese dispositivo los vuelve a enviar, renumerados, en su próxima sincronización.',
  },
  'files.error.notHoldfast': 'Este no es un archivo de exportación de Holdfast.',
  'files.error.corrupt':
    'Este archivo de Holdfast está incompleto o dañado (puede que no terminara de copiarse).',
  'files.error.protocol':
    'Este archivo lo creó otra versión de Holdfast; actualice ambas para que coincidan.',
  'files.error.checksum': 'Este archivo se modificó o dañó después de exportarse; no es de fiar.',
  'files.error.wrongType': 'Este archivo contiene un tipo de datos que no se puede usar aquí.',
  'files.error.otherUser':
    'Esta instantánea se hizo para otro usuario; inicie sesión como ese usuario para usarla.',
  'device.packetHeading': 'Paquete de contingencia',
  'device.packetDue': 'Es hora de imprimir el paquete de contingencia.',
  'device.packetNever': 'Nunca se ha impreso en este dispositivo.',
  'device.packetOld': {
    one: 'Se imprimió por última vez hace {count} día.',
    other: 'Se imprimió por última vez hace {count} días.',
  },
  'device.packetChanged': {
    one: '{count} registro cambió desde que se imprimió.',
    other: '{count} registros cambiaron desde que se imprimió.',
  },
  'device.packetPrint': 'Imprimir el paquete de contingencia',
  'device.packetLast': 'Última impresión',
  'device.packetLastValue': {
    one: '{time} ({count} registro cambiado desde entonces)',
    other: '{time} ({count} registros cambiados desde entonces)',
  },
  'device.packetNeverShort': 'Nunca en este dispositivo',
  'device.packetDays': 'Recordarme imprimirlo cada (días)',
  'device.packetDaysHint': 'De 1 a 365 días. Se guarda en este dispositivo.',
  'device.packetDaysInvalid': 'Escriba un número entero de días entre 1 y 365.',
};
