// The checklist templates shipped with the product (issue 7), in English and Spanish side by side. Plain
// language: one imperative sentence per item, a role (never a person) responsible for it, the phase of the
// continuity plan it belongs to (DOMAIN.md, COOP), a critical flag on the few items that must not be skipped,
// and a link where a screen of the app does the task.
//
// Item and section ids are stable: a run's marks point at them. Change the wording of an item freely (and
// raise the template's version); never give an existing id to a different task.
import type { ChecklistLink, ChecklistPhase } from './checklist-kinds';
import type { Bilingual, ShippedItem, ShippedTemplate } from './shipped-template-types';

/** The roles the shipped templates assign work to, named the same way in every template. */
const ROLE = {
  departmentHead: { en: 'Department head', es: 'Director(a) del departamento' },
  continuity: { en: 'Continuity coordinator', es: 'Coordinador(a) de continuidad' },
  itLead: { en: 'IT lead', es: 'Responsable de informática' },
  permitClerk: { en: 'Permit clerk', es: 'Empleado(a) de permisos' },
  permitSupervisor: { en: 'Permit supervisor', es: 'Supervisor(a) de permisos' },
  inspectionSupervisor: { en: 'Inspection supervisor', es: 'Supervisor(a) de inspecciones' },
  calldownLead: { en: 'Call-down lead', es: 'Responsable de la llamada en cadena' },
  callers: { en: 'Each caller', es: 'Cada persona que llama' },
  facilities: { en: 'Facilities', es: 'Mantenimiento de edificios' },
  pio: { en: 'Public information officer', es: 'Oficial de información pública' },
  supervisors: { en: 'Supervisors', es: 'Supervisores' },
  allStaff: { en: 'All staff', es: 'Todo el personal' },
  records: { en: 'Records custodian', es: 'Encargado(a) de archivos' },
  finance: { en: 'Finance lead', es: 'Responsable de finanzas' },
  risk: { en: 'Risk manager', es: 'Gerente de riesgos' },
  eocRep: { en: 'EOC representative', es: 'Representante ante el EOC' },
} satisfies Record<string, Bilingual>;

function item(
  id: string,
  section: string,
  phase: ChecklistPhase,
  role: Bilingual,
  text: Bilingual,
  opts: { critical?: boolean; link?: ChecklistLink } = {},
): ShippedItem {
  return {
    id,
    section,
    text,
    role: { ...role },
    phase,
    critical: opts.critical ?? false,
    ...(opts.link ? { link: opts.link } : {}),
  };
}

