// Reads of checklist templates and runs (issue 7). Templates and runs carry "@checklist=template|run",
// marks "@run=<id>", runs of an incident "@incident=<id>" (checklist-kinds.ts): each read is an index range.
import type { ChecklistItem, ChecklistSection, MarkAction } from '../domain/checklists/checklist-kinds';
import {
  itemStatuses,
  runProgress,
  type ChecklistMark,
  type ItemStatus,
  type PhaseProgress,
} from '../domain/checklists/checklist-rules';
import type { JsonObject } from '../domain/sync/json-value';
import { facetTerm } from '../domain/sync/search-text';
import type { HoldfastDatabase } from './database';
import { recordsWithTerm } from './search-queries';
import type { RecordView } from './sync-queries';
import { getRecord, listRecords, toRecordView } from './sync-queries';
import type { StoredRecord } from './sync-rows';

const live = (rows: StoredRecord[]): RecordView[] => rows.filter((row) => !row.deleted).map(toRecordView);

const byTitle = (a: RecordView, b: RecordView) =>
  String(a.fields.title ?? '').localeCompare(String(b.fields.title ?? '')) || a.id.localeCompare(b.id);

/** The sections and items a template or run record holds. */
export function outlineOf(record: { fields: JsonObject }): {
  sections: ChecklistSection[];
  items: ChecklistItem[];
} {
  const list = <T>(value: unknown): T[] => (Array.isArray(value) ? (value as T[]) : []);
  return {
    sections: list<ChecklistSection>(record.fields.sections),
    items: list<ChecklistItem>(record.fields.items),
  };
}

/** The managers' own templates on the device, by title; archived ones only when asked for. */
export async function listChecklistTemplates(
  db: HoldfastDatabase,
  opts: { archived?: boolean } = {},
): Promise<RecordView[]> {
  const templates = await listRecords(db, 'checklist_template');
  return templates.filter((t) => opts.archived || t.fields.archived !== true).sort(byTitle);
}

/** Every checklist run on the device: active ones first, then newest start first. */
export async function listChecklistRuns(db: HoldfastDatabase): Promise<RecordView[]> {
  const runs = await listRecords(db, 'checklist_run');
  return runs.sort(
    (a, b) =>
      Number(a.fields.status !== 'active') - Number(b.fields.status !== 'active') ||
      String(b.fields.startedAt ?? '').localeCompare(String(a.fields.startedAt ?? '')) ||
      a.id.localeCompare(b.id),
  );
}

/** The checklist runs linked to one incident, newest start first. */
export async function listIncidentChecklistRuns(
  db: HoldfastDatabase,
  incidentId: string,
): Promise<RecordView[]> {
  const rows = await recordsWithTerm(db, 'checklist_run', facetTerm('incident', incidentId));
  return live(rows).sort((a, b) =>
    String(b.fields.startedAt ?? '').localeCompare(String(a.fields.startedAt ?? '')),
  );
}

export interface ChecklistRunRead {
  run: RecordView;
  sections: ChecklistSection[];
  items: ChecklistItem[];
  /** Every mark from every device, oldest first. */
  marks: (ChecklistMark & { pending: boolean })[];
  statuses: Map<string, ItemStatus>;
  phases: PhaseProgress[];
  overall: Omit<PhaseProgress, 'phase'>;
}

const toMark = (view: RecordView): ChecklistMark & { pending: boolean } => ({
  id: view.id,
  itemId: String(view.fields.itemId ?? ''),
  action: view.fields.action as MarkAction,
  at: String(view.fields.at ?? ''),
  byName: String(view.fields.byName ?? ''),
  ...(typeof view.fields.note === 'string' && view.fields.note ? { note: view.fields.note } : {}),
  pending: view.pending,
});

/** A run with its marks, each item's state and the progress per phase; null when it is not on the device. */
export async function readChecklistRun(
  db: HoldfastDatabase,
  runId: string,
): Promise<ChecklistRunRead | null> {
  const run = await getRecord(db, runId);
  if (!run || run.deleted || run.kind !== 'checklist_run') return null;
  const { sections, items } = outlineOf(run);
  const marks = live(await recordsWithTerm(db, 'checklist_mark', facetTerm('run', runId)))
    .map(toMark)
    .sort((a, b) => (a.at < b.at ? -1 : a.at > b.at ? 1 : a.id.localeCompare(b.id)));
  const statuses = itemStatuses(items, marks);
  const { phases, overall } = runProgress(items, statuses);
  return { run, sections, items, marks, statuses, phases, overall };
}

/** Done and total of every run on the device, by run id: the "12 of 20 done" of the runs list. */
export async function runsProgress(
  db: HoldfastDatabase,
): Promise<Map<string, { done: number; total: number; open: number }>> {
  const runs = await listRecords(db, 'checklist_run');
  const result = new Map<string, { done: number; total: number; open: number }>();
  for (const run of runs) {
    const { items } = outlineOf(run);
    const marks = live(await recordsWithTerm(db, 'checklist_mark', facetTerm('run', run.id))).map(toMark);
    const { overall } = runProgress(items, itemStatuses(items, marks));
    result.set(run.id, { done: overall.done, total: overall.total, open: overall.open });
  }
  return result;
}
