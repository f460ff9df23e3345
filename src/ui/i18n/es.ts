// Mensajes en español. Typed as Catalog, so a missing or extra key fails the typecheck.
import type { Catalog } from './en';

export const es: Catalog = {
  'app.name': 'Holdfast',
  'app.pageTitle': '{page} – Holdfast',
  'app.loading': 'Cargando…',
  'app.loadFailedTitle': 'Esta página no se ha cargado',
  'app.loadFailed': 'No se pudo cargar esta página. Compruebe la conexión y vuelva a cargarla.',

  'shell.skipToMain': 'Saltar al contenido principal',
  'shell.primaryNav': 'Principal',
  'shell.homeLink': 'Holdfast, resumen',
  'shell.signedInAs': 'Sesión iniciada como {name}',
  'shell.signOut': 'Cerrar sesión',
  'shell.footer': 'Holdfast {version} (compilación {build})',

  'nav.permits': 'Permisos',
  'nav.incidents': 'Incidentes',
  'nav.contacts': 'Contactos',
  'nav.checklists': 'Listas de control',
  'nav.drills': 'Simulacros',
  'nav.device': 'Dispositivo',
  'nav.admin': 'Administración',

  'language.label': 'Idioma',

  'network.online': 'En línea',
  'network.offline': 'Sin conexión',
  'network.unreachable': 'Servidor inaccesible',
  'network.announceOnline': 'Se ha recuperado la conexión con el servidor.',
  'network.announceOffline': 'No hay conexión. Su trabajo se queda en este dispositivo.',
  'network.announceUnreachable':
    'No se puede contactar con el servidor. Su trabajo se queda en este dispositivo.',

  'session.expired':
    'Su sesión ha terminado. Vuelva a iniciar sesión para sincronizar. Todo lo que hay en este dispositivo se conserva.',
  'session.signInAgain': 'Volver a iniciar sesión',

  'storage.newerVersion':
    'Este dispositivo tiene datos guardados por una versión más reciente de Holdfast. Vuelva a cargar la página para obtener esa versión; si el mensaje no desaparece, contacte con su equipo de informática.',
  'storage.blocked': 'Cierre las demás pestañas de Holdfast para terminar la actualización.',
  'storage.unavailable':
    'Holdfast no puede guardar datos en este navegador. Puede deberse a la navegación privada, a un disco lleno o a la configuración del navegador. Abra Holdfast en una ventana normal o contacte con su equipo de informática.',
  'storage.versionChange':
    'Holdfast se ha actualizado en otra pestaña. Vuelva a cargar esta pestaña para continuar.',
  'storage.wiped':
    'Los datos de este dispositivo se han borrado (por el navegador o por una persona). Lo que aún no se había enviado al servidor se ha perdido; los registros que tiene el servidor volverán cuando este dispositivo se sincronice.',
  'storage.problemTitle': 'Holdfast no puede iniciarse',

  'common.reload': 'Volver a cargar',
  'common.dismiss': 'Cerrar aviso',
  'common.cancel': 'Cancelar',
  'common.save': 'Guardar',
  'common.saving': 'Guardando…',
  'common.fixErrors': 'Algunos campos necesitan atención. Revise los mensajes junto a ellos.',

  'update.ready': 'Hay una nueva versión disponible.',
  'update.reload': 'Volver a cargar',
  'update.announce':
    'Hay una nueva versión de Holdfast. Use el botón Volver a cargar de la parte superior de la página para pasar a ella.',

  'home.title': 'Resumen',
  'home.intro':
    'Holdfast guarda su trabajo en este dispositivo, para que pueda seguir aunque fallen la red o los servidores.',
  'home.areasHeading': 'Áreas',
  'home.area.permits': 'Solicitudes de permisos, inspecciones y tasas.',
  'home.area.incidents': 'Registros de incidentes durante una emergencia.',
  'home.area.contacts': 'Contactos del personal y árboles de llamadas.',
  'home.area.checklists': 'Listas de control para tareas habituales y de emergencia.',
  'home.area.drills': 'Ejercicios y simulacros, con las observaciones de los evaluadores.',
  'home.packet': 'Paquete de contingencia',
  'home.area.packet':
    'Imprima todo lo necesario para seguir trabajando en papel: árboles de llamadas, contactos, listas de verificación, permisos abiertos y formularios en blanco.',
  'home.statusHeading': 'Estado',
  'home.connection': 'Conexión',
  'home.sync': 'Sincronización',
  'home.connectionOnline': 'Conectado al servidor.',
  'home.connectionOffline': 'Este dispositivo no tiene conexión. Su trabajo queda guardado en él.',
  'home.connectionUnreachable':
    'No se puede contactar con el servidor. Su trabajo queda guardado en este dispositivo.',
  'home.syncIdle': 'No hay nada pendiente de enviar al servidor.',

  'area.permits': 'Todavía no hay permisos en este dispositivo.',
  'area.incidents': 'Todavía no hay registros de incidentes en este dispositivo.',
  'area.contacts': 'Todavía no hay contactos en este dispositivo.',
  'area.checklists': 'Todavía no hay listas de control en este dispositivo.',
  'area.drills': 'Todavía no hay simulacros en este dispositivo.',
  'exercise.show': 'Mostrar material de ejercicio ({count})',
  'exerciseMode.label': 'MODO EJERCICIO',
  'exerciseMode.text':
    'Este dispositivo participa en el ejercicio «{name}». Todo lo que registre es material del ejercicio; los registros reales no se pueden cambiar hasta que salga del modo ejercicio.',
  'exerciseMode.open': 'Abrir el ejercicio',
  'exerciseMode.leave': 'Salir del modo ejercicio',
  'exerciseMode.refused':
    'No se guardó: este dispositivo está en modo ejercicio y los registros reales no se pueden cambiar. Salga del modo ejercicio (en el aviso de arriba) para trabajar con registros reales.',
  'exerciseMode.simulated':
    'Corte simulado: este dispositivo practica sin conexión para un ejercicio y no sincroniza. Todo se guarda en él.',
  'exerciseMode.endSimulated': 'Terminar el corte simulado',
  'network.simulatedOffline': 'Sin conexión (simulada para el ejercicio)',
  'exerciseMode.enter': 'Participar en este ejercicio desde este dispositivo (modo ejercicio)',
  'exerciseMode.on': 'Este dispositivo está en modo ejercicio para este ejercicio.',

  'notFound.title': 'Página no encontrada',
  'notFound.body': 'No hay ninguna página en esta dirección.',
  'notFound.home': 'Ir al resumen',

  'signIn.title': 'Iniciar sesión',
  'signIn.username': 'Nombre de usuario',
  'signIn.password': 'Contraseña',
  'signIn.submit': 'Iniciar sesión',
  'signIn.submitting': 'Iniciando sesión…',
  'signIn.usernameRequired': 'Escriba su nombre de usuario.',
  'signIn.passwordRequired': 'Escriba su contraseña.',
  'signIn.invalid': 'Nombre de usuario o contraseña incorrectos. Revise ambos e inténtelo de nuevo.',
  'signIn.disabled': 'Esta cuenta está desactivada. Pida a un administrador que la active.',
  'signIn.offline':
    'La primera vez que inicia sesión en este dispositivo necesita conexión con el servidor. Conéctese e inténtelo de nuevo.',
  'signIn.unreachable':
    'Ahora mismo no se puede contactar con el servidor. Inténtelo de nuevo dentro de unos minutos.',

  'error.offline': 'Esto necesita conexión con el servidor. Conéctese e inténtelo de nuevo.',
  'error.unreachable':
    'Ahora mismo no se puede contactar con el servidor. Inténtelo de nuevo dentro de unos minutos.',
  'error.rateLimited': {
    one: 'Demasiados intentos. Vuelva a intentarlo dentro de {count} minuto.',
    other: 'Demasiados intentos. Vuelva a intentarlo dentro de {count} minutos.',
  },
  'error.unauthorized': 'Su sesión ha terminado. Vuelva a iniciar sesión.',
  'error.forbidden': 'Su función no le permite hacer esto.',
  'error.conflict': 'Eso ya existe.',
  'error.notFound': 'No se ha encontrado. Puede que se haya eliminado.',
  'error.generic':
    'Algo ha fallado en el servidor. Inténtelo de nuevo; si sigue ocurriendo, avise a su equipo de informática.',

  'field.required': 'Rellene este campo.',
  'field.usernameInvalid': 'Use de 3 a 64 letras, cifras, puntos, guiones, guiones bajos o @.',
  'field.usernameTaken': 'Este nombre de usuario ya está en uso.',
  'field.displayNameRequired': 'Escriba un nombre visible.',
  'field.passwordTooShort': 'Use al menos {min} caracteres.',
  'field.passwordTooLong': 'Use como máximo {max} caracteres.',
  'field.passwordMismatch': 'Las dos contraseñas no coinciden.',
  'field.deptCodeInvalid':
    'Use de 2 a 32 letras minúsculas, cifras y guiones, empezando por una letra o una cifra.',
  'field.deptCodeTaken': 'Este código ya está en uso.',
  'field.deptNameRequired': 'Escriba el nombre del departamento.',
  'field.rejected': 'El servidor no ha aceptado este valor.',

  'account.username': 'Nombre de usuario',
  'account.usernameHint': 'De 3 a 64 letras, cifras, puntos, guiones, guiones bajos o @.',
  'account.displayName': 'Nombre visible',
  'account.password': 'Contraseña',
  'account.passwordHint':
    'Al menos {min} caracteres. Varias palabras sin relación forman una contraseña segura.',
  'account.confirmPassword': 'Confirmar contraseña',
  'dept.code': 'Código',
  'dept.codeHint': 'Letras minúsculas, cifras y guiones, por ejemplo obras-publicas.',
  'dept.name': 'Nombre',

  'nav.notes': 'Notas',

  'sync.state.synced': 'Sincronizado',
  'sync.state.never': 'Sin sincronizar todavía',
  'sync.state.waiting': 'Pendiente de sincronizar',
  'sync.state.syncing': 'Sincronizando…',
  'sync.state.offline': 'La sincronización espera una conexión',
  'sync.state.error': 'Problema de sincronización',
  'sync.state.paused': 'Sincronización en pausa',
  'sync.unsent': {
    one: '{count} cambio sin enviar',
    other: '{count} cambios sin enviar',
  },
  'sync.allSent': 'Todos los cambios enviados',
  'sync.lastSync': 'Última sincronización: {time}',
  'sync.neverSynced': 'Nunca sincronizado en este dispositivo',
  'sync.count': '({count})',
  'sync.now': 'Sincronizar ahora',
  'sync.started': 'Sincronizando…',
  'sync.finished': 'Sincronización terminada.',
  'sync.retryAt': 'Se volverá a intentar a las {time}.',
  'sync.problem.offline':
    'Este dispositivo no tiene conexión. Los cambios se guardan aquí y se envían cuando vuelva la conexión.',
  'sync.problem.unreachable':
    'No se puede contactar con el servidor. Los cambios se guardan aquí y se envían cuando responda.',
  'sync.problem.sessionExpired':
    'Su sesión ha terminado. Inicie sesión de nuevo para enviar sus cambios; se quedan en este dispositivo.',
  'sync.problem.signedOut': 'Nadie ha iniciado sesión en este dispositivo, así que no se envía nada.',
  'sync.problem.forbidden': 'El servidor no permite que esta cuenta sincronice. Consulte a un administrador.',
  'sync.problem.protocolMismatch':
    'Esta versión de Holdfast ya no coincide con el servidor. Recargue para actualizar.',
  'sync.problem.lostEntries':
    'Faltan en este dispositivo cambios que el servidor espera, así que los siguientes no se pueden enviar. Exporte los cambios sin enviar y contacte con su equipo de informática.',
  'sync.problem.tooLarge':
    'Un cambio es demasiado grande para el servidor. Contacte con su equipo de informática.',
  'sync.problem.rateLimited': 'El servidor pidió a este dispositivo que espere antes de sincronizar.',
  'sync.problem.serverError': 'El servidor tuvo un problema con esta sincronización.',
  'sync.problem.storageFull':
    'Este dispositivo no tiene espacio para guardar lo recibido. Libere espacio en el dispositivo.',
  'sync.problem.unknown': 'La sincronización se detuvo por un problema inesperado.',

  'notes.intro':
    'Notas de relevo de turno. Se guardan al instante en este dispositivo y se comparten al sincronizar.',
  'notes.field.title': 'Título',
  'notes.field.body': 'Texto',
  'notes.field.status': 'Estado',
  'error.storageFull':
    'Este dispositivo no tiene espacio, así que no se guardó nada. Libere espacio e inténtelo de nuevo.',
  'notes.error.forbidden': 'Su rol o departamento no permite este cambio.',
  'notes.error.deleted': 'Esta nota se eliminó, así que el cambio no se guardó.',
  'notes.error.notFound': 'Esta nota ya no está en este dispositivo.',
  'notes.error.refused': 'El cambio no se guardó: {reason}',
  'notes.error.signedOut': 'Inicie sesión para hacer cambios.',

  'attention.title': 'Requiere atención',

  'conflicts.title': 'Conflictos',

  'signOut.heading': '¿Cerrar sesión con cambios sin enviar?',
  'signOut.body': {
    one: 'Hay {count} cambio sin enviar. Se queda en este dispositivo y se envía cuando vuelva a iniciar sesión aquí.',
    other:
      'Hay {count} cambios sin enviar. Se quedan en este dispositivo y se envían cuando vuelva a iniciar sesión aquí.',
  },
  'signOut.confirm': 'Cerrar sesión y conservar los cambios aquí',
  'signOut.stay': 'Seguir con la sesión iniciada',
};