const coopActivation: ShippedTemplate = {
  key: 'coop-activation',
  version: 1,
  title: { en: 'Continuity plan activation', es: 'Activación del plan de continuidad' },
  description: {
    en: 'The first hour and the first day after the department decides to run on its continuity plan: who is in charge, where staff are, how work goes on without the usual buildings or systems. Lines that differ by time of day say what to do during work hours and after hours.',
    es: 'La primera hora y el primer día después de que el departamento decide funcionar con su plan de continuidad: quién está a cargo, dónde está el personal y cómo sigue el trabajo sin los edificios o sistemas de siempre. Cuando algo cambia según la hora, se indica qué hacer en horario de trabajo y fuera de él.',
  },
  sections: [
    { id: 'ca-hour', title: { en: 'First hour', es: 'Primera hora' } },
    { id: 'ca-day', title: { en: 'First day', es: 'Primer día' } },
  ],
  items: [
    item(
      'ca-1',
      'ca-hour',
      'activation',
      ROLE.departmentHead,
      {
        en: 'Activate the continuity plan and write down the time and the reason.',
        es: 'Active el plan de continuidad y anote la hora y el motivo.',
      },
      { critical: true },
    ),
    item(
      'ca-2',
      'ca-hour',
      'activation',
      ROLE.continuity,
      {
        en: 'Confirm who is in charge: if the department head cannot be reached, the next person in the order of succession takes over.',
        es: 'Confirme quién está a cargo: si no se puede localizar al director(a) del departamento, asume el mando la siguiente persona en el orden de sucesión.',
      },
      { critical: true, link: 'succession' },
    ),
    item(
      'ca-3',
      'ca-hour',
      'activation',
      ROLE.calldownLead,
      {
        en: 'Start the call-down (the chain of phone calls that reaches every staff member) to say the plan is active and where to report.',
        es: 'Inicie la llamada en cadena (las llamadas de una persona a otra que llegan a todo el personal) para avisar que el plan está activo y adónde deben presentarse.',
      },
      { critical: true, link: 'calldowns' },
    ),
    item(
      'ca-4',
      'ca-hour',
      'activation',
      ROLE.supervisors,
      {
        en: 'Account for all staff: during work hours, count everyone at the meeting point; after hours, use the call-down results.',
        es: 'Confirme que todo el personal está bien y localizado: en horario de trabajo, cuente a todos en el punto de reunión; fuera de horario, use los resultados de la llamada en cadena.',
      },
      { critical: true, link: 'calldowns' },
    ),
    item(
      'ca-5',
      'ca-hour',
      'activation',
      ROLE.continuity,
      {
        en: 'Open an incident and log every decision with the time and who made it.',
        es: 'Abra un incidente y anote cada decisión con la hora y quién la tomó.',
      },
      { link: 'new_incident' },
    ),
    item('ca-6', 'ca-hour', 'activation', ROLE.records, {
      en: 'Gather the essential records and the go-kits (the ready-packed bags of forms and supplies) and take them to where staff will work.',
      es: 'Reúna los documentos esenciales y los maletines de emergencia (con formularios y materiales ya preparados) y llévelos adonde trabajará el personal.',
    }),
    item(
      'ca-7',
      'ca-hour',
      'activation',
      ROLE.supervisors,
      {
        en: 'Switch work that cannot wait to the paper forms in the printed outage packet.',
        es: 'Pase el trabajo que no puede esperar a los formularios en papel del paquete de contingencia impreso.',
      },
      { link: 'outage_packet' },
    ),
    item('ca-8', 'ca-day', 'continuity', ROLE.itLead, {
      en: 'Transfer the main phone lines to the alternate site or to cell phones, and write down the new numbers.',
      es: 'Desvíe las líneas telefónicas principales al lugar alterno o a teléfonos celulares y anote los números nuevos.',
    }),
    item('ca-9', 'ca-day', 'continuity', ROLE.facilities, {
      en: 'Set up the alternate site with desks, power, phones and a sign-in sheet for staff.',
      es: 'Prepare el lugar alterno con escritorios, electricidad, teléfonos y una hoja de registro de entrada para el personal.',
    }),
    item(
      'ca-10',
      'ca-day',
      'continuity',
      ROLE.continuity,
      {
        en: 'Tell partner agencies (emergency management, neighboring cities, key vendors) that the plan is active and how to reach the department.',
        es: 'Avise a las agencias aliadas (manejo de emergencias, ciudades vecinas, proveedores clave) que el plan está activo y cómo comunicarse con el departamento.',
      },
      { link: 'contacts' },
    ),
    item('ca-11', 'ca-day', 'continuity', ROLE.pio, {
      en: 'Tell the public which services are open, which are closed, and how to reach the department.',
      es: 'Informe al público qué servicios están abiertos, cuáles están cerrados y cómo comunicarse con el departamento.',
    }),
    item(
      'ca-12',
      'ca-day',
      'continuity',
      ROLE.departmentHead,
      {
        en: 'Check that every essential function has someone assigned to it and can keep running.',
        es: 'Verifique que cada función esencial tenga a alguien asignado y pueda seguir funcionando.',
      },
      { critical: true },
    ),
    item('ca-13', 'ca-day', 'continuity', ROLE.supervisors, {
      en: 'Plan the next shifts, including nights and weekends, and tell staff the schedule through the call-down.',
      es: 'Organice los próximos turnos, incluidas las noches y los fines de semana, y comunique el horario al personal por la llamada en cadena.',
    }),
    item(
      'ca-14',
      'ca-day',
      'continuity',
      ROLE.departmentHead,
      {
        en: 'At the end of the day, hold a short briefing: what is done, what is still open, and who is in charge overnight.',
        es: 'Al final del día, haga una reunión breve: qué se hizo, qué queda pendiente y quién está a cargo durante la noche.',
      },
      { link: 'incidents' },
    ),
  ],
};

