// Mensajes en español del área sync inboxes (Needs attention, Conflicts). Typed from en, so a missing or extra key fails the typecheck.
import type { CatalogOf } from '../../i18n/translate';
import type { en } from './messages.en';

export const es: CatalogOf<typeof en> = {
  'attention.intro':
    'El servidor rechazó estos cambios. Los demás cambios se enviaron igualmente. Corrija cada uno o descártelo.',
  'attention.empty': 'No hay nada que requiera atención.',
  'attention.reason': 'Motivo',
  'attention.when': 'Cuándo',
  'attention.whenValue': 'Hecho el {made}, rechazado el {refused}',
  'attention.what.create': 'Nota nueva «{title}»',
  'attention.what.update': 'Cambio en la nota «{title}»: {fields}',
  'attention.what.delete': 'Eliminación de la nota «{title}»',
  'attention.what.comment': 'Comentario «{text}»',
  'attention.what.createMany': {
    one: 'Importación de {count} registro (el primero: «{title}»)',
    other: 'Importación de {count} registros (el primero: «{title}»)',
  },
  'attention.what.resolve': 'Una resolución de conflicto',
  'attention.reason.invalid': 'Un valor no era válido.',
  'attention.reason.forbidden': 'No tiene permiso para hacer este cambio.',
  'attention.reason.notFound': 'El registro ya no existe.',
  'attention.reason.duplicate': 'El registro ya existe.',
  'attention.reason.deleted': 'Alguien eliminó el registro.',
  'attention.reason.appendOnly': 'Esta entrada no se puede cambiar.',
  'attention.reason.alreadyResolved': 'Alguien ya resolvió este conflicto de otra manera.',
  'attention.reason.notAllowed': 'El cambio no está permitido en el estado actual del registro.',
  'attention.reason.unknownMutation': 'El servidor no conoce este tipo de cambio.',
  'attention.fix': 'Corregir',
  'attention.discard': 'Descartar',
  'attention.discardHeading': '¿Descartar este cambio?',
  'attention.discardBody': 'No se volverá a enviar y no se podrá recuperar.',
  'attention.discardConfirm': 'Descartar cambio',
  'attention.discarded': 'Cambio descartado.',

  'conflicts.intro':
    'Dos personas cambiaron el mismo campo a la vez. El servidor conservó un valor; elija cuál debe quedarse.',
  'conflicts.empty': 'No hay conflictos.',
  'conflicts.heading': 'Nota «{title}», campo {field}',
  'conflicts.serverSide': 'Conservado en el servidor',
  'conflicts.clientSide': 'Enviado desde un dispositivo',
  'conflicts.serverBy': 'De {user} (detectado el {time})',
  'conflicts.clientBy': 'De {user}, {time}',
  'conflicts.choose': '¿Qué valor debe quedarse en el campo?',
  'conflicts.keepServer': 'El valor conservado en el servidor',
  'conflicts.keepClient': 'El valor enviado desde el dispositivo',
  'conflicts.typeMerged': 'Un valor que escribo yo',
  'conflicts.mergedLabel': 'Valor combinado',
  'conflicts.resolve': 'Resolver',
  'conflicts.resolved': 'Se resolvió el conflicto de «{title}».',
};
