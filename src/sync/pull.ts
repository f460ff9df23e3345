// Pull: fetch every page after the stored cursor and apply each with its cursor in one transaction.
// The next page is requested while one is being stored, so waiting for the server overlaps the writes.
import type { PullResponse } from '../protocol/sync';
import type { ApplyPageOptions, HoldfastDatabase } from '../storage';
import { applyPulledPage, readCursor } from '../storage';
import { SyncFailure } from './sync-failure';
import type { SyncHttp } from './sync-http';

export interface PullContext {
  db: HoldfastDatabase;
  http: SyncHttp;
  userId: string;
  /**
   * Ids of rows a push left with a settled `base` (PushOutcome.lingering): each one a stored page
   * rewrites is taken out, so only the rest need dropSettledBases.
   */
  lingering?: Set<string>;
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
  const seenEntries: NonNullable<ApplyPageOptions['seenEntries']> = new Map();
  // The page after `cursor`, when it was requested ahead. Nothing is stored from it before the page it
  // follows is: a failure anywhere leaves the stored cursor on the last page stored, and the next pull
  // asks again from there (an abandoned request is only a read).
  let ahead: Promise<PullResponse> | null = null;
  while (outcome.pages < MAX_PAGES) {
    let page;
    try {
      page = await (ahead ?? ctx.http.pull(cursor));
    } catch (error) {
      ahead = null;
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
    ahead = null;
    if (page.hasMore && page.cursor === cursor) {
      throw new SyncFailure('server_error', 'The server sent the same page twice.');
    }
    if (page.hasMore) {
      ahead = ctx.http.pull(page.cursor);
      // Awaited on the next turn; if storing this page fails first, its failure must not go unhandled.
      ahead.catch(() => undefined);
    }
    await applyPulledPage(ctx.db, page, {
      userId: ctx.userId,
      startResync: cursor === null,
      seenEntries,
      ...(ctx.lingering ? { lingering: ctx.lingering } : {}),
    });
    outcome.pages += 1;
    outcome.records += page.records.length;
    cursor = page.cursor;
    if (!page.hasMore) return outcome;
  }
  throw new SyncFailure('server_error', 'The server never finished sending pages.');
}
