// Helpers for the sync browser tests: signed-in devices, the server's view (pull as a user), and the
// device's own IndexedDB outbox, read without going through the app.
import type { APIRequestContext, Browser, BrowserContext, Page, Request } from 'playwright-core';
import { AppShell } from '../pages/app-shell';
import { SignInPage } from '../pages/sign-in-page';
import { newContext } from './browser';
import type { TestServer } from './server';

export interface Device {
  context: BrowserContext;
  page: Page;
}

/** A fresh browser profile (one "device") with the user signed in and the service worker in control. */
export async function signedInDevice(
  browser: Browser,
  server: TestServer,
  username: string,
  password: string,
  locale = 'en-US',
): Promise<Device> {
  const context = await newContext(browser, server.url, locale);
  const page = await context.newPage();
  await signIn(page, username, password);
  return { context, page };
}

export async function signIn(page: Page, username: string, password: string): Promise<void> {
  const signInPage = new SignInPage(page);
  await signInPage.goto();
  await signInPage.signInAs(username, password);
  await new AppShell(page).waitForServiceWorker();
}

export interface PulledRecord {
  id: string;
  kind: string;
  dept: string;
  rev: number;
  deleted: boolean;
  fields: Record<string, unknown>;
}

/** Every record the server lets this session read, by pulling from the beginning (all pages). */
export async function serverRecords(request: APIRequestContext, query = ''): Promise<PulledRecord[]> {
  const records = new Map<string, PulledRecord>();
  let cursor: string | undefined;
  for (let page = 0; page < 100; page += 1) {
    const params = new URLSearchParams(query);
    if (cursor) params.set('cursor', cursor);
    const response = await request.get(`/api/sync/pull?${params.toString()}`);
    if (!response.ok()) throw new Error(`pull answered ${response.status()}: ${await response.text()}`);
    const body = (await response.json()) as { records: PulledRecord[]; cursor: string; hasMore: boolean };
    for (const record of body.records) records.set(record.id, record);
    cursor = body.cursor;
    if (!body.hasMore) return [...records.values()];
  }
  throw new Error('pull did not finish in 100 pages');
}

/** Live notes on the server (not deleted), as `serverRecords` sees them. */
export async function serverNotes(request: APIRequestContext): Promise<PulledRecord[]> {
  return (await serverRecords(request)).filter((r) => r.kind === 'note' && !r.deleted);
}

/** The titles of the server's live notes, sorted, with repeats kept (so a double apply shows). */
export async function serverNoteTitles(request: APIRequestContext): Promise<string[]> {
  return (await serverNotes(request)).map((r) => String(r.fields.title)).sort();
}

export interface OutboxRowLite {
  clientId: string;
  seq: number;
  name: string;
  userId: string;
  status: string;
}

/** Reads one table of the device's 'holdfast' database straight from IndexedDB. */
export async function deviceTable<T>(page: Page, table: string): Promise<T[]> {
  return page.evaluate(
    (name) =>
      new Promise<T[]>((resolve, reject) => {
        const open = indexedDB.open('holdfast');
        open.onerror = () => reject(open.error);
        open.onsuccess = () => {
          const db = open.result;
          if (!db.objectStoreNames.contains(name)) {
            db.close();
            resolve([]);
            return;
          }
          const all = db.transaction(name, 'readonly').objectStore(name).getAll();
          all.onsuccess = () => {
            db.close();
            resolve(all.result as T[]);
          };
          all.onerror = () => reject(all.error);
        };
      }),
    table,
  );
}

export async function deviceOutbox(page: Page): Promise<OutboxRowLite[]> {
  const rows = await deviceTable<OutboxRowLite>(page, 'outbox');
  return rows.map(({ clientId, seq, name, userId, status }) => ({ clientId, seq, name, userId, status }));
}

export interface RecordedRequest {
  method: string;
  body: unknown;
  /** null until the response has arrived (0: no response, e.g. the network was cut). */
  status: number | null;
  response: unknown;
}

/** Records every request whose path matches, with its method and (for JSON posts) its body. */
export function recordRequests(
  context: BrowserContext,
  path: string,
): { requests: RecordedRequest[]; stop: () => void } {
  const requests: RecordedRequest[] = [];
  const seen = new Map<Request, number>();
  const onRequest = (request: Request) => {
    if (new URL(request.url()).pathname !== path) return;
    let body: unknown = null;
    try {
      body = request.postDataJSON();
    } catch {
      body = request.postData();
    }
    seen.set(request, requests.length);
    requests.push({ method: request.method(), body, status: null, response: null });
  };
  const onFinished = async (request: Request) => {
    const index = seen.get(request);
    if (index === undefined) return;
    const response = await request.response().catch(() => null);
    const entry = requests[index];
    if (!entry) return;
    entry.response = response ? await response.json().catch(() => null) : null;
    entry.status = response?.status() ?? 0;
  };
  const onFailed = (request: Request) => {
    const index = seen.get(request);
    const entry = index === undefined ? undefined : requests[index];
    if (entry) entry.status = 0;
  };
  context.on('request', onRequest);
  context.on('requestfinished', onFinished);
  context.on('requestfailed', onFailed);
  return {
    requests,
    stop: () => {
      context.off('request', onRequest);
      context.off('requestfinished', onFinished);
      context.off('requestfailed', onFailed);
    },
  };
}

/** A user's id as the server knows it (from /api/auth/me with this session). */
export async function currentUserId(request: APIRequestContext): Promise<string> {
  const response = await request.get('/api/auth/me');
  if (!response.ok()) throw new Error(`/api/auth/me answered ${response.status()}`);
  const body = (await response.json()) as { user: { id: string } };
  return body.user.id;
}
