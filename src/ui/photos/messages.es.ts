// Spanish messages of the photo field and photo viewer; the same keys as messages.en.ts.
import type { CatalogOf } from '../i18n/translate';
import type { en } from './messages.en';

export const es: CatalogOf<typeof en> = {
  'photos.take': 'Tomar foto',
  'photos.choose': 'Elegir fotos',
  'photos.hint': 'Hasta {max} fotos. Cada foto se hace más pequeña antes de guardarla en este dispositivo.',
  'photos.none': 'No hay fotos añadidas.',
  'photos.preparing': 'Preparando las fotos…',
  'photos.added': { one: '{count} foto añadida.', other: '{count} fotos añadidas.' },
  'photos.removed': 'Foto {number} quitada.',
  'photos.remove': 'Quitar la foto {number}',
  'photos.alt': 'Foto {number}',
  'photos.fileProblem': '«{name}»: {problem}',
  'photos.error.tooLarge': 'Esta foto es demasiado grande ({size} MB); el límite es de {max} MB.',
  'photos.error.stillTooLarge':
    'Esta foto sigue siendo demasiado grande después de reducirla ({size} MB); el límite es de {max} MB.',
  'photos.error.notImage': 'Este archivo no es una foto. Elija una foto, por ejemplo un archivo JPEG o PNG.',
  'photos.error.tooMany': {
    one: 'Se pueden añadir {max} fotos como máximo, así que {count} foto no se añadió.',
    other: 'Se pueden añadir {max} fotos como máximo, así que {count} fotos no se añadieron.',
  },
  'photos.open': 'Abrir la foto {number}',
  'photos.fullSize': 'Foto {number}, tamaño completo',
  'photos.closeFull': 'Cerrar la foto {number}',
  'photos.notHere': 'La foto aún no está en este dispositivo.',
  'photos.download': 'Descargar la foto {number}',
  'photos.downloading': 'Descargando la foto {number}…',
  'photos.offline':
    'La foto aún no está en este dispositivo. Se puede descargar cuando el dispositivo tenga conexión.',
  'photos.notFound':
    'Esta foto aún no está en el servidor. Se verá cuando el dispositivo que la tomó la haya enviado.',
  'photos.downloadFailed': 'No se pudo descargar la foto. Inténtelo de nuevo.',
  'photos.notSent': 'Sin enviar',
  'photos.refused': 'El servidor no aceptó esta foto: {reason}',
  'photos.retry': 'Volver a enviar la foto {number}',
  'photos.problemsHeading': 'Fotos que el servidor no aceptó',
  'photos.problemsIntro':
    'Estas fotos siguen en este dispositivo y cuentan como sin enviar. Vuelva a intentarlo o consulte a su equipo de informática.',
  'photos.retrying': 'La foto {number} se enviará de nuevo en la próxima sincronización.',
};