const powerOutage: ShippedTemplate = {
  key: 'power-outage',
  version: 1,
  title: { en: 'Power outage', es: 'Corte de electricidad' },
  description: {
    en: 'What to do when the building loses power: keep people safe, keep essential work going on battery and paper, and bring systems back in order when power returns.',
    es: 'Qué hacer cuando el edificio se queda sin electricidad: proteger a las personas, mantener el trabajo esencial con baterías y papel, y volver a encender los sistemas en orden cuando regrese la electricidad.',
  },
  sections: [
    { id: 'po-now', title: { en: 'Right away', es: 'De inmediato' } },
    { id: 'po-out', title: { en: 'While the power is out', es: 'Mientras no haya electricidad' } },
    { id: 'po-back', title: { en: 'When power returns', es: 'Cuando regrese la electricidad' } },
  ],
  items: [
    item(
      'po-1',
      'po-now',
      'activation',
      ROLE.facilities,
      {
        en: 'Check elevators, restrooms and dark areas for anyone trapped or hurt, and call 911 if needed.',
        es: 'Revise los elevadores, los baños y las áreas oscuras por si hay alguien atrapado o herido, y llame al 911 si hace falta.',
      },
      { critical: true },
    ),
    item('po-2', 'po-now', 'activation', ROLE.facilities, {
      en: 'Report the outage to the power company and ask when power is expected back.',
      es: 'Reporte el corte a la compañía de electricidad y pregunte cuándo se espera que vuelva.',
    }),
    item('po-3', 'po-now', 'activation', ROLE.facilities, {
      en: 'Check that the backup generator started, and order fuel if it may need to run for more than a day.',
      es: 'Verifique que el generador de respaldo haya arrancado y pida combustible si podría necesitarse por más de un día.',
    }),
    item(
      'po-4',
      'po-now',
      'activation',
      ROLE.departmentHead,
      {
        en: 'Decide whether to activate the continuity plan, based on how long the outage is expected to last.',
        es: 'Decida si se activa el plan de continuidad, según cuánto se espera que dure el corte.',
      },
      { critical: true },
    ),
    item('po-5', 'po-now', 'activation', ROLE.allStaff, {
      en: 'Save open work and shut down computers running on backup batteries before the batteries run out.',
      es: 'Guarde el trabajo abierto y apague las computadoras que funcionan con baterías de respaldo antes de que se agoten.',
    }),
    item(
      'po-6',
      'po-out',
      'continuity',
      ROLE.supervisors,
      {
        en: 'Switch work that cannot wait to the paper forms in the printed outage packet.',
        es: 'Pase el trabajo que no puede esperar a los formularios en papel del paquete de contingencia impreso.',
      },
      { link: 'outage_packet' },
    ),
    item(
      'po-7',
      'po-out',
      'continuity',
      ROLE.allStaff,
      {
        en: 'Keep using the app on charged phones and tablets: it works without a connection and sends your work when the connection returns.',
        es: 'Siga usando la aplicación en teléfonos y tabletas con carga: funciona sin conexión y envía su trabajo cuando vuelva la conexión.',
      },
      { link: 'device' },
    ),
    item('po-8', 'po-out', 'continuity', ROLE.facilities, {
      en: 'Check that electronic door locks and alarms still protect the building, and post staff at entrances if they do not.',
      es: 'Verifique que las cerraduras electrónicas y las alarmas sigan protegiendo el edificio y, si no, ponga personal en las entradas.',
    }),
    item('po-9', 'po-out', 'continuity', ROLE.pio, {
      en: 'Tell the public which services are affected and where to go instead.',
      es: 'Informe al público qué servicios están afectados y adónde puede acudir mientras tanto.',
    }),
    item(
      'po-10',
      'po-out',
      'continuity',
      ROLE.continuity,
      {
        en: 'Log decisions and the times the power went out and came back in the incident log.',
        es: 'Anote en el registro del incidente las decisiones y las horas en que se fue y regresó la electricidad.',
      },
      { link: 'incidents' },
    ),
    item('po-11', 'po-back', 'reconstitution', ROLE.itLead, {
      en: 'Turn equipment back on in order, network and servers first and then computers, and check for damage.',
      es: 'Vuelva a encender los equipos en orden, primero la red y los servidores y luego las computadoras, y revise si hay daños.',
    }),
    item(
      'po-12',
      'po-back',
      'reconstitution',
      ROLE.itLead,
      {
        en: 'Check on the sync screen that every device has sent its work and nothing is waiting.',
        es: 'Verifique en la pantalla de sincronización que cada dispositivo haya enviado su trabajo y que no quede nada pendiente.',
      },
      { critical: true, link: 'sync' },
    ),
    item('po-13', 'po-back', 'reconstitution', ROLE.continuity, {
      en: 'If work was done on paper, start the reconstitution checklist to enter it into the app.',
      es: 'Si se trabajó en papel, inicie la lista de regreso a la normalidad para ingresar esos datos en la aplicación.',
    }),
  ],
};

