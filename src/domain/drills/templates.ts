// Ready-made tabletop scenarios (issue 8): a multi-day power outage and a ransomware attack on city systems,
// each with its scenario, objectives tied to core capabilities, modules and an MSEL, in English and Spanish
// side by side (as the shipped checklists: the two languages cannot drift apart). "Start from a template"
// turns one into an exercise record and its msel_inject records in the chosen language (templateFields,
// templateInjects). FEMA's 32 core capabilities, in both languages, are here too: the exercise form offers
// them as suggestions and the templates' objectives use them.
import type { JsonObject } from '../sync/json-value';
import type { DELIVERY_METHODS } from './drill-kinds';

export const TEMPLATE_LANGUAGES = ['en', 'es'] as const;
export type TemplateLanguage = (typeof TEMPLATE_LANGUAGES)[number];
export type Bilingual = Record<TemplateLanguage, string>;

/** FEMA's 32 core capabilities (National Preparedness Goal), by mission area order, in both languages. */
export const CORE_CAPABILITIES: readonly Bilingual[] = [
  { en: 'Planning', es: 'Planificación' },
  { en: 'Public Information and Warning', es: 'Información pública y advertencias' },
  { en: 'Operational Coordination', es: 'Coordinación operativa' },
  { en: 'Forensics and Attribution', es: 'Análisis forense y atribución' },
  { en: 'Intelligence and Information Sharing', es: 'Inteligencia e intercambio de información' },
  { en: 'Interdiction and Disruption', es: 'Interdicción e interrupción' },
  { en: 'Screening, Search, and Detection', es: 'Control, búsqueda y detección' },
  { en: 'Access Control and Identity Verification', es: 'Control de acceso y verificación de identidad' },
  { en: 'Cybersecurity', es: 'Ciberseguridad' },
  { en: 'Physical Protective Measures', es: 'Medidas de protección física' },
  {
    en: 'Risk Management for Protection Programs and Activities',
    es: 'Gestión de riesgos para programas y actividades de protección',
  },
  { en: 'Supply Chain Integrity and Security', es: 'Integridad y seguridad de la cadena de suministro' },
  { en: 'Community Resilience', es: 'Resiliencia comunitaria' },
  { en: 'Long-term Vulnerability Reduction', es: 'Reducción de la vulnerabilidad a largo plazo' },
  { en: 'Risk and Disaster Resilience Assessment', es: 'Evaluación de riesgos y resiliencia ante desastres' },
  { en: 'Threats and Hazards Identification', es: 'Identificación de amenazas y peligros' },
  { en: 'Critical Transportation', es: 'Transporte crítico' },
  {
    en: 'Environmental Response/Health and Safety',
    es: 'Respuesta ambiental, salud y seguridad',
  },
  { en: 'Fatality Management Services', es: 'Servicios de gestión de víctimas mortales' },
  { en: 'Fire Management and Suppression', es: 'Manejo y extinción de incendios' },
  {
    en: 'Logistics and Supply Chain Management',
    es: 'Gestión de logística y de la cadena de suministro',
  },
  { en: 'Mass Care Services', es: 'Servicios de atención masiva' },
  { en: 'Mass Search and Rescue Operations', es: 'Operaciones de búsqueda y rescate masivo' },
  {
    en: 'On-scene Security, Protection, and Law Enforcement',
    es: 'Seguridad, protección y cumplimiento de la ley en el lugar',
  },
  { en: 'Operational Communications', es: 'Comunicaciones operativas' },
  {
    en: 'Public Health, Healthcare, and Emergency Medical Services',
    es: 'Salud pública, atención médica y servicios médicos de emergencia',
  },
  { en: 'Situational Assessment', es: 'Evaluación de la situación' },
  { en: 'Infrastructure Systems', es: 'Sistemas de infraestructura' },
  { en: 'Economic Recovery', es: 'Recuperación económica' },
  { en: 'Health and Social Services', es: 'Servicios sociales y de salud' },
  { en: 'Housing', es: 'Vivienda' },
  { en: 'Natural and Cultural Resources', es: 'Recursos naturales y culturales' },
];

/** The core capabilities' names in one language, for the form's suggestions. */
export const coreCapabilityNames = (language: TemplateLanguage): string[] =>
  CORE_CAPABILITIES.map((capability) => capability[language]);

type DeliveryMethod = (typeof DELIVERY_METHODS)[number];

export interface TemplateObjective {
  id: string;
  text: Bilingual;
  /** One of CORE_CAPABILITIES (the same entry, so both languages name the same capability). */
  capability: Bilingual;
}

export interface TemplateModule {
  id: string;
  title: Bilingual;
  startsAtMinute: number;
  summary: Bilingual;
}

export interface TemplateInject {
  number: number;
  scenarioMinute: number;
  moduleId: string;
  synopsis: Bilingual;
  text: Bilingual;
  method: DeliveryMethod;
  /** Who delivers it, by exercise role (the real names are filled in when planning). */
  controller: Bilingual;
  expectedAction: Bilingual;
  objectiveId: string;
  evaluatorNotes: Bilingual;
  contingency: boolean;
}

