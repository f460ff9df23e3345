// A fake sync server for engine tests: the domain's TestServer behind a fetch function that speaks
// the HTTP contract (push, pull pages with cursors and scope, import, snapshot, 401/409/410).
import { canRead } from '../../domain/sync/write-access';
import type { OutboxEntry } from '../../domain/sync/outbox-entry';
import type { SyncRecord } from '../../domain/sync/sync-record';
import { toPublicRecord } from '../../domain/sync/sync-record';
import type { Account } from '../../domain/sync/test-helpers';
import { TestServer } from '../../domain/sync/test-helpers';
import type { PushResponse, PushResult } from '../../protocol/sync';
import { parseExport, serializeExport } from '../../protocol/sync';

const json = (status: number, body: unknown, headers: Record<string, string> = {}) =>
  new Response(JSON.stringify(body), { status, headers: { 'content-type': 'application/json', ...headers } });

export class FakeSyncServer {
  readonly accounts: Record<string, Account>;
  readonly server: TestServer;
  /** Who the session cookie belongs to; null answers 401. */
  sessionUser: string | null = 'rita';
  /** Down: every request fails like a dropped connection. */
  down = false;
  /** The next push is applied, then its answer is lost on the way back. */
  loseNextResponse = false;
  /** Entries processed per push request (the rest is answered with resumeFrom). */
  maxPerPush = Infinity;
  pageSize = 1000;
  /** Cursors at or below this are too old (410 cursor_expired). */
  expiredBelow = 0;
  /** Fails the pull request with this number (1-based) once. */
  failPullNumber = 0;
  calls: string[] = [];
  private pulls = 0;
  private reasons = new Map<string, PushResult['reason']>();

  constructor(accounts: Record<string, Account>) {
    this.accounts = accounts;
    this.server = new TestServer(accounts);
  }

  fetch = async (input: RequestInfo | URL, init?: RequestInit): Promise<Response> => {
    const url = new URL(String(input), 'http://holdfast.test');
    const method = init?.method ?? 'GET';
    this.calls.push(`${method} ${url.pathname}`);
    if (this.down) throw new TypeError('Failed to fetch');
    if (method === 'POST' && new Headers(init?.headers).get('x-holdfast-request') !== '1') {
      return json(403, { error: { code: 'csrf', message: 'CSRF header missing' } });
    }
    const user = this.sessionUser;
    if (!user) return json(401, { error: { code: 'unauthorized', message: 'Session ended' } });
    const body = typeof init?.body === 'string' ? init.body : '';
    switch (`${method} ${url.pathname}`) {
      case 'POST /api/sync/push': {
        const request = JSON.parse(body) as { clientId: string; entries: OutboxEntry[] };
        const answer = this.push(request.clientId, request.entries);
        if (this.loseNextResponse) {
          this.loseNextResponse = false;
          throw new TypeError('Failed to fetch');
        }
        return answer;
      }
      case 'GET /api/sync/pull':
        return this.pull(user, url.searchParams.get('cursor'));
      case 'POST /api/sync/import': {
        const file = await parseExport(body, 'unsent-changes');
        return this.push(file.clientId, file.payload.entries);
      }
      case 'GET /api/sync/snapshot': {
        const { records, scope, cursor } = this.visible(user, 0);
        const text = await serializeExport({
          type: 'snapshot',
          createdAt: '2025-03-04T12:00:00.000Z',
          clientId: 'server',
          userId: user,
          username: user,
          payload: { records, cursor, scope },
        });
        return new Response(text, { status: 200 });
      }
      default:
        return json(404, { error: { code: 'not_found', message: 'No such route' } });
    }
  };

  private push(clientId: string, all: OutboxEntry[]): Response {
    const entries = all.slice(0, this.maxPerPush);
    const sim = this.server.push(clientId, entries);
    if (sim.status === 'gap') {
      return json(409, { error: { code: 'sequence_gap', message: 'gap' }, expectedSeq: sim.lastSeq + 1 });
    }
    const results: PushResult[] = sim.results.map((r) => {
      const key = `${clientId}:${r.seq}`;
      if (r.status === 'duplicate') {
        const reason = this.reasons.get(key);
        return { seq: r.seq, status: 'duplicate', ...(reason ? { reason } : {}) };
      }
      const reason = r.rejected ? { code: r.rejected.code, message: r.rejected.message } : undefined;
      if (reason) this.reasons.set(key, reason);
      return {
        seq: r.seq,
        status: r.status,
        ...(r.rev === undefined ? {} : { rev: r.rev }),
        ...(reason ? { reason } : {}),
        ...(r.conflictIds.length ? { conflictIds: r.conflictIds } : {}),
      };
    });
    const response: PushResponse = { results, lastSeq: sim.lastSeq };
    if (entries.length < all.length) response.resumeFrom = sim.lastSeq + 1;
    return json(200, response);
  }

  private visible(userId: string, after: number) {
    const account = this.accounts[userId] ?? { role: 'viewer' as const, departments: [] };
    const records: SyncRecord[] = this.server
      .pull()
      .filter((r) => (r.rev ?? 0) > after && canRead(account, r.dept))
      .sort((a, b) => (a.rev ?? 0) - (b.rev ?? 0));
    const maxRev = Math.max(after, ...this.server.pull().map((r) => r.rev ?? 0));
    const departments =
      account.role === 'admin' ? [...new Set(this.server.pull().map((r) => r.dept))] : account.departments;
    return { records: records.map(toPublicRecord), scope: { departments }, cursor: String(maxRev) };
  }

  private pull(userId: string, cursorParam: string | null): Response {
    if (++this.pulls === this.failPullNumber) throw new TypeError('Failed to fetch');
    const after = cursorParam === null ? 0 : Number(cursorParam);
    if (cursorParam !== null && after < this.expiredBelow) {
      return json(410, { error: { code: 'cursor_expired', message: 'Cursor too old' } });
    }
    const { records, scope } = this.visible(userId, after);
    const page = records.slice(0, this.pageSize);
    const hasMore = records.length > page.length;
    const last = page.at(-1)?.rev ?? after;
    const cursor = String(hasMore ? last : Math.max(last, Number(this.visible(userId, 0).cursor)));
    return json(200, { records: page, cursor, hasMore, reset: cursorParam === null, scope });
  }
}
