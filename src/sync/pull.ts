// Pull: fetch every page after the stored cursor and apply each with its cursor in one transaction.
import type { HoldfastDatabase } from '../storage';
import { applyPulledPage, readCursor } from '../storage';
import { SyncFailure } from './sync-failure';
import type { SyncHttp } from './sync-http';

export interface PullContext {
  db: HoldfastDatabase;
  http: SyncHttp;
  userId: string;
}

export interface PullOutcome {
  pages: number;
  records: number;
}

/** Pages beyond this in one round point at a server that never says hasMore: false. */
const MAX_PAGES = 100_000;

export async function pullAll(ctx: PullContext): Promise<PullOutcome> {
  const outcome: PullOutcome = { pages: 0, records: 0 };
  let cursor = await readCursor(ctx.db, ctx.userId);
  let expiredOnce = false;
  while (outcome.pages < MAX_PAGES) {
    let page;
    try {
      page = await ctx.http.pull(cursor);
    } catch (error) {
      // Too old for the server's tombstones: start again from nothing (a full resync keeps the outbox).
      if (
        error instanceof SyncFailure &&
        error.kind === 'cursor_expired' &&
        cursor !== null &&
        !expiredOnce
      ) {
        expiredOnce = true;
        cursor = null;
        continue;
      }
      throw error;
    }
    if (page.hasMore && page.cursor === cursor) {
      throw new SyncFailure('server_error', 'The server sent the same page twice.');
    }
    await applyPulledPage(ctx.db, page, { userId: ctx.userId, startResync: cursor === null });
    outcome.pages += 1;
    outcome.records += page.records.length;
    cursor = page.cursor;
    if (!page.hasMore) return outcome;
  }
  throw new SyncFailure('server_error', 'The server never finished sending pages.');
}