export interface ExerciseTemplate {
  /** Stable key: an exercise started from it keeps it as templateKey. */
  key: string;
  name: Bilingual;
  summary: Bilingual;
  hazard: Bilingual;
  scope: Bilingual;
  scenario: Bilingual;
  objectives: TemplateObjective[];
  modules: TemplateModule[];
  injects: TemplateInject[];
}

const cap = (en: string): Bilingual => {
  const found = CORE_CAPABILITIES.find((capability) => capability.en === en);
  if (!found) throw new Error(`not a core capability: ${en}`);
  return found;
};

const LEAD: Bilingual = { en: 'Lead controller', es: 'Controlador principal' };
const CONTROLLER: Bilingual = { en: 'Controller', es: 'Controlador' };

const POWER_OUTAGE: ExerciseTemplate = {
  key: 'power-outage-tabletop',
  name: {
    en: 'Multi-day power outage tabletop exercise',
    es: 'Ejercicio de mesa: apagón de varios días',
  },
  summary: {
    en: 'An ice storm leaves most of the city without power for several days.',
    es: 'Una tormenta de hielo deja a la mayor parte de la ciudad sin electricidad durante varios días.',
  },
  hazard: { en: 'Ice storm and prolonged power outage', es: 'Tormenta de hielo y apagón prolongado' },
  scope: {
    en: 'City departments (emergency management, public works, police, fire, IT, communications) discuss how they keep essential services running through a power outage of three days or more. Discussion-based; no equipment is moved and no real records change.',
    es: 'Los departamentos municipales (gestión de emergencias, obras públicas, policía, bomberos, informática, comunicaciones) analizan cómo mantener los servicios esenciales durante un apagón de tres días o más. Basado en la discusión; no se mueve equipo ni cambia ningún registro real.',
  },
  scenario: {
    en: 'A slow-moving winter storm coats the region in up to an inch of ice overnight. By 06:00 falling trees and ice-laden lines have cut power to about 70% of the city, including City Hall, two fire stations and the water treatment plant’s main feed. The utility estimates restoration in 3 to 5 days for most customers. Temperatures will stay below freezing for the rest of the week. Roads are treacherous, cellular service is intermittent as towers run down their batteries, and residents begin calling 911 about downed lines, carbon monoxide and the cold.',
    es: 'Una tormenta invernal lenta cubre la región con hasta 2,5 cm de hielo durante la noche. A las 06:00, la caída de árboles y de líneas cargadas de hielo ha dejado sin electricidad a cerca del 70 % de la ciudad, incluido el Ayuntamiento, dos estaciones de bomberos y la alimentación principal de la planta potabilizadora. La compañía eléctrica calcula que restablecerá el servicio a la mayoría de los clientes en 3 a 5 días. Las temperaturas seguirán bajo cero el resto de la semana. Las calles son peligrosas, la telefonía móvil falla a medida que las antenas agotan sus baterías y los vecinos empiezan a llamar al 911 por cables caídos, monóxido de carbono y el frío.',
  },
  objectives: [
    {
      id: 'o1',
      text: {
        en: 'Activate the emergency operations center and continuity of operations plan within two hours of a citywide outage.',
        es: 'Activar el centro de operaciones de emergencia y el plan de continuidad de operaciones en las dos horas siguientes a un apagón en toda la ciudad.',
      },
      capability: cap('Operational Coordination'),
    },
    {
      id: 'o2',
      text: {
        en: 'Issue accurate, timely public information on warming centers, carbon monoxide safety and restoration estimates through channels that work without power.',
        es: 'Difundir información pública exacta y oportuna sobre centros de calor, seguridad ante el monóxido de carbono y plazos de restablecimiento por medios que funcionen sin electricidad.',
      },
      capability: cap('Public Information and Warning'),
    },
    {
      id: 'o3',
      text: {
        en: 'Open and sustain warming shelters for vulnerable residents, including people who depend on powered medical equipment.',
        es: 'Abrir y mantener refugios de calor para los vecinos vulnerables, incluidas las personas que dependen de equipos médicos eléctricos.',
      },
      capability: cap('Mass Care Services'),
    },
    {
      id: 'o4',
      text: {
        en: 'Prioritize generator fuel and restoration requests for critical facilities with the utility.',
        es: 'Priorizar con la compañía eléctrica el combustible para generadores y el restablecimiento de las instalaciones críticas.',
      },
      capability: cap('Infrastructure Systems'),
    },
  ],
  modules: [
    {
      id: 'm1',
      title: { en: 'Module 1: The first hours', es: 'Módulo 1: Las primeras horas' },
      startsAtMinute: 0,
      summary: {
        en: 'Day 1, 06:00 to 12:00: the outage spreads; activation, first public messages, life-safety calls.',
        es: 'Día 1, de 06:00 a 12:00: el apagón se extiende; activación, primeros mensajes al público, llamadas por riesgo vital.',
      },
    },
    {
      id: 'm2',
      title: { en: 'Module 2: Sustained operations', es: 'Módulo 2: Operaciones sostenidas' },
      startsAtMinute: 60,
      summary: {
        en: 'Days 2 and 3: shelters, generator fuel, vulnerable residents, staff fatigue.',
        es: 'Días 2 y 3: refugios, combustible para generadores, vecinos vulnerables, cansancio del personal.',
      },
    },
    {
      id: 'm3',
      title: { en: 'Module 3: Restoration and recovery', es: 'Módulo 3: Restablecimiento y recuperación' },
      startsAtMinute: 120,
      summary: {
        en: 'Day 4 onward: power returns unevenly; returning to normal operations and keying paper records back in.',
        es: 'A partir del día 4: la electricidad vuelve de forma desigual; regreso a las operaciones normales y captura de los registros en papel.',
      },
    },
  ],
  injects: [
    {
      number: 1,
      scenarioMinute: 0,
      moduleId: 'm1',
      synopsis: {
        en: 'Utility reports widespread outage',
        es: 'La compañía eléctrica informa de un apagón extenso',
      },
      text: {
        en: 'The utility’s emergency liaison calls: about 70% of city customers are out, including City Hall and the water plant’s main feed. Crews cannot start repairs until roads are cleared. First estimate: 3 to 5 days.',
        es: 'El enlace de emergencias de la compañía eléctrica llama: cerca del 70 % de los clientes de la ciudad están sin servicio, incluido el Ayuntamiento y la alimentación principal de la planta de agua. Las cuadrillas no pueden empezar a reparar hasta que se despejen las calles. Primera estimación: de 3 a 5 días.',
      },
      method: 'phone',
      controller: LEAD,
      expectedAction: {
        en: 'Emergency manager activates the EOC and the continuity plan; notifies department heads through the call-down tree.',
        es: 'La persona a cargo de emergencias activa el COE y el plan de continuidad; avisa a los jefes de departamento mediante el árbol de llamadas.',
      },
      objectiveId: 'o1',
      evaluatorNotes: {
        en: 'Note how long activation takes and whether the call-down reaches every department head.',
        es: 'Anote cuánto tarda la activación y si el árbol de llamadas llega a todos los jefes de departamento.',
      },
      contingency: false,
    },
    {
      number: 2,
      scenarioMinute: 15,
      moduleId: 'm1',
      synopsis: { en: 'City Hall generator fails to start', es: 'El generador del Ayuntamiento no arranca' },
      text: {
        en: 'Facilities staff report that the City Hall generator cranked but did not start. The building is on battery backup for the server room only; the phones and most workstations are dark.',
        es: 'El personal de mantenimiento informa de que el generador del Ayuntamiento intentó arrancar pero no arrancó. El edificio solo tiene baterías de respaldo para la sala de servidores; los teléfonos y la mayoría de los equipos están apagados.',
      },
      method: 'radio',
      controller: CONTROLLER,
      expectedAction: {
        en: 'Decide whether to relocate the EOC to the alternate facility; switch to paper forms and offline devices.',
        es: 'Decidir si se traslada el COE a la sede alternativa; pasar a formularios en papel y dispositivos sin conexión.',
      },
      objectiveId: 'o1',
      evaluatorNotes: {
        en: 'Do players know where the alternate facility is and who holds its keys?',
        es: '¿Saben los participantes dónde está la sede alternativa y quién tiene sus llaves?',
      },
      contingency: false,
    },
    {
      number: 3,
      scenarioMinute: 30,
      moduleId: 'm1',
      synopsis: { en: 'Carbon monoxide calls rise', es: 'Aumentan las llamadas por monóxido de carbono' },
      text: {
        en: 'Dispatch reports four calls in one hour about people feeling ill; two households were running generators in attached garages. Local news asks the city for safety advice.',
        es: 'La central de despacho informa de cuatro llamadas en una hora por personas que se sienten mal; dos hogares usaban generadores en garajes adosados. Un medio local pide a la ciudad consejos de seguridad.',
      },
      method: 'phone',
      controller: CONTROLLER,
      expectedAction: {
        en: 'Public information officer issues a carbon monoxide warning in English and Spanish through radio, door hangers and the channels still working.',
        es: 'La persona responsable de información pública emite un aviso sobre el monóxido de carbono en inglés y en español por radio, avisos en las puertas y los canales que sigan funcionando.',
      },
      objectiveId: 'o2',
      evaluatorNotes: {
        en: 'Which channels reach residents without power or cell service?',
        es: '¿Qué canales llegan a los vecinos sin electricidad ni telefonía móvil?',
      },
      contingency: false,
    },
    {
      number: 4,
      scenarioMinute: 45,
      moduleId: 'm1',
      synopsis: {
        en: 'Water plant on backup power',
        es: 'La planta de agua funciona con energía de respaldo',
      },
      text: {
        en: 'The water plant superintendent reports that the plant runs on its generator with fuel for 36 hours. Without a refill, pressure will drop and a boil-water notice may follow.',
        es: 'El responsable de la planta de agua informa de que la planta funciona con su generador y tiene combustible para 36 horas. Sin reabastecimiento, bajará la presión y podría emitirse un aviso para hervir el agua.',
      },
      method: 'email',
      controller: CONTROLLER,
      expectedAction: {
        en: 'Logistics lists critical facilities by fuel remaining and requests fuel deliveries; the utility liaison is asked to prioritize the plant.',
        es: 'Logística hace una lista de las instalaciones críticas según el combustible restante y pide entregas de combustible; se pide al enlace de la compañía eléctrica que dé prioridad a la planta.',
      },
      objectiveId: 'o4',
      evaluatorNotes: {
        en: 'Is there a fuel contract that works when the vendor has no power either?',
        es: '¿Hay un contrato de combustible que funcione aunque el proveedor tampoco tenga electricidad?',
      },
      contingency: false,
    },
    {
      number: 5,
      scenarioMinute: 60,
      moduleId: 'm2',
      synopsis: { en: 'Overnight temperatures drop', es: 'Bajan las temperaturas nocturnas' },
      text: {
        en: 'The weather service forecasts 10 °F (−12 °C) tonight. The senior center asks whether it should open as a warming center; it has no generator.',
        es: 'El servicio meteorológico pronostica −12 °C (10 °F) esta noche. El centro de mayores pregunta si debe abrir como centro de calor; no tiene generador.',
      },
      method: 'phone',
      controller: LEAD,
      expectedAction: {
        en: 'Mass care opens a warming shelter at a site with backup power, arranges staffing for overnight, and announces it.',
        es: 'Atención masiva abre un refugio de calor en un lugar con energía de respaldo, organiza el personal para la noche y lo anuncia.',
      },
      objectiveId: 'o3',
      evaluatorNotes: {
        en: 'Check that the chosen site is accessible and has backup heat.',
        es: 'Compruebe que el lugar elegido es accesible y tiene calefacción de respaldo.',
      },
      contingency: false,
    },
    {
      number: 6,
      scenarioMinute: 75,
      moduleId: 'm2',
      synopsis: {
        en: 'Residents on home oxygen need power',
        es: 'Vecinos con oxígeno en casa necesitan electricidad',
      },
      text: {
        en: 'The county health department forwards a list of 23 city residents who depend on powered medical equipment. Several have not answered the phone.',
        es: 'El departamento de salud del condado envía una lista de 23 vecinos de la ciudad que dependen de equipos médicos eléctricos. Varios no contestan el teléfono.',
      },
      method: 'email',
      controller: CONTROLLER,
      expectedAction: {
        en: 'Plan welfare checks (police, fire, volunteers), transport to a shelter with power, and track who has been reached.',
        es: 'Organizar visitas de comprobación (policía, bomberos, voluntarios), el traslado a un refugio con electricidad y llevar la cuenta de a quién se ha localizado.',
      },
      objectiveId: 'o3',
      evaluatorNotes: {
        en: 'How is the list protected (it holds health information) and who tracks the checks?',
        es: '¿Cómo se protege la lista (contiene información de salud) y quién lleva el seguimiento de las visitas?',
      },
      contingency: false,
    },
    {
      number: 7,
      scenarioMinute: 90,
      moduleId: 'm2',
      synopsis: { en: 'Rumor of a restoration date', es: 'Rumor sobre la fecha de restablecimiento' },
      text: {
        en: 'A post shared widely on social media claims that power will be back “by tonight” in the whole city. The utility has not said so.',
        es: 'Una publicación muy compartida en redes sociales asegura que la electricidad volverá “esta noche” en toda la ciudad. La compañía eléctrica no lo ha dicho.',
      },
      method: 'other',
      controller: CONTROLLER,
      expectedAction: {
        en: 'Public information confirms the estimate with the utility and corrects the rumor on every channel.',
        es: 'Información pública confirma la estimación con la compañía eléctrica y desmiente el rumor en todos los canales.',
      },
      objectiveId: 'o2',
      evaluatorNotes: {
        en: 'Time from rumor to correction; is the message consistent with the utility’s?',
        es: 'Tiempo entre el rumor y la corrección; ¿coincide el mensaje con el de la compañía eléctrica?',
      },
      contingency: false,
    },
    {
      number: 8,
      scenarioMinute: 100,
      moduleId: 'm2',
      synopsis: { en: 'Fuel vendor cannot deliver', es: 'El proveedor de combustible no puede entregar' },
      text: {
        en: 'Contingency: if players have not arranged a second fuel source, the vendor calls to say its pumps have no power and it cannot deliver today.',
        es: 'Contingencia: si los participantes no han previsto una segunda fuente de combustible, el proveedor llama para decir que sus surtidores no tienen electricidad y no puede entregar hoy.',
      },
      method: 'phone',
      controller: LEAD,
      expectedAction: {
        en: 'Request fuel through the county or state emergency management and ration fuel among facilities by priority.',
        es: 'Pedir combustible a la gestión de emergencias del condado o del estado y repartirlo entre las instalaciones por orden de prioridad.',
      },
      objectiveId: 'o4',
      evaluatorNotes: {
        en: 'Use only if the fuel discussion in inject 4 stalled.',
        es: 'Úselo solo si la discusión sobre combustible del estímulo 4 se estancó.',
      },
      contingency: true,
    },
    {
      number: 9,
      scenarioMinute: 120,
      moduleId: 'm3',
      synopsis: { en: 'Power returns unevenly', es: 'La electricidad vuelve de forma desigual' },
      text: {
        en: 'On day 4 the utility restores most of downtown and City Hall. Two neighborhoods on the east side remain dark for at least two more days.',
        es: 'El día 4 la compañía eléctrica restablece la mayor parte del centro y el Ayuntamiento. Dos barrios del este siguen sin luz al menos dos días más.',
      },
      method: 'email',
      controller: CONTROLLER,
      expectedAction: {
        en: 'Keep shelters and welfare checks running for the east side while City Hall returns to normal operations.',
        es: 'Mantener los refugios y las visitas de comprobación en el este mientras el Ayuntamiento vuelve a las operaciones normales.',
      },
      objectiveId: 'o1',
      evaluatorNotes: {
        en: 'Watch for demobilizing too early.',
        es: 'Esté atento a una desmovilización prematura.',
      },
      contingency: false,
    },
    {
      number: 10,
      scenarioMinute: 135,
      moduleId: 'm3',
      synopsis: { en: 'Paper records to key in', es: 'Registros en papel por capturar' },
      text: {
        en: 'Departments report three days of paper logs, permit intakes and timesheets kept during the outage.',
        es: 'Los departamentos informan de tres días de registros en papel, solicitudes de permisos y hojas de horas llevados durante el apagón.',
      },
      method: 'in_person',
      controller: CONTROLLER,
      expectedAction: {
        en: 'Assign staff to key in paper records, reconcile them with the synced data and file the originals.',
        es: 'Asignar personal para capturar los registros en papel, conciliarlos con los datos sincronizados y archivar los originales.',
      },
      objectiveId: 'o1',
      evaluatorNotes: {
        en: 'Who checks that nothing was keyed in twice?',
        es: '¿Quién comprueba que nada se haya capturado dos veces?',
      },
      contingency: false,
    },
    {
      number: 11,
      scenarioMinute: 150,
      moduleId: 'm3',
      synopsis: {
        en: 'Shelter resident cannot go home',
        es: 'Una persona del refugio no puede volver a casa',
      },
      text: {
        en: 'Contingency: a shelter resident’s home had a burst pipe and is not habitable. The shelter is due to close tomorrow.',
        es: 'Contingencia: la vivienda de una persona alojada en el refugio sufrió la rotura de una tubería y no es habitable. El refugio debe cerrar mañana.',
      },
      method: 'in_person',
      controller: CONTROLLER,
      expectedAction: {
        en: 'Connect the resident with housing assistance before the shelter closes.',
        es: 'Poner a la persona en contacto con la asistencia de vivienda antes de que cierre el refugio.',
      },
      objectiveId: 'o3',
      evaluatorNotes: {
        en: 'Use if time allows; tests the hand-off from mass care to recovery.',
        es: 'Úselo si hay tiempo; pone a prueba el traspaso de atención masiva a recuperación.',
      },
      contingency: true,
    },
  ],
};

