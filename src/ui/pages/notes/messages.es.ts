// Mensajes en español del área Notes. Typed from en, so a missing or extra key fails the typecheck.
import type { CatalogOf } from '../../i18n/translate';
import type { en } from './messages.en';

export const es: CatalogOf<typeof en> = {
  'notes.title': 'Notas',
  'notes.new': 'Nueva nota',
  'notes.newTitle': 'Nueva nota',
  'notes.empty': 'Todavía no hay notas en este dispositivo.',
  'notes.caption': {
    one: '{count} nota en este dispositivo.',
    other: '{count} notas en este dispositivo.',
  },
  'notes.col.dept': 'Departamento',
  'notes.col.changed': 'Último cambio',
  'notes.changedBy': '{time}, por {user}',
  'notes.meta': 'Departamento {dept}. Último cambio: {time}, por {user}.',
  'notes.unsentTag': 'Sin enviar',
  'notes.field.dept': 'Departamento',
  'notes.status.open': 'Abierta',
  'notes.status.closed': 'Cerrada',
  'notes.saved': 'Nota guardada en este dispositivo.',
  'notes.nothingChanged': 'No ha cambiado nada.',
  'notes.back': 'Volver a las notas',
  'notes.notFound': 'Esta nota no está en este dispositivo.',
  'notes.deletedPage': 'Esta nota se eliminó.',
  'notes.noDepartment': 'No pertenece a ningún departamento, así que no puede añadir notas.',
  'notes.delete': 'Eliminar',
  'notes.deleteHeading': '¿Eliminar «{title}»?',
  'notes.deleteBody':
    'Todo el departamento la verá eliminada tras la próxima sincronización. Una nota eliminada no se puede recuperar.',
  'notes.deleteConfirm': 'Eliminar nota',
  'notes.deleted': 'Se eliminó la nota «{title}».',
  'notes.commentsHeading': 'Comentarios',
  'notes.noComments': 'Todavía no hay comentarios.',
  'notes.commentBy': 'De {user}, {time}',
  'notes.commentLabel': 'Comentario',
  'notes.addComment': 'Añadir comentario',
  'notes.commentAdded': 'Comentario añadido.',
  'notes.error.titleRequired': 'Escriba un título.',
  'notes.error.titleTooLong': 'Use como máximo {max} caracteres.',
  'notes.error.bodyTooLong': 'Use como máximo {max} caracteres.',
  'notes.error.commentRequired': 'Escriba primero un comentario.',
};