const itOutage: ShippedTemplate = {
  key: 'it-outage',
  version: 1,
  title: {
    en: 'Network or IT outage, including suspected ransomware',
    es: 'Falla de la red o de informática, incluido un posible ataque de ransomware',
  },
  description: {
    en: 'What to do when computers, the network or shared systems stop working, or when ransomware (an attack that locks files and demands payment) is suspected: contain it, keep the evidence, tell the right people, and keep working on paper.',
    es: 'Qué hacer cuando dejan de funcionar las computadoras, la red o los sistemas compartidos, o cuando se sospecha de ransomware (un ataque que bloquea los archivos y exige un pago): contener el daño, conservar las pruebas, avisar a quien corresponde y seguir trabajando en papel.',
  },
  sections: [
    { id: 'it-first', title: { en: 'First minutes', es: 'Primeros minutos' } },
    { id: 'it-notify', title: { en: 'Notify', es: 'Avisos' } },
    { id: 'it-work', title: { en: 'Keep working', es: 'Seguir trabajando' } },
  ],
  items: [
    item('it-1', 'it-first', 'activation', ROLE.allStaff, {
      en: 'Report the problem to the IT lead at once: what you saw, on which computer, and when.',
      es: 'Reporte el problema de inmediato al responsable de informática: qué vio, en qué computadora y a qué hora.',
    }),
    item(
      'it-2',
      'it-first',
      'activation',
      ROLE.itLead,
      {
        en: 'Disconnect affected computers from the network by unplugging the network cable and turning off Wi-Fi, but do not power them off.',
        es: 'Desconecte de la red las computadoras afectadas, desenchufando el cable de red y desactivando el wifi, pero no las apague.',
      },
      { critical: true },
    ),
    item(
      'it-3',
      'it-first',
      'activation',
      ROLE.itLead,
      {
        en: 'Preserve evidence: photograph any message on the screen, write down the times, and do not delete, wipe or restore anything until investigators say so.',
        es: 'Conserve las pruebas: tome fotos de cualquier mensaje en la pantalla, anote las horas y no borre, formatee ni restaure nada hasta que lo indiquen los investigadores.',
      },
      { critical: true },
    ),
    item(
      'it-4',
      'it-first',
      'activation',
      ROLE.departmentHead,
      {
        en: 'Do not pay, answer or contact the attackers, and send any message from them to the IT lead.',
        es: 'No pague, no responda ni se comunique con los atacantes, y entregue cualquier mensaje de ellos al responsable de informática.',
      },
      { critical: true },
    ),
    item('it-5', 'it-first', 'activation', ROLE.supervisors, {
      en: 'Tell staff to stop using shared drives and email, and not to plug in USB drives, until the IT lead says it is safe.',
      es: 'Pida al personal que deje de usar las carpetas compartidas y el correo, y que no conecte memorias USB, hasta que el responsable de informática diga que es seguro.',
    }),
    item(
      'it-6',
      'it-first',
      'activation',
      ROLE.continuity,
      {
        en: 'If devices still work and are not affected, print the outage packet now, before access is lost.',
        es: 'Si los dispositivos todavía funcionan y no están afectados, imprima ahora el paquete de contingencia, antes de perder el acceso.',
      },
      { link: 'outage_packet' },
    ),
    item('it-7', 'it-notify', 'activation', ROLE.itLead, {
      en: "Tell the department head and the city's security lead (the person in charge of protecting its computer systems) what happened.",
      es: 'Informe lo ocurrido al director(a) del departamento y al responsable de seguridad informática de la ciudad (la persona a cargo de proteger sus sistemas).',
    }),
    item('it-8', 'it-notify', 'activation', ROLE.risk, {
      en: 'Call the cyber insurance company as soon as the policy requires, because it may send its own response team.',
      es: 'Llame a la aseguradora de riesgos cibernéticos dentro del plazo que exige la póliza, porque puede enviar su propio equipo de respuesta.',
    }),
    item('it-9', 'it-notify', 'activation', ROLE.itLead, {
      en: 'Report the attack to law enforcement (the FBI or local police) and to CISA, the federal cybersecurity agency, as the plan says.',
      es: 'Denuncie el ataque a las autoridades (el FBI o la policía local) y a CISA, la agencia federal de ciberseguridad, según lo indique el plan.',
    }),
    item(
      'it-10',
      'it-notify',
      'activation',
      ROLE.departmentHead,
      {
        en: 'Decide whether to activate the continuity plan and start the call-down to tell staff.',
        es: 'Decida si se activa el plan de continuidad e inicie la llamada en cadena para avisar al personal.',
      },
      { link: 'calldowns' },
    ),
    item('it-11', 'it-notify', 'continuity', ROLE.pio, {
      en: 'Tell the public which services are down, without details about the attack until the investigators agree.',
      es: 'Informe al público qué servicios no están disponibles, sin dar detalles del ataque hasta que los investigadores lo autoricen.',
    }),
    item(
      'it-12',
      'it-work',
      'continuity',
      ROLE.supervisors,
      {
        en: 'Switch work that cannot wait to the paper forms in the printed outage packet.',
        es: 'Pase el trabajo que no puede esperar a los formularios en papel del paquete de contingencia impreso.',
      },
      { link: 'outage_packet' },
    ),
    item('it-13', 'it-work', 'continuity', ROLE.permitClerk, {
      en: 'Take permit applications on the paper intake forms, following the manual permit intake checklist.',
      es: 'Reciba las solicitudes de permiso en los formularios en papel, siguiendo la lista de recepción manual de permisos.',
    }),
    item(
      'it-14',
      'it-work',
      'continuity',
      ROLE.continuity,
      {
        en: 'Log every decision and action with its time in the incident log, on paper if no device is safe to use.',
        es: 'Anote cada decisión y acción con su hora en el registro del incidente, en papel si no hay un dispositivo seguro para usar.',
      },
      { link: 'incidents' },
    ),
    item('it-15', 'it-work', 'reconstitution', ROLE.itLead, {
      en: 'Do not reconnect any computer until it has been checked and found clean, or rebuilt.',
      es: 'No vuelva a conectar ninguna computadora hasta que se haya revisado y esté limpia, o se haya reinstalado.',
    }),
  ],
};

