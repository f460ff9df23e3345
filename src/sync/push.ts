// Push: send the signed-in user's outbox in seq order, in batches, and settle each answer. Entries
// leave the outbox only once the server has answered for them.
import type { OutboxEntry } from '../domain/sync/outbox-entry';
import type { PushResponse } from '../protocol/sync';
import { SYNC_LIMITS } from '../protocol/sync';
import type { HoldfastDatabase } from '../storage';
import { markSent, pendingEntries, renumberOutbox, settlePush } from '../storage';
import { SyncFailure } from './sync-failure';
import type { SyncHttp } from './sync-http';

export interface PushContext {
  db: HoldfastDatabase;
  http: SyncHttp;
  clientId: string;
  /** The user whose outbox this is (for renumbering it under a new client id; see renumberOutbox). */
  userId: string;
  now: () => string;
  /** Filled as batches settle (PushOutcome.lingering), also when the push fails part-way. */
  lingering?: Set<string>;
}

export interface PushOutcome {
  sent: number;
  rejected: number;
  /** The client id the outbox is under when the push ends: ctx.clientId, or a new one after a renumbering. */
  clientId: string;
  /**
   * Rows the push confirmed but left with their `base` (see PushSettlement.keepSettledBases): the pull
   * that follows rewrites most of them; dropSettledBases the rest.
   */
  lingering: Set<string>;
}

// Room for the request envelope around the entries.
const BODY_BUDGET = SYNC_LIMITS.maxPushBodyBytes - 4 * 1024;
const encoder = new TextEncoder();

/**
 * As many entries as fit in one request body (always at least one). A UTF-16 code unit takes at most 3
 * bytes in UTF-8, so while three times the JSON's length fits, no entry needs encoding to be measured.
 */
function fitBody(entries: OutboxEntry[]): OutboxEntry[] {
  const texts = entries.map((entry) => JSON.stringify(entry));
  if (texts.reduce((sum, text) => sum + 3 * text.length + 1, 0) <= BODY_BUDGET) return entries;
  let bytes = 0;
  for (const [i, text] of texts.entries()) {
    bytes += encoder.encode(text).length + 1;
    if (bytes > BODY_BUDGET) return entries.slice(0, Math.max(1, i));
  }
  return entries;
}

export function rejectionsOf(response: PushResponse) {
  return response.results.flatMap((result) =>
    result.reason && (result.status === 'rejected' || result.status === 'duplicate')
      ? [{ seq: result.seq, reason: result.reason }]
      : [],
  );
}

/** Per entry: did it conflict (also a duplicate whose original did), and the highest rev it wrote. */
export function outcomesOf(response: PushResponse) {
  return response.results.map((result) => ({
    seq: result.seq,
    conflicted: result.status === 'conflict' || (result.conflictIds?.length ?? 0) > 0,
    ...(result.rev === undefined ? {} : { rev: result.rev }),
  }));
}

/**
 * Sends the outbox batch by batch. Each answer is settled while the next batch is on its way to the
 * server (settlements still run one after another, in order), so the device's work overlaps the wait.
 * The next batch is read before the settling transaction starts: IndexedDB would queue the read behind it.
 */
export async function pushAll(ctx: PushContext): Promise<PushOutcome> {
  const outcome: PushOutcome = {
    sent: 0,
    rejected: 0,
    clientId: ctx.clientId,
    lingering: ctx.lingering ?? new Set(),
  };
  let clientId = ctx.clientId;
  let from = 0;
  let limit: number = SYNC_LIMITS.maxEntriesPerPush;
  let stalls = 0;
  let unsettled: (() => Promise<void>) | null = null;
  for (;;) {
    const entries = fitBody(await pendingEntries(ctx.db, clientId, limit, from));
    const settling = unsettled?.() ?? Promise.resolve();
    unsettled = null;
    // Awaited below; until then a failure must not count as unhandled.
    settling.catch(() => undefined);
    const first = entries[0];
    if (!first) {
      await settling;
      return outcome;
    }
    let response: PushResponse;
    try {
      response = await ctx.http.push({ clientId, entries });
    } catch (error) {
      await settling;
      // No usable answer: the server may have applied them and the answer got lost. Only now are they
      // marked (one write per entry), so a push that is answered costs no extra writes. A failure to
      // mark must not hide the push failure: the mark is only a hint.
      await markSent(
        ctx.db,
        clientId,
        entries.map((e) => e.seq),
      ).catch(() => undefined);
      if (!(error instanceof SyncFailure)) throw error;
      if (error.kind === 'too_large' && entries.length > 1) {
        limit = Math.ceil(entries.length / 2);
        continue;
      }
      if (error.kind === 'too_large') {
        throw new SyncFailure(
          'too_large',
          `Change number ${first.seq} is too large for the server to accept.`,
        );
      }
      if (error.kind !== 'sequence_gap') throw error;
      from = await resumePoint(ctx, clientId, error.details.expectedSeq ?? 0, first.seq);
      if (++stalls > 3) throw new SyncFailure('server_error', 'The server keeps asking for other changes.');
      continue;
    }
    await settling;
    const answer = response;
    const settledClient = clientId;
    unsettled = async () => {
      const settled = await settlePush(ctx.db, settledClient, {
        lastSeq: answer.lastSeq,
        rejected: rejectionsOf(answer),
        now: ctx.now(),
        outcomes: outcomesOf(answer),
        sent: entries,
        keepSettledBases: true,
      });
      outcome.sent += settled.deleted;
      outcome.rejected += settled.rejected;
      for (const id of settled.lingering) outcome.lingering.add(id);
    };
    if (response.seqReused !== undefined) {
      // The server holds other changes under these seqs: settle what it answered, then send the rest
      // again under a new client id, from its seq 1. Nothing is dropped as a duplicate.
      await unsettled();
      unsettled = null;
      clientId = await renumberOutbox(ctx.db, ctx.userId, clientId, response.seqReused);
      outcome.clientId = clientId;
      from = 0;
      stalls = 0;
      continue;
    }
    const progressed = response.lastSeq >= first.seq || (response.resumeFrom ?? 0) > first.seq;
    stalls = progressed ? 0 : stalls + 1;
    if (stalls > 3) {
      await unsettled();
      throw new SyncFailure('server_error', 'The server did not accept any of the changes.');
    }
    // Everything up to lastSeq leaves the outbox: read on from there rather than from the start of the
    // key range, which IndexedDB would walk past the deleted entries to reach the next ones.
    from = Math.max(response.resumeFrom ?? 0, response.lastSeq + 1);
  }
}

/**
 * After a 409 sequence_gap: if this device still holds the entry the server expects, push again from
 * there. If not, entries were lost on this device (restored from an old copy, say) and the later ones
 * cannot be accepted; that needs a person, so it stops with a clear problem rather than looping.
 */
async function resumePoint(
  ctx: PushContext,
  clientId: string,
  expectedSeq: number,
  firstSent: number,
): Promise<number> {
  const [next] = await pendingEntries(ctx.db, clientId, 1, expectedSeq);
  if (next?.seq === expectedSeq) return expectedSeq;
  throw new SyncFailure(
    'lost_entries',
    `The server expects change number ${expectedSeq}, which is no longer on this device; changes from number ${firstSent} on cannot be sent.`,
    { expectedSeq },
  );
}
