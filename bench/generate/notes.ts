// Realistic field notes: titles and bodies as inspectors and public-works crews write them (street
// addresses, assets, observations, follow-ups), with a skewed length distribution. Seeded and
// deterministic; the same seed always produces the same notes.
import { between, pick, seededRandom, skewedLength, type Random } from './random';

const STREETS = [
  'Elm St',
  'Oak Ave',
  'Maple Dr',
  'River Rd',
  'Main St',
  'Cedar Ln',
  'Harbor Blvd',
  'Mill Creek Rd',
  'Washington Ave',
  'Lincoln Way',
  'Pine Ridge Ct',
  'Industrial Pkwy',
  'Calle Sol',
  'Avenida Central',
  '3rd St',
  '17th Ave N',
];
const ASSETS = [
  'storm drain',
  'culvert',
  'fire hydrant',
  'street light',
  'sidewalk panel',
  'traffic signal',
  'stop sign',
  'manhole cover',
  'catch basin',
  'retaining wall',
  'water main valve',
  'park bench',
  'playground fence',
  'bus shelter',
  'guard rail',
];
const PROBLEMS = [
  'blocked by debris',
  'cracked and lifting',
  'leaking at the base',
  'not working after the storm',
  'damaged by a vehicle',
  'partly washed out',
  'covered in graffiti',
  'missing its cover',
  'leaning about 15 degrees',
  'flooding the roadway',
  'tree roots pushing it up',
  'buzzing and flickering',
];
const TITLE_TEMPLATES: ((r: Random) => string)[] = [
  (r) => `${cap(pick(r, ASSETS))} ${pick(r, PROBLEMS)} at ${address(r)}`,
  (r) => `Follow-up: ${pick(r, ASSETS)} on ${pick(r, STREETS)}`,
  (r) => `Resident report – ${pick(r, ASSETS)} near ${address(r)}`,
  (r) =>
    `Inspection ${between(r, 2024, 2026)}-${String(between(r, 1, 9999)).padStart(4, '0')}: ${address(r)}`,
  (r) => `Crew ${between(r, 1, 12)} daily log, ${pick(r, STREETS)} section`,
];
const SENTENCES: ((r: Random) => string)[] = [
  (r) => `Arrived on site at ${time(r)}; ${pick(r, ASSETS)} ${pick(r, PROBLEMS)}.`,
  (r) =>
    `Photographed from the ${pick(r, ['north', 'south', 'east', 'west'])} side, ${between(r, 2, 9)} photos.`,
  (r) => `Coned off ${between(r, 1, 4)} lane(s) of ${pick(r, STREETS)} until the crew arrives.`,
  (r) => `Resident at ${address(r)} says it has been like this for ${between(r, 2, 21)} days.`,
  (r) =>
    `Needs a ${pick(r, ['vac truck', 'bucket truck', 'mini excavator', 'concrete crew', 'electrician'])} – requested through dispatch.`,
  (r) => `Estimated ${between(r, 1, 8)} hours of work and roughly $${between(r, 150, 9000)} in materials.`,
  (r) =>
    `No injuries reported. ${pick(r, ['Police notified.', 'Utility locate requested.', 'Supervisor informed.', 'Left door hanger.'])}`,
  (r) => `Water depth about ${between(r, 2, 30)} cm at the lowest point; drains slowly.`,
  () => 'Will check again after the next rain event and update this note.',
  (r) =>
    `Asset tag ${pick(r, ['SD', 'CV', 'FH', 'SL', 'TS'])}-${between(r, 10000, 99999)} matches the GIS layer.`,
  () => 'Se habló con la vecina; prefiere que la contacten en español por la tarde.',
  () => 'Temporary repair holds for now, but the permanent fix should be scheduled before winter.',
];

function cap(text: string): string {
  return text.charAt(0).toUpperCase() + text.slice(1);
}
function address(r: Random): string {
  return `${between(r, 1, 4999)} ${pick(r, STREETS)}`;
}
function time(r: Random): string {
  return `${String(between(r, 6, 18)).padStart(2, '0')}:${String(between(r, 0, 59)).padStart(2, '0')}`;
}

/** A body of about `chars` characters (whole sentences, in paragraphs). */
function body(r: Random, chars: number): string {
  let text = '';
  while (text.length < chars) {
    const sentence = pick(r, SENTENCES)(r);
    text += text.length === 0 ? sentence : r() < 0.2 ? `\n\n${sentence}` : ` ${sentence}`;
  }
  return text.slice(0, 10_000);
}

export interface NoteFields {
  [key: string]: string;
  title: string;
  body: string;
  status: 'open' | 'closed';
}

/** The fields of one realistic note. Typical body ~350 characters, a tail to a few thousand. */
export function noteFields(r: Random): NoteFields {
  const length = skewedLength(r, 350, 6000);
  return {
    title: pick(r, TITLE_TEMPLATES)(r).slice(0, 200),
    body: length < 20 ? '' : body(r, length),
    status: r() < 0.7 ? 'open' : 'closed',
  };
}

/** `count` realistic notes from a seed. */
export function generateNotes(seed: number, count: number): NoteFields[] {
  const r = seededRandom(seed);
  return Array.from({ length: count }, () => noteFields(r));
}

/** A realistic edit of a note: usually one field, sometimes two (only the changed fields). */
export function noteEdit(r: Random): Record<string, string> {
  const roll = r();
  if (roll < 0.4) return { status: r() < 0.5 ? 'closed' : 'open' };
  if (roll < 0.7) return { title: pick(r, TITLE_TEMPLATES)(r).slice(0, 200) };
  return { body: body(r, skewedLength(r, 350, 4000) + 20), ...(r() < 0.3 ? { status: 'closed' } : {}) };
}
