// The servers the bench drives: the real server process (e2e/support/server.ts) on a free port with a
// fresh data directory, on SQLite and, when reachable, on a fresh PostgreSQL database.
import { mkdirSync } from 'node:fs';
import { cookieFetch, type CookieFetch } from '../../e2e/support/cookie-fetch';
import { E2E_TMP } from '../../e2e/support/paths';
import { freshPostgres } from '../../e2e/support/server-database';
import { startServer, type TestServer } from '../../e2e/support/server';
import type { SessionInfo } from '../../src/protocol/api';
import { postgresMissing, TEST_DATABASE_URL } from '../../scripts/test-prereqs';

export const PASSWORD = 'benchmark passphrase';

/** Users: one for the device-side figures, one whose department holds the records pulled. */
export const DEVICE_USER = { username: 'bench-device', department: 'bench-device' };
export const PULL_USER = { username: 'bench-pull', department: 'bench-pull' };
/** The 50 devices syncing at once: a department of their own, so each pulls only what the others pushed. */
export const FLEET_USER = { username: 'bench-fleet', department: 'bench-fleet' };

export interface BenchServer {
  kind: 'SQLite' | 'PostgreSQL';
  server: TestServer;
  stop(): Promise<void>;
}

/**
 * The bench's own settings: sync and API rate limits high enough not to throttle thousands of requests
 * a minute from one user (the limits are a policy, not what is measured). Everything else is default.
 */
const BENCH_ENV = { SYNC_RATE_LIMIT_PER_MINUTE: '1000000', API_RATE_LIMIT_PER_MINUTE: '1000000' };

async function send(client: CookieFetch, path: string, body: unknown): Promise<void> {
  const response = await client.fetch(path, {
    method: 'POST',
    headers: { 'content-type': 'application/json', 'x-holdfast-request': '1' },
    body: JSON.stringify(body),
  });
  if (!response.ok) throw new Error(`POST ${path} answered ${response.status}: ${await response.text()}`);
}

/**
 * Creates the accounts as a deployment would, over HTTP (faster than one console process per user): the
 * first administrator through the printed setup link, who then adds the two field users.
 */
async function withUsers(
  kind: BenchServer['kind'],
  server: TestServer,
  drop?: () => Promise<void>,
): Promise<BenchServer> {
  const token = server.setupLink ? new URL(server.setupLink).hash.replace(/^#token=/, '') : null;
  if (!token) throw new Error(`the ${kind} server printed no setup link:\n${server.output()}`);
  const admin = cookieFetch(server.url);
  const users = [DEVICE_USER, PULL_USER, FLEET_USER];
  await send(admin, '/api/setup', {
    token,
    username: 'bench-admin',
    displayName: 'Bench Admin',
    password: PASSWORD,
    departments: users.map((u) => ({ code: u.department, name: u.department })),
  });
  for (const user of users) {
    await send(admin, '/api/admin/users', {
      username: user.username,
      displayName: user.username,
      password: PASSWORD,
      role: 'field',
      departments: [user.department],
    });
  }
  return {
    kind,
    server,
    stop: async () => {
      await server.stop();
      await drop?.();
    },
  };
}

export async function startSqliteServer(build: string): Promise<BenchServer> {
  mkdirSync(E2E_TMP, { recursive: true });
  const server = await startServer(build, BENCH_ENV);
  try {
    return await withUsers('SQLite', server);
  } catch (error) {
    await server.stop();
    throw error;
  }
}

/** A server on a fresh PostgreSQL database, or the reason it cannot be had on this machine. */
export async function startPostgresServer(build: string): Promise<BenchServer | { skipped: string }> {
  const missing = await postgresMissing();
  if (missing) return { skipped: `${missing.what}; install: ${missing.install}` };
  mkdirSync(E2E_TMP, { recursive: true });
  const database = await freshPostgres(TEST_DATABASE_URL);
  try {
    const server = await startServer(build, { ...BENCH_ENV, DATABASE_URL: database.url });
    try {
      return await withUsers('PostgreSQL', server, database.drop);
    } catch (error) {
      await server.stop();
      throw error;
    }
  } catch (error) {
    await database.drop();
    throw error;
  }
}

/** A Node client signed in as `username` (cookie jar), with the session the server answered. */
export async function signedInClient(
  server: TestServer,
  username: string,
): Promise<CookieFetch & { session: SessionInfo }> {
  const client = cookieFetch(server.url);
  const session = (await client.signIn(username, PASSWORD)) as SessionInfo;
  return { ...client, session };
}

/** Signs a user in and returns the session cookie as a Cookie header value (for Lighthouse). */
export async function sessionCookie(bench: BenchServer, username: string): Promise<string> {
  const response = await fetch(new URL('/api/auth/login', bench.server.url), {
    method: 'POST',
    headers: { 'content-type': 'application/json', 'x-holdfast-request': '1' },
    body: JSON.stringify({ username, password: PASSWORD }),
  });
  if (!response.ok) throw new Error(`sign-in as ${username} failed: ${response.status}`);
  const cookies = response.headers.getSetCookie().map((line) => line.split(';')[0]!.trim());
  if (cookies.length === 0) throw new Error(`sign-in as ${username} set no cookie`);
  return cookies.join('; ');
}