const RANSOMWARE: ExerciseTemplate = {
  key: 'ransomware-tabletop',
  name: {
    en: 'Ransomware attack on city systems tabletop exercise',
    es: 'Ejercicio de mesa: ataque de ransomware a los sistemas municipales',
  },
  summary: {
    en: 'Ransomware encrypts city servers on a Monday morning; services must continue without them.',
    es: 'Un ransomware cifra los servidores municipales un lunes por la mañana; los servicios deben continuar sin ellos.',
  },
  hazard: { en: 'Ransomware cyberattack', es: 'Ciberataque de ransomware' },
  scope: {
    en: 'City leadership, IT, emergency management, legal, finance, communications and the departments that serve the public (permits, utilities billing, police records) discuss how they detect, contain and work through a ransomware attack. Discussion-based; no system is touched.',
    es: 'La dirección municipal, informática, gestión de emergencias, asesoría jurídica, finanzas, comunicaciones y los departamentos que atienden al público (permisos, facturación de servicios, archivos policiales) analizan cómo detectar, contener y sobrellevar un ataque de ransomware. Basado en la discusión; no se toca ningún sistema.',
  },
  scenario: {
    en: 'At 07:40 on a Monday, staff arriving at City Hall find their files renamed and a ransom note on every screen demanding payment in cryptocurrency within 72 hours. The permitting system, utility billing and the shared drives are encrypted; email is partly working. Overnight backups may also be affected. The attackers claim to have copied residents’ personal data and threaten to publish it. Residents are already calling about failed online payments.',
    es: 'A las 07:40 de un lunes, el personal que llega al Ayuntamiento encuentra sus archivos renombrados y una nota de rescate en todas las pantallas que exige un pago en criptomonedas en 72 horas. El sistema de permisos, la facturación de servicios y las unidades compartidas están cifrados; el correo funciona a medias. Las copias de seguridad nocturnas también podrían estar afectadas. Los atacantes afirman haber copiado datos personales de los vecinos y amenazan con publicarlos. Los vecinos ya llaman porque no pueden pagar en línea.',
  },
  objectives: [
    {
      id: 'o1',
      text: {
        en: 'Contain the attack and preserve evidence following the city’s cyber incident response plan.',
        es: 'Contener el ataque y preservar las pruebas según el plan municipal de respuesta a incidentes cibernéticos.',
      },
      capability: cap('Cybersecurity'),
    },
    {
      id: 'o2',
      text: {
        en: 'Keep essential public services running on manual procedures while systems are down.',
        es: 'Mantener los servicios públicos esenciales con procedimientos manuales mientras los sistemas estén caídos.',
      },
      capability: cap('Operational Coordination'),
    },
    {
      id: 'o3',
      text: {
        en: 'Inform residents, staff and partners accurately and meet legal notification duties.',
        es: 'Informar con exactitud a los vecinos, al personal y a los socios, y cumplir las obligaciones legales de notificación.',
      },
      capability: cap('Public Information and Warning'),
    },
    {
      id: 'o4',
      text: {
        en: 'Share threat information with law enforcement and state partners.',
        es: 'Compartir información sobre la amenaza con las fuerzas del orden y los socios estatales.',
      },
      capability: cap('Intelligence and Information Sharing'),
    },
    {
      id: 'o5',
      text: {
        en: 'Restore systems from clean backups in priority order.',
        es: 'Restaurar los sistemas a partir de copias limpias por orden de prioridad.',
      },
      capability: cap('Infrastructure Systems'),
    },
  ],
  modules: [
    {
      id: 'm1',
      title: { en: 'Module 1: Detection and containment', es: 'Módulo 1: Detección y contención' },
      startsAtMinute: 0,
      summary: {
        en: 'Monday 07:40 to noon: the attack is found; isolate, preserve evidence, activate.',
        es: 'Lunes de 07:40 a mediodía: se descubre el ataque; aislar, preservar pruebas, activar.',
      },
    },
    {
      id: 'm2',
      title: { en: 'Module 2: Continuity and decisions', es: 'Módulo 2: Continuidad y decisiones' },
      startsAtMinute: 60,
      summary: {
        en: 'Days 1 to 3: manual operations, the ransom demand, data-leak threats, public pressure.',
        es: 'Días 1 a 3: operaciones manuales, la exigencia de rescate, amenazas de filtración, presión pública.',
      },
    },
    {
      id: 'm3',
      title: { en: 'Module 3: Recovery', es: 'Módulo 3: Recuperación' },
      startsAtMinute: 120,
      summary: {
        en: 'Week 2: restoring from backups, keying paper records back in, lessons learned.',
        es: 'Segunda semana: restauración desde copias, captura de los registros en papel, lecciones aprendidas.',
      },
    },
  ],
  injects: [
    {
      number: 1,
      scenarioMinute: 0,
      moduleId: 'm1',
      synopsis: { en: 'Ransom note on screens', es: 'Nota de rescate en las pantallas' },
      text: {
        en: 'The help desk receives a dozen calls in ten minutes: files renamed with a strange extension and a note demanding payment within 72 hours.',
        es: 'El servicio de soporte recibe una docena de llamadas en diez minutos: archivos renombrados con una extensión extraña y una nota que exige un pago en 72 horas.',
      },
      method: 'phone',
      controller: LEAD,
      expectedAction: {
        en: 'IT disconnects affected systems from the network without powering them off and activates the cyber incident response plan.',
        es: 'Informática desconecta de la red los sistemas afectados sin apagarlos y activa el plan de respuesta a incidentes cibernéticos.',
      },
      objectiveId: 'o1',
      evaluatorNotes: {
        en: 'Powering off destroys memory evidence; note what players order.',
        es: 'Apagar los equipos destruye pruebas en memoria; anote lo que ordenan los participantes.',
      },
      contingency: false,
    },
    {
      number: 2,
      scenarioMinute: 15,
      moduleId: 'm1',
      synopsis: { en: 'Backups may be encrypted', es: 'Las copias podrían estar cifradas' },
      text: {
        en: 'The systems administrator reports that the backup server is reachable from the domain and shows the same renamed files. Offline tapes from two weeks ago are in the safe.',
        es: 'El administrador de sistemas informa de que el servidor de copias es accesible desde el dominio y muestra los mismos archivos renombrados. En la caja fuerte hay cintas sin conexión de hace dos semanas.',
      },
      method: 'in_person',
      controller: CONTROLLER,
      expectedAction: {
        en: 'Isolate the backup server, secure the offline tapes and assess what data would be lost restoring from them.',
        es: 'Aislar el servidor de copias, asegurar las cintas sin conexión y evaluar qué datos se perderían al restaurar desde ellas.',
      },
      objectiveId: 'o5',
      evaluatorNotes: {
        en: 'Do players know when backups were last tested?',
        es: '¿Saben los participantes cuándo se probaron las copias por última vez?',
      },
      contingency: false,
    },
    {
      number: 3,
      scenarioMinute: 30,
      moduleId: 'm1',
      synopsis: { en: 'Who do we call?', es: '¿A quién llamamos?' },
      text: {
        en: 'The city manager asks who outside the city must be told now: the cyber insurance carrier, the FBI field office, the state fusion center?',
        es: 'La gerencia municipal pregunta a quién hay que avisar ya fuera de la ciudad: ¿la aseguradora de riesgos cibernéticos, la oficina local del FBI, el centro estatal de fusión?',
      },
      method: 'in_person',
      controller: LEAD,
      expectedAction: {
        en: 'Notify the insurer’s hotline, report to the FBI and the state, and name one person to coordinate outside contacts.',
        es: 'Avisar a la línea de la aseguradora, denunciar ante el FBI y el estado, y designar a una persona que coordine los contactos externos.',
      },
      objectiveId: 'o4',
      evaluatorNotes: {
        en: 'Are the numbers available on paper, without the shared drive?',
        es: '¿Están los teléfonos disponibles en papel, sin la unidad compartida?',
      },
      contingency: false,
    },
    {
      number: 4,
      scenarioMinute: 60,
      moduleId: 'm2',
      synopsis: { en: 'Permit counter cannot work', es: 'La ventanilla de permisos no puede trabajar' },
      text: {
        en: 'The permit counter has a line of contractors. The permitting system is down and inspections scheduled for today cannot be looked up.',
        es: 'En la ventanilla de permisos hay una fila de contratistas. El sistema de permisos está caído y no se pueden consultar las inspecciones previstas para hoy.',
      },
      method: 'in_person',
      controller: CONTROLLER,
      expectedAction: {
        en: 'Switch to paper intake forms and the offline device records; tell contractors how applications will be processed.',
        es: 'Pasar a formularios de solicitud en papel y a los registros de los dispositivos sin conexión; explicar a los contratistas cómo se tramitarán las solicitudes.',
      },
      objectiveId: 'o2',
      evaluatorNotes: {
        en: 'Are paper forms stocked and does staff know the manual procedure?',
        es: '¿Hay formularios en papel y conoce el personal el procedimiento manual?',
      },
      contingency: false,
    },
    {
      number: 5,
      scenarioMinute: 75,
      moduleId: 'm2',
      synopsis: {
        en: 'Reporter asks about resident data',
        es: 'Una periodista pregunta por los datos de los vecinos',
      },
      text: {
        en: 'A reporter calls: the attackers posted a sample of utility billing records online and she wants a statement within the hour.',
        es: 'Una periodista llama: los atacantes publicaron en internet una muestra de registros de facturación y quiere una declaración en menos de una hora.',
      },
      method: 'phone',
      controller: CONTROLLER,
      expectedAction: {
        en: 'Public information issues a holding statement cleared with legal; no speculation on attribution or payment.',
        es: 'Información pública emite una declaración provisional revisada por la asesoría jurídica; sin especular sobre la autoría ni el pago.',
      },
      objectiveId: 'o3',
      evaluatorNotes: {
        en: 'Note who approves the statement and how long it takes.',
        es: 'Anote quién aprueba la declaración y cuánto tarda.',
      },
      contingency: false,
    },
    {
      number: 6,
      scenarioMinute: 90,
      moduleId: 'm2',
      synopsis: { en: 'Council member urges paying', es: 'Un concejal insiste en pagar' },
      text: {
        en: 'A council member emails the city manager: “Just pay it and get us back online. How much is it?”',
        es: 'Un concejal escribe a la gerencia municipal: “Paguen y vuelvan a funcionar. ¿Cuánto es?”',
      },
      method: 'email',
      controller: LEAD,
      expectedAction: {
        en: 'Leadership explains the decision process (law enforcement, insurer, legal, sanctions checks) and the risks of paying.',
        es: 'La dirección explica el proceso de decisión (fuerzas del orden, aseguradora, asesoría jurídica, comprobación de sanciones) y los riesgos de pagar.',
      },
      objectiveId: 'o3',
      evaluatorNotes: {
        en: 'Is there a pre-agreed policy on ransom payment?',
        es: '¿Existe una política acordada de antemano sobre el pago de rescates?',
      },
      contingency: false,
    },
    {
      number: 7,
      scenarioMinute: 100,
      moduleId: 'm2',
      synopsis: {
        en: 'Police records system affected',
        es: 'El sistema de archivos policiales está afectado',
      },
      text: {
        en: 'Contingency: if public safety has not been discussed, the police records supervisor reports that officers cannot check warrants or write reports electronically.',
        es: 'Contingencia: si no se ha hablado de seguridad pública, la supervisora de archivos policiales informa de que los agentes no pueden consultar órdenes de detención ni redactar informes electrónicos.',
      },
      method: 'radio',
      controller: CONTROLLER,
      expectedAction: {
        en: 'Move police to paper reports and county or state systems for checks; confirm dispatch is unaffected.',
        es: 'Pasar a la policía a informes en papel y a los sistemas del condado o del estado para las consultas; confirmar que el despacho no está afectado.',
      },
      objectiveId: 'o2',
      evaluatorNotes: {
        en: 'Use only if public safety continuity did not come up.',
        es: 'Úselo solo si no surgió la continuidad de la seguridad pública.',
      },
      contingency: true,
    },
    {
      number: 8,
      scenarioMinute: 120,
      moduleId: 'm3',
      synopsis: { en: 'Clean backups confirmed', es: 'Copias limpias confirmadas' },
      text: {
        en: 'The forensic firm confirms the two-week-old tapes are clean. Restoring everything will take about ten days.',
        es: 'La empresa forense confirma que las cintas de hace dos semanas están limpias. Restaurarlo todo llevará unos diez días.',
      },
      method: 'email',
      controller: CONTROLLER,
      expectedAction: {
        en: 'Agree the restoration order (public safety, finance and payroll, permits, billing) and a plan to re-enter two weeks of lost data.',
        es: 'Acordar el orden de restauración (seguridad pública, finanzas y nóminas, permisos, facturación) y un plan para volver a introducir dos semanas de datos perdidos.',
      },
      objectiveId: 'o5',
      evaluatorNotes: {
        en: 'Does the order match the continuity plan’s essential functions?',
        es: '¿Coincide el orden con las funciones esenciales del plan de continuidad?',
      },
      contingency: false,
    },
    {
      number: 9,
      scenarioMinute: 135,
      moduleId: 'm3',
      synopsis: { en: 'Residents must be notified', es: 'Hay que notificar a los vecinos' },
      text: {
        en: 'Legal counsel advises that the state breach law requires written notice to affected residents within 30 days.',
        es: 'La asesoría jurídica indica que la ley estatal sobre filtraciones exige notificar por escrito a los vecinos afectados en un plazo de 30 días.',
      },
      method: 'paper',
      controller: CONTROLLER,
      expectedAction: {
        en: 'Plan the notification letters (in English and Spanish), a call line and credit monitoring.',
        es: 'Planificar las cartas de notificación (en inglés y en español), una línea de atención y la vigilancia del crédito.',
      },
      objectiveId: 'o3',
      evaluatorNotes: {
        en: 'Who owns the notification and its budget?',
        es: '¿Quién se encarga de la notificación y de su presupuesto?',
      },
      contingency: false,
    },
    {
      number: 10,
      scenarioMinute: 150,
      moduleId: 'm3',
      synopsis: { en: 'Attackers reappear', es: 'Los atacantes reaparecen' },
      text: {
        en: 'Contingency: during restoration, the forensic firm finds an active remote-access account created by the attackers.',
        es: 'Contingencia: durante la restauración, la empresa forense encuentra una cuenta de acceso remoto activa creada por los atacantes.',
      },
      method: 'phone',
      controller: LEAD,
      expectedAction: {
        en: 'Pause restoration, disable the account, reset credentials and review how it was missed.',
        es: 'Detener la restauración, desactivar la cuenta, restablecer las credenciales y revisar por qué no se detectó.',
      },
      objectiveId: 'o1',
      evaluatorNotes: {
        en: 'Use if players treat recovery as finished too early.',
        es: 'Úselo si los participantes dan la recuperación por terminada demasiado pronto.',
      },
      contingency: true,
    },
  ],
};

