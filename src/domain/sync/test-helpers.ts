// Fixtures for the sync tests: ids, contexts, outbox entries and a tiny in-memory server that runs the push
// loop the way ARCHITECTURE.md describes (lastSeq per device, duplicates acknowledged, gaps refused).
import type { Role } from '../users';
import type { ServerApplied, ServerContext } from './apply-server';
import { applyOnServer, sequenceCheck } from './apply-server';
import type { MutationArgs, MutationContext, MutationName } from './mutation-types';
import type { OutboxEntry } from './outbox-entry';
import { touchedIds } from './outbox-entry';
import type { SyncRecord } from './sync-record';
import { applyChanges, toPublicRecord } from './sync-record';

export const T0 = '2025-03-04T09:00:00.000Z';

/** A valid, readable UUIDv7-shaped id: id(1) = 00000000-0000-7000-8000-000000000001. */
export function id(n: number): string {
  return `00000000-0000-7000-8000-${n.toString(16).padStart(12, '0')}`;
}

export function userCtx(overrides: Partial<MutationContext> = {}): MutationContext {
  return { userId: 'rita', role: 'clerk' as Role, departments: ['public-works'], now: T0, ...overrides };
}

export function makeEntry<N extends MutationName>(
  seq: number,
  name: N,
  args: MutationArgs[N],
  baseRevs: Record<string, number | null> = {},
  overrides: Partial<Pick<OutboxEntry, 'clientId' | 'userId' | 'at'>> = {},
): OutboxEntry {
  return {
    clientId: 'device-a',
    userId: 'rita',
    at: T0,
    seq,
    name,
    args,
    baseRevs,
    ...overrides,
  } as OutboxEntry;
}

export interface Account {
  role: Role;
  departments: string[];
}

export interface SimPushResult {
  status: 'ok' | 'gap';
  lastSeq: number;
  results: ({ seq: number; status: 'duplicate' } | ({ seq: number } & ServerApplied))[];
}

export class TestServer {
  records = new Map<string, SyncRecord>();
  lastSeq = new Map<string, number>();
  /** Every entry processed for the first time, in order: replaying it on a fresh server must give the same state. */
  log: OutboxEntry[] = [];
  private rev = 0;

  constructor(private readonly accounts: Record<string, Account>) {}

  nextRev = (): number => ++this.rev;
  series = new Map<string, number>();
  nextInSeries = (name: string): number => {
    const next = (this.series.get(name) ?? 0) + 1;
    this.series.set(name, next);
    return next;
  };

  ctx(userId: string): ServerContext {
    const account = this.accounts[userId] ?? { role: 'viewer', departments: [] };
    return { ...account, nextRev: this.nextRev, nextInSeries: this.nextInSeries, now: T0 };
  }

  apply(entry: OutboxEntry): ServerApplied {
    const applied = applyOnServer({ records: this.records }, entry, this.ctx(entry.userId));
    this.records = new Map(applyChanges({ records: this.records }, applied.changes).records);
    return applied;
  }

  /** The push loop. `onApplied` sees each entry right after it is applied, before the next one. */
  push(
    clientId: string,
    entries: readonly OutboxEntry[],
    onApplied?: (entry: OutboxEntry, applied: ServerApplied) => void,
  ): SimPushResult {
    const results: SimPushResult['results'] = [];
    for (const entry of entries) {
      const last = this.lastSeq.get(clientId) ?? 0;
      const check = sequenceCheck(last, entry.seq);
      if (check === 'gap') return { status: results.length === 0 ? 'gap' : 'ok', lastSeq: last, results };
      if (check === 'duplicate') {
        results.push({ seq: entry.seq, status: 'duplicate' });
        continue;
      }
      this.log.push(entry);
      const applied = this.apply(entry);
      onApplied?.(entry, applied);
      results.push({ seq: entry.seq, ...applied });
      this.lastSeq.set(clientId, entry.seq);
    }
    return { status: 'ok', lastSeq: this.lastSeq.get(clientId) ?? 0, results };
  }

  /** Everything the user may read, as pull sends it. */
  pull(): SyncRecord[] {
    return [...this.records.values()].map(toPublicRecord);
  }

  /** The records an entry needs, as the real server would load them. */
  loaded(entry: OutboxEntry): string[] {
    return touchedIds(entry, { records: this.records });
  }
}
