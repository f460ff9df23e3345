// English messages of the drills' EXERCISE banner (exercise-banner.tsx), shared by every drills screen and
// printed page; messages.es.ts has the same keys.
import type { Messages } from '../../../../i18n/translate';

export const en = {
  'drills.banner.word': 'EXERCISE',
  'drills.banner.note': 'Exercise material: nothing here is a real event or changes a real record.',
  'drills.banner.named': 'Exercise: {name}',
} satisfies Messages;
