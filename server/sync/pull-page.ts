// Pull: the records a user may read, in rev order, a page at a time, each page read in one snapshot.
// A cursor from another scope (departments changed), from before the tombstone horizon, or from beyond the
// newest rev (a restored backup) starts a full resync from rev 0 with reset: true.
import { canRead } from '../../src/domain/sync/write-access';
import type { SyncRecord } from '../../src/domain/sync/sync-record';
import type { PullResponse } from '../../src/protocol/sync';
import type { ServerConfig } from '../config';
import { ApiError, badRequest } from '../errors';
import type { Storage, UserRecord } from '../storage/storage';
import type { ReadScope } from './cursor';
import { decodeCursor, encodeCursor, scopeHash } from './cursor';
import { auditSync } from './sync-audit';

export interface PullQuery {
  cursor?: string;
  limit: number;
  /** Only these departments (each must be readable by the user). */
  departments?: string[];
}

export interface ResolvedScope {
  read: ReadScope;
  /** What the response lists in scope.departments: the departments a device may keep. */
  listed: string[];
}

/** The user's read scope, narrowed by a department filter; asking for a department not theirs is a 403. */
export async function resolveScope(
  storage: Storage,
  config: Pick<ServerConfig, 'now'>,
  user: UserRecord,
  filter: string[] | undefined,
): Promise<ResolvedScope> {
  if (filter) {
    const refused = filter.filter((dept) => !canRead(user, dept));
    if (refused.length > 0) {
      await auditSync(storage, {
        at: config.now(),
        userId: user.id,
        clientId: null,
        action: 'sync.pull_forbidden',
        detail: { departments: refused },
      });
      throw new ApiError(
        403,
        'forbidden',
        `You are not a member of ${refused.map((d) => `"${d}"`).join(', ')}, so you cannot pull its records.`,
        'departments',
      );
    }
    const departments = [...new Set(filter)].sort();
    return { read: { all: false, departments }, listed: departments };
  }
  if (user.role === 'admin') {
    const all = (await storage.departments.list()).map((d) => d.code).sort();
    return { read: { all: true, departments: [] }, listed: all };
  }
  const departments = [...new Set(user.departments)].sort();
  return { read: { all: false, departments }, listed: departments };
}

/** A pull page before it is serialized: the records as their public JSON text. */
interface PageParts {
  records: string[];
  cursor: string;
  hasMore: boolean;
  reset: boolean;
  departments: string[];
}

async function readPage(storage: Storage, scope: ResolvedScope, query: PullQuery): Promise<PageParts> {
  const cursor = query.cursor === undefined ? null : decodeCursor(query.cursor);
  if (query.cursor !== undefined && cursor === null)
    throw badRequest('The cursor is not one this server issued; pull without a cursor.', 'cursor');
  const hash = scopeHash(scope.read);
  return storage.transaction(
    async (tx) => {
      const revision = await tx.sync.revision();
      const horizon = await tx.sync.tombstoneHorizon();
      const usable =
        cursor !== null && cursor.scope === hash && cursor.rev >= horizon && cursor.rev <= revision;
      const start = usable ? cursor.rev : 0;
      const reset = usable ? cursor.reset : true;
      const rows = await tx.sync.listPublicRecords({
        after: start,
        departments: scope.read.all ? null : scope.read.departments,
        limit: query.limit + 1,
      });
      const hasMore = rows.length > query.limit;
      const records = rows.slice(0, query.limit);
      // The last page moves the cursor to the newest rev, so the next pull skips what this scope never sees.
      const rev = hasMore ? records.at(-1)!.rev : Math.max(start, revision);
      return {
        records: records.map((row) => row.json),
        cursor: encodeCursor({ rev, scope: hash, reset: reset && hasMore }),
        hasMore,
        reset,
        departments: scope.listed,
      };
    },
    { readOnly: true },
  );
}

/** One page of the pull, as an object. */
export async function pullPage(
  storage: Storage,
  scope: ResolvedScope,
  query: PullQuery,
): Promise<PullResponse> {
  const page = await readPage(storage, scope, query);
  return {
    records: page.records.map((text) => JSON.parse(text) as SyncRecord),
    cursor: page.cursor,
    hasMore: page.hasMore,
    reset: page.reset,
    scope: { departments: page.departments },
  };
}

/**
 * One page of the pull as the response body: the JSON text of pullPage's answer (same keys, same order),
 * built around each record's stored text, so no record is parsed and serialized again on the way out.
 */
export async function pullPageJson(
  storage: Storage,
  scope: ResolvedScope,
  query: PullQuery,
): Promise<string> {
  const page = await readPage(storage, scope, query);
  return (
    `{"records":[${page.records.join(',')}],"cursor":${JSON.stringify(page.cursor)},` +
    `"hasMore":${page.hasMore},"reset":${page.reset},` +
    `"scope":{"departments":${JSON.stringify(page.departments)}}}`
  );
}

const SNAPSHOT_PAGE = 5000;

/** Every record the scope may read, and the cursor to continue pulling from, read in one snapshot. */
export async function snapshotRecords(
  storage: Storage,
  scope: ResolvedScope,
): Promise<{ records: SyncRecord[]; cursor: string }> {
  return storage.transaction(
    async (tx) => {
      const revision = await tx.sync.revision();
      const records: SyncRecord[] = [];
      let after = 0;
      for (;;) {
        // The public text, as pull pages read it: the server-only bookkeeping is never read or parsed.
        const page = await tx.sync.listPublicRecords({
          after,
          departments: scope.read.all ? null : scope.read.departments,
          limit: SNAPSHOT_PAGE,
        });
        for (const row of page) records.push(JSON.parse(row.json) as SyncRecord);
        if (page.length < SNAPSHOT_PAGE) break;
        after = page.at(-1)!.rev;
      }
      return { records, cursor: encodeCursor({ rev: revision, scope: scopeHash(scope.read), reset: false }) };
    },
    { readOnly: true },
  );
}
