// The rules a checklist run follows, pure so the device, the print views and the tests agree: the state of
// each item is its newest mark (by time, then id, so every device orders the same marks the same way), and
// progress is counted per phase.
import {
  CHECKLIST_PHASES,
  type ChecklistItem,
  type ChecklistPhase,
  type MarkAction,
} from './checklist-kinds';

export interface ChecklistMark {
  id: string;
  itemId: string;
  action: MarkAction;
  at: string;
  byName: string;
  note?: string;
}

export type ItemState = 'open' | 'done' | 'not_applicable';

export interface ItemStatus {
  state: ItemState;
  /** The mark that set the state (absent while the item was never marked). */
  by?: string;
  at?: string;
  /** The reason, for not applicable. */
  reason?: string;
  /** Every mark of the item, oldest first: the history printed with a filled checklist. */
  marks: ChecklistMark[];
}

const byTimeThenId = (a: ChecklistMark, b: ChecklistMark) =>
  a.at < b.at ? -1 : a.at > b.at ? 1 : a.id < b.id ? -1 : a.id > b.id ? 1 : 0;

/** Each item's state from the run's marks, in any order. Items without marks are open. */
export function itemStatuses(
  items: readonly ChecklistItem[],
  marks: readonly ChecklistMark[],
): Map<string, ItemStatus> {
  const statuses = new Map<string, ItemStatus>();
  for (const item of items) statuses.set(item.id, { state: 'open', marks: [] });
  for (const mark of [...marks].sort(byTimeThenId)) {
    const status = statuses.get(mark.itemId);
    if (!status) continue; // a mark for an item the run does not hold: kept, never counted
    status.marks.push(mark);
    if (mark.action === 'note') continue;
    status.state =
      mark.action === 'done' ? 'done' : mark.action === 'not_applicable' ? 'not_applicable' : 'open';
    status.by = mark.byName;
    status.at = mark.at;
    status.reason = mark.action === 'not_applicable' ? mark.note : undefined;
  }
  return statuses;
}

export interface PhaseProgress {
  phase: ChecklistPhase;
  total: number;
  done: number;
  notApplicable: number;
  open: number;
  /** Critical items still open: the ones to chase. */
  criticalOpen: number;
}

/** Progress per phase, in phase order, for the phases the run has items in; and the whole run. */
export function runProgress(
  items: readonly ChecklistItem[],
  statuses: ReadonlyMap<string, ItemStatus>,
): { phases: PhaseProgress[]; overall: Omit<PhaseProgress, 'phase'> } {
  const count = () => ({ total: 0, done: 0, notApplicable: 0, open: 0, criticalOpen: 0 });
  const perPhase = new Map<ChecklistPhase, Omit<PhaseProgress, 'phase'>>();
  const overall = count();
  for (const item of items) {
    const phase = perPhase.get(item.phase) ?? count();
    perPhase.set(item.phase, phase);
    const state = statuses.get(item.id)?.state ?? 'open';
    for (const tally of [phase, overall]) {
      tally.total += 1;
      if (state === 'done') tally.done += 1;
      else if (state === 'not_applicable') tally.notApplicable += 1;
      else {
        tally.open += 1;
        if (item.critical) tally.criticalOpen += 1;
      }
    }
  }
  const phases = CHECKLIST_PHASES.flatMap((phase) => {
    const tally = perPhase.get(phase);
    return tally ? [{ phase, ...tally }] : [];
  });
  return { phases, overall };
}

/** A run is complete when no item is open. */
export const isComplete = (progress: { overall: { open: number; total: number } }): boolean =>
  progress.overall.total > 0 && progress.overall.open === 0;
