// Spanish messages of the ICS 214 activity log pages; the same keys as messages.en.ts.
import type { CatalogOf } from '../../../i18n/translate';
import type { en } from './messages.en';

export const es: CatalogOf<typeof en> = {
  'activityLog.newTitle': 'Nuevo registro de actividades',
  'activityLog.newIntro':
    'Un registro de actividades (ICS 214) anota lo que hizo una persona o unidad durante un periodo operacional.',
  'activityLog.create': 'Crear registro de actividades',
  'activityLog.created': 'Registro de actividades creado en este dispositivo.',
  'activityLog.title': 'Registro de actividades: {name}',
  'activityLog.heading': 'Registro de actividades (ICS 214)',
  'activityLog.notFound': 'Este registro de actividades no está en este dispositivo.',
  'activityLog.incidentNotFound': 'Este incidente no está en este dispositivo.',
  'activityLog.backToIncident': 'Volver al incidente',
  'activityLog.print': 'Imprimir este registro (ICS 214)',
  'activityLog.noPeriod':
    'Este incidente aún no tiene periodo operacional. Un registro de actividades pertenece a un periodo: primero agregue uno en la página del incidente.',
  'activityLog.addPeriodLink': 'Agregar un periodo operacional en la página del incidente',
  'activityLog.notMember':
    'Usted no es miembro del departamento que dirige este incidente, así que no puede agregar a sus registros.',
  'activityLog.readOnly': 'Puede leer este registro; su rol o departamento no le permite agregar entradas.',
  'activityLog.requiredMark': '(obligatorio)',

  'activityLog.field.period': 'Periodo operacional',
  'activityLog.field.name': 'Nombre (persona o unidad)',
  'activityLog.field.icsPosition': 'Cargo ICS',
  'activityLog.field.homeAgency': 'Agencia y unidad de origen',
  'activityLog.field.resources': 'Recursos asignados',
  'activityLog.periodOption': 'Periodo {number}: {from} a {to}',
  'activityLog.hint.icsPosition': 'Por ejemplo Jefe de la Sección de Operaciones o Encargado de Albergue.',

  'activityLog.resources.none': 'No hay recursos en la lista.',
  'activityLog.resources.row': 'Recurso {number}',
  'activityLog.resources.name': 'Nombre',
  'activityLog.resources.position': 'Cargo ICS',
  'activityLog.resources.agency': 'Agencia y unidad de origen',
  'activityLog.resources.add': 'Agregar un recurso',
  'activityLog.resources.remove': 'Quitar el recurso {number}',
  'activityLog.resources.removed': 'Recurso {number} quitado.',
  'activityLog.resources.emptyRow': 'Escriba el nombre o quite esta fila.',

  'activityLog.block.incident': '1. Nombre del incidente',
  'activityLog.block.period': '2. Periodo operacional',
  'activityLog.block.name': '3. Nombre',
  'activityLog.block.position': '4. Cargo ICS',
  'activityLog.block.agency': '5. Agencia y unidad de origen',
  'activityLog.block.resources': '6. Recursos asignados',
  'activityLog.block.log': '7. Registro de actividades',
  'activityLog.periodRange': 'Periodo {number}: de {from} a {to}',
  'activityLog.periodMissing': 'El periodo no está en este dispositivo',
  'activityLog.notGiven': 'Sin indicar',
  'activityLog.editHeader': 'Editar el encabezado',
  'activityLog.saveHeader': 'Guardar el encabezado',
  'activityLog.headerSaved': 'Encabezado guardado en este dispositivo.',
  'activityLog.nothingChanged': 'No cambió nada.',
  'activityLog.unsentHeader': 'Cambios del encabezado aún no enviados',

  'activityLog.entry.heading': 'Anotar una entrada',
  'activityLog.entry.text': 'Qué pasó',
  'activityLog.entry.textHint':
    'Escriba una línea y pulse Intro para anotarla. El campo queda listo para la siguiente.',
  'activityLog.entry.record': 'Anotar',
  'activityLog.entry.recorded': 'Anotado: {text}',
  'activityLog.entry.time': 'Hora del hecho',
  'activityLog.entry.date': 'Fecha',
  'activityLog.entry.clock': 'Hora (24 horas)',
  'activityLog.entry.clockHint': 'Por ejemplo 14:05.',
  'activityLog.entry.followsClock': 'Sigue al reloj hasta que usted la cambie.',
  'activityLog.entry.fixedTime': 'Las entradas llevan esta hora hasta que vuelva a elegir la hora actual.',
  'activityLog.entry.useNow': 'Usar la hora actual',
  'activityLog.entry.priority': 'Prioridad',
  'activityLog.entry.priorityNone': 'Rutina (sin etiqueta)',
  'activityLog.entry.transcribed': 'Transcrita de un registro en papel',
  'activityLog.entry.transcribedHint':
    'Escriba la fecha y la hora anotadas en el registro en papel. La entrada queda marcada como transcrita del papel.',
  'activityLog.entry.attach': 'Adjuntar una foto',
  'activityLog.entry.photos': 'Fotos',
  'activityLog.entry.photosHint': 'Las fotos van con la próxima entrada que anote, escrita o rápida.',
  'activityLog.entry.photosAttached': {
    one: '{count} foto adjunta a la próxima entrada.',
    other: '{count} fotos adjuntas a la próxima entrada.',
  },
  'activityLog.entry.recordedWithPhotos': {
    one: 'Anotado con {count} foto: {text}',
    other: 'Anotado con {count} fotos: {text}',
  },
  'activityLog.entry.quick': 'Entradas rápidas',
  'activityLog.entry.quickHint': 'Una pulsación anota la entrada con la hora del hecho de arriba.',
  'activityLog.quick.arrived': 'Llegada al lugar',
  'activityLog.quick.briefing': 'Reunión informativa realizada',
  'activityLog.quick.requested': 'Recursos solicitados',
  'activityLog.quick.resourcesArrived': 'Recursos llegados',
  'activityLog.quick.situationSent': 'Informe de situación enviado',
  'activityLog.quick.shiftChange': 'Cambio de turno',
  'activityLog.quick.departed': 'Salida del lugar',

  'activityLog.error.textRequired': 'Escriba qué pasó.',
  'activityLog.error.tooLong': 'Use como máximo {max} caracteres (este tiene {length}).',
  'activityLog.error.timeRequired': 'Escriba la fecha y la hora (24 horas, por ejemplo 14:05).',
  'activityLog.error.paperTimeRequired':
    'Escriba la fecha y la hora anotadas en el registro en papel (24 horas, por ejemplo 14:05).',
  'activityLog.error.timeInvalid':
    'Escriba la hora como horas y minutos en formato de 24 horas, por ejemplo 14:05.',
  'activityLog.error.reasonRequired': 'Diga por qué se corrige la entrada.',
  'activityLog.error.nameRequired': 'Escriba el nombre de la persona o unidad.',
  'activityLog.error.periodRequired': 'Elija el periodo operacional.',
  'activityLog.error.invalid': 'Este valor no se puede guardar.',
  'activityLog.error.forbidden': 'Su rol o departamento no permite este cambio.',
  'activityLog.error.notFound': 'Este registro de actividades ya no está en este dispositivo.',
  'activityLog.error.deleted': 'Este registro de actividades fue eliminado, así que la entrada no se anotó.',
  'activityLog.error.photosPreparing': 'Espere a que las fotos estén listas y luego anote la entrada.',
  'activityLog.error.photos':
    'Estas fotos no se pueden guardar con la entrada. Quite algunas e inténtelo de nuevo.',
  'activityLog.error.signedOut':
    'Su sesión está cerrada en este dispositivo. Vuelva a iniciar sesión para anotar entradas.',

  'activityLog.entries.heading': 'Entradas',
  'activityLog.entries.none': 'Aún no hay entradas. La primera línea que anote aparecerá aquí.',
  'activityLog.entries.count': { one: '{count} entrada', other: '{count} entradas' },
  'activityLog.entries.label': 'Entradas de este registro, en el orden de la cadena',
  'activityLog.entries.unsent': {
    one: '{count} entrada aún no enviada al servidor.',
    other: '{count} entradas aún no enviadas al servidor.',
  },
  'activityLog.tag.transcribed': 'Transcrita del papel',
  'activityLog.tag.pending': 'Aún no enviada',
  'activityLog.tag.correction': 'Corrección',
  'activityLog.tag.photos': { one: '{count} foto', other: '{count} fotos' },
  'activityLog.showPhotos': 'Ver las fotos',
  'activityLog.showPhotosLabel': 'Ver las fotos de la entrada {seq} ({time})',
  'activityLog.photos.title': 'Fotos de la entrada {seq} ({time})',
  'activityLog.photos.label': 'Fotos de la entrada {seq}',
  'activityLog.photos.close': 'Cerrar',
  'activityLog.tag.corrected': 'Corregida',
  'activityLog.entryNumber': 'Entrada {seq}',
  'activityLog.recordedBy': 'Anotada {time} por {author}',
  'activityLog.correctedBy': 'Corregida {time} por {author}. Motivo: {reason}',
  'activityLog.correctionOf': 'Corrige la entrada de las {time}. Motivo: {reason}',
  'activityLog.seeCorrection': 'Ir a la corrección',
  'activityLog.seeOriginal': 'Ir a la entrada corregida',
  'activityLog.originalMissing': 'la entrada corregida no está en este dispositivo',

  'activityLog.correct': 'Corregir',
  'activityLog.correctLabel': 'Corregir la entrada {seq} ({time})',
  'activityLog.correct.title': 'Corregir una entrada',
  'activityLog.correct.intro':
    'La entrada se queda en el registro, tachada, con su motivo; el texto corregido se anota como una entrada nueva.',
  'activityLog.correct.original': 'Entrada de las {time}: {text}',
  'activityLog.correct.text': 'Texto corregido',
  'activityLog.correct.reason': 'Motivo de la corrección',
  'activityLog.correct.save': 'Anotar la corrección',
  'activityLog.correct.saved': 'Corrección anotada.',

  'activityLog.verify.heading': 'Comprobar el registro',
  'activityLog.verify.intro':
    'Vuelve a calcular en este dispositivo el hash de cada entrada y comprueba cada eslabón de la cadena.',
  'activityLog.verify.button': 'Verificar el registro',
  'activityLog.verify.running': 'Comprobando la cadena…',
  'activityLog.verify.ok': {
    one: 'La {count} entrada se verifica; hash final {hash}',
    other: 'Las {count} entradas se verifican; hash final {hash}',
  },
  'activityLog.verify.empty': 'El registro aún no tiene entradas: no hay nada que verificar.',
  'activityLog.verify.pendingNote': {
    one: '{count} entrada aún no está confirmada por el servidor; se comprobó tal como la encadenó este dispositivo.',
    other:
      '{count} entradas aún no están confirmadas por el servidor; se comprobaron tal como las encadenó este dispositivo.',
  },
  'activityLog.verify.broken':
    'El registro no se verifica. La primera entrada rota es la entrada {seq} ({time}, «{text}»): {problem}',
  'activityLog.verify.problem.content_changed':
    'su contenido no coincide con su hash: se cambió después de escribirse.',
  'activityLog.verify.problem.wrong_previous':
    'no apunta a la entrada anterior: una entrada anterior se cambió, se quitó o se insertó.',
  'activityLog.verify.problem.wrong_hash':
    'el hash de su eslabón es incorrecto: se alteró su lugar en la cadena.',
  'activityLog.verify.problem.out_of_order':
    'su número está fuera de orden: falta una entrada anterior o se insertó una.',
  'activityLog.verify.missing':
    'El registro no se verifica: indica {expected} entradas que terminan en el hash {expectedHash}, pero este dispositivo tiene {count} que terminan en el hash {hash}. Falta una entrada o se agregó una fuera del registro.',
  'activityLog.verify.failed': 'La comprobación no pudo hacerse en este dispositivo: {error}',
};
