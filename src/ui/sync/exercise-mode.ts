// Exercise mode, per device: while it is on, every write goes through the exercise guard
// (src/domain/drills/exercise-guard.ts), so a player cannot change a real record during an exercise, and
// new incidents, call-downs and checklists are exercise ones. Kept across reloads (localStorage); the shell
// shows a banner with a way out while it is on.
import {
  LINK_FIELDS,
  OWNER_FIELDS,
  guardExerciseWrite,
  type GuardOutcome,
} from '../../domain/drills/exercise-guard';
import type { JsonObject, MutationArgs, MutationName } from '../../domain/sync';
import { getRecord, type HoldfastDatabase } from '../../storage';
import { translate } from '../i18n/translate';
import { appStore } from '../store/app-store';
import type { ChangeResult } from './write-change';

export interface ExerciseMode {
  exerciseId: string;
  name: string;
}

const KEY = 'holdfast.exerciseMode';
const listeners = new Set<(mode: ExerciseMode | null) => void>();

export function readExerciseMode(): ExerciseMode | null {
  try {
    const raw = localStorage.getItem(KEY);
    const parsed = raw ? (JSON.parse(raw) as Partial<ExerciseMode>) : null;
    return parsed && typeof parsed.exerciseId === 'string'
      ? { exerciseId: parsed.exerciseId, name: String(parsed.name ?? '') }
      : null;
  } catch {
    return null;
  }
}

export function setExerciseMode(mode: ExerciseMode | null): void {
  try {
    if (mode) localStorage.setItem(KEY, JSON.stringify(mode));
    else localStorage.removeItem(KEY);
  } catch {
    // Without storage the mode still holds for this page.
  }
  current = mode;
  for (const listener of listeners) listener(mode);
}

let current: ExerciseMode | null | undefined;

export function exerciseMode(): ExerciseMode | null {
  if (current === undefined) {
    current = readExerciseMode();
    // Another tab of this device switching the mode switches it here too (the storage event fires in
    // every other tab of the origin).
    if (typeof addEventListener === 'function')
      addEventListener('storage', (event: StorageEvent) => {
        if (event.key !== KEY && event.key !== null) return;
        current = readExerciseMode();
        for (const listener of listeners) listener(current);
      });
  }
  return current;
}

export function subscribeExerciseMode(listener: (mode: ExerciseMode | null) => void): () => void {
  listeners.add(listener);
  return () => void listeners.delete(listener);
}

/**
 * The exercise guard for one write, with the records it needs read from the device. Returns the args to
 * write (a create made an exercise one) or the refusal.
 */
export async function guardForExerciseMode<N extends MutationName>(
  db: HoldfastDatabase,
  name: N,
  args: MutationArgs[N],
): Promise<{ ok: true; args: MutationArgs[N] } | Extract<GuardOutcome, { ok: false }>> {
  if (name === 'conflict.resolve')
    return guardExerciseWrite({ kind: 'conflict', fields: {}, create: false }, null) as Extract<
      GuardOutcome,
      { ok: false }
    >;
  const a = args as { kind: string; id: string; fields?: JsonObject };
  const create = name === 'record.create' || name === 'entry.append';
  const stored = create ? null : await getRecord(db, a.id);
  const kind = stored?.kind ?? a.kind;
  const fields: JsonObject = { ...(stored?.fields ?? {}), ...(a.fields ?? {}) };
  const ownerField = OWNER_FIELDS[kind] ?? LINK_FIELDS[kind];
  const ownerId = ownerField ? fields[ownerField] : undefined;
  const owner = typeof ownerId === 'string' ? await getRecord(db, ownerId) : null;
  const outcome = guardExerciseWrite({ kind, fields, create: name === 'record.create' }, owner);
  if (!outcome.ok) return outcome;
  if (!outcome.set) return { ok: true, args };
  return { ok: true, args: { ...a, fields: { ...(a.fields ?? {}), ...outcome.set } } as MutationArgs[N] };
}

/**
 * The sentence for a write refused because this device is in exercise mode, in the reader's language; null
 * for any other result. Each area's write-problem text asks this first.
 */
export function exerciseRefusal(result: ChangeResult): string | null {
  if (result.ok || 'failure' in result || result.rejected.params?.reason !== 'exercise_mode') return null;
  return translate(appStore.getState().language, 'exerciseMode.refused');
}
