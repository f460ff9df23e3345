// Mensajes en español del rótulo EJERCICIO de los simulacros; las mismas claves que messages.en.ts.
import type { CatalogOf } from '../../../../i18n/translate';
import type { en } from './messages.en';

export const es: CatalogOf<typeof en> = {
  'drills.banner.word': 'EJERCICIO',
  'drills.banner.note': 'Material de ejercicio: nada de esto es un suceso real ni cambia un registro real.',
  'drills.banner.named': 'Ejercicio: {name}',
};