export const EXERCISE_TEMPLATES: readonly ExerciseTemplate[] = [POWER_OUTAGE, RANSOMWARE];

export function exerciseTemplate(key: string): ExerciseTemplate | undefined {
  return EXERCISE_TEMPLATES.find((template) => template.key === key);
}

/** The exercise fields a template starts, in one language (the dates, sponsor and participants are the planner's). */
export function templateFields(
  template: ExerciseTemplate,
  language: TemplateLanguage,
  opts: { name?: string; startDate: string; endDate?: string },
): JsonObject {
  return {
    name: opts.name?.trim() || template.name[language],
    exerciseType: 'tabletop',
    startDate: opts.startDate,
    ...(opts.endDate ? { endDate: opts.endDate } : {}),
    scope: template.scope[language],
    hazard: template.hazard[language],
    scenario: template.scenario[language],
    objectives: template.objectives.map((o) => ({
      id: o.id,
      text: o.text[language],
      capability: o.capability[language],
    })),
    modules: template.modules.map((m) => ({
      id: m.id,
      title: m.title[language],
      startsAtMinute: String(m.startsAtMinute),
      summary: m.summary[language],
    })),
    participants: [],
    templateKey: template.key,
    status: 'planning',
    clockState: 'not_started',
    clockScenarioMinutes: 0,
    clockSpeed: 1,
  };
}

/** The fields of the template's injects for an exercise, in one language; every player receives each. */
export function templateInjects(
  template: ExerciseTemplate,
  language: TemplateLanguage,
  exerciseId: string,
): JsonObject[] {
  return template.injects.map((inject) => ({
    exerciseId,
    number: inject.number,
    scenarioMinute: inject.scenarioMinute,
    moduleId: inject.moduleId,
    synopsis: inject.synopsis[language],
    text: inject.text[language],
    method: inject.method,
    controller: inject.controller[language],
    players: [],
    expectedAction: inject.expectedAction[language],
    objectiveId: inject.objectiveId,
    evaluatorNotes: inject.evaluatorNotes[language],
    contingency: inject.contingency,
  }));
}
