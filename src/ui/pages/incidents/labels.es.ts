// Nombres en español de los valores del área de Incidentes; las mismas claves que labels.en.ts.
import type { CatalogOf } from '../../i18n/translate';
import type { en } from './labels.en';

export const es: CatalogOf<typeof en> = {
  'incidents.exercise': 'SIMULACRO',
  'incidents.exerciseNote': 'No es un incidente real: nada de lo que se haga aquí cambia registros reales.',
  'incidents.status.active': 'Activo',
  'incidents.status.monitoring': 'En seguimiento',
  'incidents.status.closed': 'Cerrado',
  'incidents.severity.minor': 'Menor',
  'incidents.severity.moderate': 'Moderada',
  'incidents.severity.major': 'Grave',
  'incidents.severity.catastrophic': 'Catastrófica',
  'incidents.type.severe_weather': 'Clima severo',
  'incidents.type.flood': 'Inundación',
  'incidents.type.fire': 'Incendio',
  'incidents.type.power_outage': 'Corte de electricidad',
  'incidents.type.it_outage': 'Caída de la red o de informática',
  'incidents.type.hazmat': 'Materiales peligrosos',
  'incidents.type.public_health': 'Salud pública',
  'incidents.type.earthquake': 'Terremoto',
  'incidents.type.planned_event': 'Evento planificado',
  'incidents.type.other': 'Otro',
  'incidents.priority.important': 'Importante',
  'incidents.priority.urgent': 'Urgente',
};
