// Reads of exercises (issue 8). The exercises carry "@drill=exercise"; every record of an exercise carries
// "@exercise=<id>" (drill-kinds.ts), so an exercise's injects, events, observations, hot-wash feedback,
// report and improvement plan are index ranges, never a scan of other exercises.
import { exerciseFacet } from '../domain/drills/drill-kinds';
import { facetTerm } from '../domain/sync/search-text';
import type { HoldfastDatabase } from './database';
import { recordsWithTerm } from './search-queries';
import type { RecordView } from './sync-queries';
import { toRecordView } from './sync-queries';
import type { StoredRecord } from './sync-rows';

const live = (rows: StoredRecord[]): RecordView[] => rows.filter((row) => !row.deleted).map(toRecordView);

const compare = (a: string, b: string): number => (a < b ? -1 : a > b ? 1 : 0);
const byAt = (a: RecordView, b: RecordView) =>
  compare(String(a.fields.at ?? ''), String(b.fields.at ?? '')) || compare(a.id, b.id);

/** Every exercise on the device: running first, then planned, then ended; newest start date first. */
export async function listExercises(db: HoldfastDatabase): Promise<RecordView[]> {
  const order = ['running', 'planning', 'ended', 'closed'];
  return live(await recordsWithTerm(db, 'exercise', facetTerm('drill', 'exercise'))).sort(
    (a, b) =>
      order.indexOf(String(a.fields.status)) - order.indexOf(String(b.fields.status)) ||
      compare(String(b.fields.startDate ?? ''), String(a.fields.startDate ?? '')) ||
      compare(a.id, b.id),
  );
}

/** One kind of an exercise's records, through its "@exercise=" range. */
export async function exerciseRecords(
  db: HoldfastDatabase,
  kind: string,
  exerciseId: string,
): Promise<RecordView[]> {
  return live(await recordsWithTerm(db, kind, exerciseFacet(exerciseId)));
}

/** An exercise's MSEL, by scenario time then inject number. */
export async function listInjects(db: HoldfastDatabase, exerciseId: string): Promise<RecordView[]> {
  return (await exerciseRecords(db, 'msel_inject', exerciseId)).sort(
    (a, b) =>
      Number(a.fields.scenarioMinute ?? 0) - Number(b.fields.scenarioMinute ?? 0) ||
      Number(a.fields.number ?? 0) - Number(b.fields.number ?? 0) ||
      compare(a.id, b.id),
  );
}

export interface ExerciseRead {
  exercise: RecordView;
  injects: RecordView[];
  /** Inject events and players' actions from every device, oldest first. */
  events: RecordView[];
  observations: RecordView[];
  hotwash: RecordView[];
  /** The after-action report, when one was drafted. */
  report: RecordView | null;
  improvements: RecordView[];
}

/**
 * An exercise with everything recorded for it; null when it is not on this device. The reads run in one
 * read transaction: run as parallel reads of their own inside a live query, they failed when it re-ran
 * after an update of one of the rows ("InvalidStateError: … The transaction has finished", from
 * openCursor), which ended the live query, so an edited observation kept its old words on screen until a
 * reload (e2e/drills-aar.e2e.ts).
 */
export async function readExercise(db: HoldfastDatabase, exerciseId: string): Promise<ExerciseRead | null> {
  const kinds = [
    'msel_inject',
    'inject_event',
    'exercise_observation',
    'hotwash_entry',
    'after_action_report',
    'improvement_item',
  ] as const;
  const [row, ...lists] = await db.transaction('r', db.records, () =>
    Promise.all([
      db.records.get(exerciseId),
      ...kinds.map((kind) => recordsWithTerm(db, kind, exerciseFacet(exerciseId))),
    ]),
  );
  if (!row || row.deleted || row.kind !== 'exercise') return null;
  const [injects, events, observations, hotwash, reports, improvements] = (lists as StoredRecord[][]).map(
    live,
  );
  return {
    exercise: toRecordView(row),
    injects: injects!.sort(
      (a, b) =>
        Number(a.fields.scenarioMinute ?? 0) - Number(b.fields.scenarioMinute ?? 0) ||
        Number(a.fields.number ?? 0) - Number(b.fields.number ?? 0) ||
        compare(a.id, b.id),
    ),
    events: events!.sort(byAt),
    observations: observations!.sort(byAt),
    hotwash: hotwash!.sort(byAt),
    report: reports!.sort((a, b) => compare(a.id, b.id))[0] ?? null,
    improvements: improvements!.sort((a, b) => compare(a.id, b.id)),
  };
}
