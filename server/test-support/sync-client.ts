// Helpers for the sync tests: users with sessions, outbox entries, and push/pull/import requests.
import type { LightMyRequestResponse } from 'fastify';
import type { MutationArgs, MutationName } from '../../src/domain/sync/mutation-types';
import type { OutboxEntry } from '../../src/domain/sync/outbox-entry';
import type { Role } from '../../src/domain/users';
import type { PullResponse, PushResponse } from '../../src/protocol/sync';
import { PROTOCOL_VERSION } from '../../src/protocol/version';
import type { UserRecord } from '../storage/storage';
import { addUser, CSRF, signIn, type TestApp } from './test-app';

export const AT = '2030-06-01T08:00:00.000Z';

/** A valid UUIDv7-shaped record id: rid(1) = 00000000-0000-7000-8000-000000000001. */
export function rid(n: number): string {
  return `00000000-0000-7000-8000-${n.toString(16).padStart(12, '0')}`;
}

export interface SyncUser {
  user: UserRecord;
  cookie: string;
  /** The user's device; each call of device() makes another. */
  clientId: string;
}

export async function syncUser(
  t: TestApp,
  username: string,
  role: Role = 'clerk',
  departments: string[] = ['roads'],
): Promise<SyncUser> {
  const user = await addUser(t, username, role, departments);
  return { user, cookie: await signIn(t.app, username), clientId: `device-${username}` };
}

export function entry<N extends MutationName>(
  who: Pick<SyncUser, 'user' | 'clientId'>,
  seq: number,
  name: N,
  args: MutationArgs[N],
  baseRevs: Record<string, number | null> = {},
): OutboxEntry {
  return { clientId: who.clientId, userId: who.user.id, seq, name, args, baseRevs, at: AT } as OutboxEntry;
}

export function createNote(who: SyncUser, seq: number, n: number, fields = {}, dept = 'roads'): OutboxEntry {
  return entry(who, seq, 'record.create', {
    kind: 'note',
    id: rid(n),
    dept,
    fields: { title: `Note ${n}`, ...fields },
  });
}

export function pushRaw(t: TestApp, cookie: string, payload: unknown, headers: Record<string, string> = {}) {
  return t.app.inject({
    method: 'POST',
    url: '/api/sync/push',
    headers: { ...CSRF, cookie, ...headers },
    ...(typeof payload === 'string' ? { payload } : { payload: payload as object }),
  });
}

export async function push(
  t: TestApp,
  who: SyncUser,
  entries: OutboxEntry[],
  clientId = who.clientId,
): Promise<PushResponse> {
  const response = await pushRaw(t, who.cookie, { protocol: PROTOCOL_VERSION, clientId, entries });
  if (response.statusCode !== 200) throw new Error(`push ${response.statusCode}: ${response.body}`);
  return response.json<PushResponse>();
}

export function pullRaw(t: TestApp, cookie: string, query: Record<string, string | number> = {}) {
  const search = new URLSearchParams(Object.entries(query).map(([k, v]): [string, string] => [k, String(v)]));
  const url = `/api/sync/pull${search.size > 0 ? `?${search.toString()}` : ''}`;
  return t.app.inject({ method: 'GET', url, headers: { cookie } });
}

export async function pull(
  t: TestApp,
  who: SyncUser,
  query: Record<string, string | number> = {},
): Promise<PullResponse> {
  const response = await pullRaw(t, who.cookie, query);
  if (response.statusCode !== 200) throw new Error(`pull ${response.statusCode}: ${response.body}`);
  return response.json<PullResponse>();
}

/** Pulls every page from the cursor on; returns the pages. */
export async function pullAll(t: TestApp, who: SyncUser, cursor?: string): Promise<PullResponse[]> {
  const pages: PullResponse[] = [];
  for (;;) {
    const page = await pull(t, who, cursor === undefined ? {} : { cursor });
    pages.push(page);
    cursor = page.cursor;
    if (!page.hasMore) return pages;
  }
}

export function errorOf(response: LightMyRequestResponse): { code: string; field?: string; message: string } {
  return response.json<{ error: { code: string; field?: string; message: string } }>().error;
}