const severeWeather: ShippedTemplate = {
  key: 'severe-weather',
  version: 1,
  title: {
    en: 'Severe weather and EOC activation',
    es: 'Clima severo y activación del centro de operaciones de emergencia',
  },
  description: {
    en: 'Before, during and after a storm, flood or other severe weather, including when the emergency operations center (EOC, where city leaders coordinate the response) opens.',
    es: 'Antes, durante y después de una tormenta, inundación u otro fenómeno de clima severo, incluido cuando se abre el centro de operaciones de emergencia (EOC, donde los líderes de la ciudad coordinan la respuesta).',
  },
  sections: [
    { id: 'sw-before', title: { en: 'Before the storm', es: 'Antes de la tormenta' } },
    { id: 'sw-eoc', title: { en: 'When the EOC opens', es: 'Cuando se abre el EOC' } },
    { id: 'sw-during', title: { en: 'During and after the storm', es: 'Durante y después de la tormenta' } },
  ],
  items: [
    item('sw-1', 'sw-before', 'readiness', ROLE.continuity, {
      en: 'Follow the National Weather Service forecasts and warnings and pass updates to the department head.',
      es: 'Siga los pronósticos y avisos del Servicio Meteorológico Nacional y comunique las novedades al director(a) del departamento.',
    }),
    item(
      'sw-2',
      'sw-before',
      'readiness',
      ROLE.continuity,
      {
        en: 'Print the outage packet while power and the network still work.',
        es: 'Imprima el paquete de contingencia mientras todavía haya electricidad y red.',
      },
      { link: 'outage_packet' },
    ),
    item('sw-3', 'sw-before', 'readiness', ROLE.facilities, {
      en: 'Charge phones, radios, laptops and spare batteries, and fill vehicles and generators with fuel.',
      es: 'Cargue los teléfonos, radios, computadoras portátiles y baterías de repuesto, y llene de combustible los vehículos y generadores.',
    }),
    item('sw-4', 'sw-before', 'readiness', ROLE.facilities, {
      en: 'Secure outdoor equipment, and move records and equipment away from windows and off the floor.',
      es: 'Asegure el equipo que está afuera y aleje los documentos y equipos de las ventanas y del piso.',
    }),
    item(
      'sw-5',
      'sw-before',
      'activation',
      ROLE.inspectionSupervisor,
      {
        en: 'Reschedule field inspections that cannot be done safely, and tell the applicants.',
        es: 'Reprograme las inspecciones de campo que no se puedan hacer con seguridad y avise a los solicitantes.',
      },
      { link: 'inspections_today' },
    ),
    item(
      'sw-6',
      'sw-eoc',
      'activation',
      ROLE.departmentHead,
      {
        en: "Send the department's representative to the EOC and tell them how to reach the department.",
        es: 'Envíe al representante del departamento al EOC e indíquele cómo comunicarse con el departamento.',
      },
      { critical: true },
    ),
    item(
      'sw-7',
      'sw-eoc',
      'activation',
      ROLE.calldownLead,
      {
        en: 'Start the call-down to tell staff whether to report to work, stay home, or go to another site.',
        es: 'Inicie la llamada en cadena para avisar al personal si debe presentarse, quedarse en casa o ir a otro lugar.',
      },
      { critical: true, link: 'calldowns' },
    ),
    item(
      'sw-8',
      'sw-eoc',
      'activation',
      ROLE.continuity,
      {
        en: 'Confirm who is in charge if the department head cannot be reached.',
        es: 'Confirme quién queda a cargo si no se puede localizar al director(a) del departamento.',
      },
      { link: 'succession' },
    ),
    item(
      'sw-9',
      'sw-eoc',
      'activation',
      ROLE.continuity,
      {
        en: 'Open an incident and log decisions, damage reports and staff hours, which are needed to claim disaster aid.',
        es: 'Abra un incidente y anote las decisiones, los reportes de daños y las horas del personal, que se necesitan para pedir ayuda por desastre.',
      },
      { link: 'new_incident' },
    ),
    item(
      'sw-10',
      'sw-during',
      'continuity',
      ROLE.supervisors,
      {
        en: 'Account for all staff once the storm passes, including anyone who was in the field.',
        es: 'Confirme que todo el personal está bien y localizado cuando pase la tormenta, incluido quien estaba en el campo.',
      },
      { critical: true, link: 'calldowns' },
    ),
    item(
      'sw-11',
      'sw-during',
      'continuity',
      ROLE.inspectionSupervisor,
      {
        en: 'Do not send inspectors into damaged areas until the EOC says it is safe.',
        es: 'No envíe inspectores a las zonas dañadas hasta que el EOC diga que es seguro.',
      },
      { critical: true },
    ),
    item('sw-12', 'sw-during', 'continuity', ROLE.eocRep, {
      en: 'Send damage reports and requests for help to the EOC in writing, on the ICS 213 general message form.',
      es: 'Envíe por escrito al EOC los reportes de daños y las solicitudes de ayuda, en el formulario de mensaje general ICS 213.',
    }),
    item('sw-13', 'sw-during', 'continuity', ROLE.pio, {
      en: "Tell the public about closures, open services and safety advice, in line with the EOC's messages.",
      es: 'Informe al público sobre cierres, servicios abiertos y consejos de seguridad, de acuerdo con los mensajes del EOC.',
    }),
    item('sw-14', 'sw-during', 'continuity', ROLE.finance, {
      en: 'Keep track of overtime, equipment use and purchases, so the city can claim reimbursement.',
      es: 'Lleve el control de las horas extra, el uso de equipos y las compras, para que la ciudad pueda pedir el reembolso.',
    }),
  ],
};

