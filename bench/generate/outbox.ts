// Outbox entries as a device would queue them ('record.create' of realistic notes), built in Node with
// the same domain code the device runs (applyLocal), for pushing straight at the server.
import { v7 as uuidv7 } from 'uuid';
import { applyLocal } from '../../src/domain/sync/apply-local';
import type { OutboxEntry } from '../../src/domain/sync/outbox-entry';
import { stateOf } from '../../src/domain/sync/sync-record';
import type { Role } from '../../src/domain/users';
import { noteFields } from './notes';
import { seededRandom } from './random';

export interface EntryAuthor {
  userId: string;
  role: Role;
  departments: string[];
}

/** `count` 'record.create' note entries of one device, seqs from `firstSeq`, in the author's first department. */
export function noteCreateEntries(
  seed: number,
  clientId: string,
  author: EntryAuthor,
  count: number,
  firstSeq = 1,
): OutboxEntry[] {
  const random = seededRandom(seed);
  const empty = stateOf([]);
  const dept = author.departments[0] ?? 'public-works';
  const entries: OutboxEntry[] = [];
  const start = Date.parse('2026-03-02T08:00:00Z');
  for (let i = 0; i < count; i += 1) {
    const at = new Date(start + i * 1000).toISOString();
    const args = { kind: 'note', id: uuidv7(), dept, fields: noteFields(random) };
    const applied = applyLocal(empty, 'record.create', args, { ...author, now: at });
    if ('rejected' in applied) throw new Error(`generated note refused: ${applied.rejected.message}`);
    entries.push({
      clientId,
      seq: firstSeq + i,
      name: 'record.create',
      args,
      baseRevs: applied.baseRevs,
      at,
      userId: author.userId,
    });
  }
  return entries;
}