const calldownActivation: ShippedTemplate = {
  key: 'calldown-activation',
  version: 1,
  title: { en: 'Call-down activation', es: 'Activación de la llamada en cadena' },
  description: {
    en: 'Running a call-down: each person calls the people below them on the call tree until every staff member has the message, and the lead knows who could not be reached.',
    es: 'Cómo hacer una llamada en cadena: cada persona llama a quienes le siguen en el árbol de llamadas hasta que todo el personal recibe el mensaje, y el responsable sabe a quién no se pudo localizar.',
  },
  sections: [
    { id: 'cd-start', title: { en: 'Start', es: 'Inicio' } },
    { id: 'cd-lists', title: { en: 'Work the lists', es: 'Hacer las llamadas' } },
    { id: 'cd-close', title: { en: 'Close out', es: 'Cierre' } },
  ],
  items: [
    item(
      'cd-1',
      'cd-start',
      'activation',
      ROLE.calldownLead,
      {
        en: 'Confirm who authorized the call-down, and write the message: what happened, what staff should do, where to report, and by when.',
        es: 'Confirme quién autorizó la llamada en cadena y redacte el mensaje: qué pasó, qué debe hacer el personal, adónde presentarse y para cuándo.',
      },
      { critical: true },
    ),
    item('cd-2', 'cd-start', 'activation', ROLE.calldownLead, {
      en: 'Keep the message short enough to leave as a voicemail of under 30 seconds.',
      es: 'Mantenga el mensaje lo bastante corto para dejarlo en el buzón de voz en menos de 30 segundos.',
    }),
    item(
      'cd-3',
      'cd-start',
      'activation',
      ROLE.calldownLead,
      {
        en: 'Start the call-down in the app, or use the printed call sheets if no device works.',
        es: 'Inicie la llamada en cadena en la aplicación, o use las hojas de llamadas impresas si ningún dispositivo funciona.',
      },
      { critical: true, link: 'calldowns' },
    ),
    item('cd-4', 'cd-start', 'activation', ROLE.calldownLead, {
      en: 'Tell the first callers on the tree to begin, and when to report back.',
      es: 'Pida a las primeras personas del árbol que empiecen a llamar y dígales cuándo deben reportarse.',
    }),
    item(
      'cd-5',
      'cd-lists',
      'activation',
      ROLE.callers,
      {
        en: 'Call everyone on your list and record each attempt: reached, unavailable, voicemail, no answer, or wrong number.',
        es: 'Llame a cada persona de su lista y registre cada intento: localizada, no disponible, buzón de voz, no contesta o número equivocado.',
      },
      { link: 'calldowns' },
    ),
    item('cd-6', 'cd-lists', 'activation', ROLE.callers, {
      en: 'If you get voicemail, leave the message, move on to the next person, and try again later.',
      es: 'Si le contesta el buzón de voz, deje el mensaje, pase a la siguiente persona y vuelva a intentarlo más tarde.',
    }),
    item('cd-7', 'cd-lists', 'activation', ROLE.callers, {
      en: "Use each person's preferred way of contact and language, and text messages or TTY (text telephone) for people who are deaf or hard of hearing.",
      es: 'Use el medio de contacto y el idioma que prefiere cada persona, y mensajes de texto o TTY (teléfono de texto) para las personas sordas o con dificultad auditiva.',
    }),
    item('cd-8', 'cd-lists', 'activation', ROLE.callers, {
      en: 'If someone cannot be reached after the set number of tries, pass them to their backup caller or to the person above you on the tree.',
      es: 'Si no logra localizar a alguien después del número de intentos fijado, pase el caso a quien llama de respaldo o a la persona que está arriba de usted en el árbol.',
    }),
    item('cd-9', 'cd-close', 'activation', ROLE.callers, {
      en: 'When your list is done, report back to the person who called you, including anyone you could not reach.',
      es: 'Cuando termine su lista, repórtese con la persona que le llamó e indique a quién no pudo localizar.',
    }),
    item(
      'cd-10',
      'cd-close',
      'continuity',
      ROLE.calldownLead,
      {
        en: 'Watch the count of reached, pending and unreachable people, and follow up on branches that have not reported back.',
        es: 'Siga el conteo de personas localizadas, pendientes y no localizadas, y dé seguimiento a las ramas que no se han reportado.',
      },
      { link: 'calldowns' },
    ),
    item(
      'cd-11',
      'cd-close',
      'continuity',
      ROLE.calldownLead,
      {
        en: 'Tell the department head how many staff were reached and who is still missing.',
        es: 'Informe al director(a) del departamento cuántas personas se localizaron y a quién falta localizar.',
      },
      { critical: true },
    ),
    item(
      'cd-12',
      'cd-close',
      'reconstitution',
      ROLE.calldownLead,
      {
        en: 'Note wrong or outdated phone numbers and correct them in the contact list once things settle down.',
        es: 'Anote los números equivocados o desactualizados y corríjalos en la lista de contactos cuando la situación se calme.',
      },
      { link: 'contacts' },
    ),
  ],
};

const manualPermitIntake: ShippedTemplate = {
  key: 'manual-permit-intake',
  version: 1,
  title: {
    en: 'Manual permit intake during an outage',
    es: 'Recepción manual de permisos durante una interrupción',
  },
  description: {
    en: 'Taking permit applications on paper while the usual systems are down, and keeping the paper in order so it can be entered into the app later without losses or duplicates.',
    es: 'Cómo recibir solicitudes de permiso en papel mientras los sistemas de siempre no funcionan, y mantener los papeles en orden para ingresarlos después en la aplicación sin pérdidas ni duplicados.',
  },
  sections: [
    { id: 'mp-setup', title: { en: 'Set up', es: 'Preparación' } },
    { id: 'mp-each', title: { en: 'For each application', es: 'Con cada solicitud' } },
    { id: 'mp-day', title: { en: 'At the end of each day', es: 'Al final de cada día' } },
  ],
  items: [
    item(
      'mp-1',
      'mp-setup',
      'activation',
      ROLE.permitClerk,
      {
        en: 'Get the paper permit application forms and the receipt book from the outage packet or the go-kit.',
        es: 'Saque los formularios en papel de solicitud de permiso y el talonario de recibos del paquete de contingencia o del maletín de emergencia.',
      },
      { link: 'outage_packet' },
    ),
    item(
      'mp-2',
      'mp-setup',
      'activation',
      ROLE.permitSupervisor,
      {
        en: 'Give each clerk their own block of provisional numbers (temporary permit numbers), so no two clerks hand out the same one.',
        es: 'Asigne a cada empleado(a) su propio bloque de números provisionales (números de permiso temporales), para que nunca se entregue el mismo número dos veces.',
      },
      { critical: true },
    ),
    item('mp-3', 'mp-setup', 'activation', ROLE.permitSupervisor, {
      en: 'Post a sign telling the public that applications are being taken on paper and will be entered later.',
      es: 'Ponga un letrero que avise al público que las solicitudes se reciben en papel y se ingresarán después.',
    }),
    item('mp-4', 'mp-setup', 'activation', ROLE.permitSupervisor, {
      en: 'Tell clerks which simple permits may be issued on paper, and take all others as applications to review later.',
      es: 'Indique a los empleados qué permisos sencillos se pueden emitir en papel, y reciba todos los demás como solicitudes para revisarlas después.',
    }),
    item(
      'mp-5',
      'mp-each',
      'continuity',
      ROLE.permitClerk,
      {
        en: 'Fill in one form per application and write the date and time it was received.',
        es: 'Llene un formulario por solicitud y anote la fecha y la hora en que se recibió.',
      },
      { critical: true },
    ),
    item(
      'mp-6',
      'mp-each',
      'continuity',
      ROLE.permitClerk,
      {
        en: 'Give the application the next provisional number from your block, and write it on the form and on every attached page.',
        es: 'Asigne a la solicitud el siguiente número provisional de su bloque y escríbalo en el formulario y en cada hoja adjunta.',
      },
      { critical: true },
    ),
    item('mp-7', 'mp-each', 'continuity', ROLE.permitClerk, {
      en: 'Give the applicant a receipt with the provisional number, and explain that the official number will come later.',
      es: 'Entregue al solicitante un recibo con el número provisional y explíquele que el número oficial se le dará después.',
    }),
    item('mp-8', 'mp-each', 'continuity', ROLE.permitClerk, {
      en: 'Record each fee as owed, or if payment is taken, write a numbered receipt and keep the copy with the form.',
      es: 'Anote cada tasa como pendiente de pago o, si se recibe el pago, haga un recibo numerado y guarde la copia con el formulario.',
    }),
    item(
      'mp-9',
      'mp-day',
      'continuity',
      ROLE.permitClerk,
      {
        en: "Put the day's forms in order by provisional number, and check that no number is missing or used twice.",
        es: 'Ordene los formularios del día por número provisional y verifique que no falte ningún número ni haya uno repetido.',
      },
      { critical: true },
    ),
    item('mp-10', 'mp-day', 'continuity', ROLE.permitSupervisor, {
      en: 'Count the payments and match them to the receipts and forms, then sign and date the daily total.',
      es: 'Cuente los pagos, compárelos con los recibos y los formularios, y luego firme y ponga la fecha en el total del día.',
    }),
    item('mp-11', 'mp-day', 'continuity', ROLE.permitSupervisor, {
      en: 'Keep the forms, receipts and payments together by day in a locked, dry place until they are entered.',
      es: 'Guarde juntos, por día, los formularios, recibos y pagos en un lugar seco y bajo llave hasta que se ingresen.',
    }),
    item(
      'mp-12',
      'mp-day',
      'reconstitution',
      ROLE.permitClerk,
      {
        en: 'When the app is available again, enter the paper applications in the order they were received.',
        es: 'Cuando la aplicación vuelva a estar disponible, ingrese las solicitudes en papel en el orden en que se recibieron.',
      },
      { link: 'permit_intake' },
    ),
  ],
};

const reconstitution: ShippedTemplate = {
  key: 'reconstitution',
  version: 1,
  title: { en: 'Return to normal operations', es: 'Regreso a las operaciones normales' },
  description: {
    en: 'Reconstitution: going back to normal work after an outage or emergency, entering what was done on paper into the app, and getting ready for the next time.',
    es: 'La etapa de regreso a la normalidad después de una interrupción o emergencia: volver al trabajo habitual, ingresar en la aplicación lo que se hizo en papel y prepararse para la próxima vez.',
  },
  sections: [
    { id: 'rc-start', title: { en: 'Before you begin', es: 'Antes de empezar' } },
    { id: 'rc-paper', title: { en: 'Enter the paper records', es: 'Ingresar los registros en papel' } },
    { id: 'rc-close', title: { en: 'Close out', es: 'Cierre' } },
  ],
  items: [
    item('rc-1', 'rc-start', 'reconstitution', ROLE.itLead, {
      en: 'Confirm that systems are back and safe to use before staff start entering data.',
      es: 'Confirme que los sistemas funcionan y son seguros antes de que el personal empiece a ingresar datos.',
    }),
    item('rc-2', 'rc-start', 'reconstitution', ROLE.departmentHead, {
      en: 'Announce to staff that the department is returning to normal operations, and from when.',
      es: 'Anuncie al personal que el departamento vuelve a las operaciones normales, y a partir de cuándo.',
    }),
    item('rc-3', 'rc-start', 'reconstitution', ROLE.continuity, {
      en: 'Gather all paper from the outage (activity logs, application forms, receipts, call sheets) and sort it by type and date.',
      es: 'Reúna todos los papeles de la interrupción (registros de actividades, formularios de solicitud, recibos, hojas de llamadas) y ordénelos por tipo y fecha.',
    }),
    item(
      'rc-4',
      'rc-paper',
      'reconstitution',
      ROLE.continuity,
      {
        en: 'Enter the paper activity log entries with the times written on them, and mark each page as entered.',
        es: 'Ingrese las anotaciones de los registros de actividades en papel con las horas que tienen escritas, y marque cada hoja como ingresada.',
      },
      { critical: true, link: 'transcribe_log' },
    ),
    item(
      'rc-5',
      'rc-paper',
      'reconstitution',
      ROLE.permitClerk,
      {
        en: 'Enter the paper permit applications in the order they were received, keeping each provisional number.',
        es: 'Ingrese las solicitudes de permiso en papel en el orden en que se recibieron, conservando cada número provisional.',
      },
      { critical: true, link: 'permit_intake' },
    ),
    item(
      'rc-6',
      'rc-paper',
      'reconstitution',
      ROLE.finance,
      {
        en: 'Reconcile the receipts: check that every payment taken on paper is recorded once, and that the totals match the deposits.',
        es: 'Concilie los recibos: verifique que cada pago recibido en papel esté registrado una sola vez y que los totales coincidan con los depósitos.',
      },
      { critical: true, link: 'permits' },
    ),
    item(
      'rc-7',
      'rc-paper',
      'reconstitution',
      ROLE.itLead,
      {
        en: 'Check on the sync screen that every device has sent its work, with nothing waiting or in conflict.',
        es: 'Verifique en la pantalla de sincronización que cada dispositivo haya enviado su trabajo y que no quede nada pendiente ni en conflicto.',
      },
      { critical: true, link: 'sync' },
    ),
    item(
      'rc-8',
      'rc-paper',
      'reconstitution',
      ROLE.permitClerk,
      {
        en: 'Tell applicants their official permit numbers.',
        es: 'Comunique a los solicitantes sus números oficiales de permiso.',
      },
      { link: 'permits' },
    ),
    item('rc-9', 'rc-paper', 'reconstitution', ROLE.records, {
      en: 'File the paper originals as the legal record, and do not throw any of them away.',
      es: 'Archive los originales en papel como registro oficial y no deseche ninguno.',
    }),
    item('rc-10', 'rc-close', 'reconstitution', ROLE.continuity, {
      en: 'Hold an after-action meeting and write down what worked, what did not, and what to change in the plan.',
      es: 'Haga una reunión de evaluación y anote qué funcionó, qué no y qué hay que cambiar en el plan.',
    }),
    item('rc-11', 'rc-close', 'reconstitution', ROLE.continuity, {
      en: 'Restock the go-kits with forms, receipt books, pens, batteries and chargers.',
      es: 'Vuelva a surtir los maletines de emergencia con formularios, talonarios de recibos, bolígrafos, baterías y cargadores.',
    }),
    item(
      'rc-12',
      'rc-close',
      'reconstitution',
      ROLE.calldownLead,
      {
        en: 'Update the contact list and call trees with any changes found during the outage.',
        es: 'Actualice la lista de contactos y los árboles de llamadas con los cambios detectados durante la interrupción.',
      },
      { link: 'contacts' },
    ),
    item(
      'rc-13',
      'rc-close',
      'readiness',
      ROLE.continuity,
      {
        en: 'Print a fresh outage packet and put it where staff can find it.',
        es: 'Imprima un paquete de contingencia actualizado y déjelo donde el personal pueda encontrarlo.',
      },
      { link: 'outage_packet' },
    ),
    item(
      'rc-14',
      'rc-close',
      'reconstitution',
      ROLE.departmentHead,
      {
        en: 'Close the incident and the checklists used during the outage.',
        es: 'Cierre el incidente y las listas de verificación que se usaron durante la interrupción.',
      },
      { link: 'incidents' },
    ),
  ],
};

/** Every shipped template, in the order they are offered. */
export const SHIPPED_TEMPLATES: readonly ShippedTemplate[] = [
  coopActivation,
  powerOutage,
  itOutage,
  severeWeather,
  calldownActivation,
  manualPermitIntake,
  reconstitution,
];

/** The shipped template with this key, or undefined. */
export function shippedTemplate(key: string): ShippedTemplate | undefined {
  return SHIPPED_TEMPLATES.find((template) => template.key === key);
}
