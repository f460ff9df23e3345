// Builds an app over a test adapter with a movable clock, plus helpers to create users and sign in.
import os from 'node:os';
import path from 'node:path';
import type { FastifyInstance, LightMyRequestResponse } from 'fastify';
import type { Role } from '../../src/domain/users';
import { CSRF_HEADER, CSRF_HEADER_VALUE, SESSION_COOKIE } from '../../src/protocol/version';
import { loadConfig, type ServerConfig } from '../config';
import { buildApp, type LoggerOption } from '../http/build-app';
import type { Storage, UserRecord } from '../storage/storage';
import { createAccount } from '../users/user-admin';
import type { TestAdapter } from './adapters';

export const CSRF = { [CSRF_HEADER]: CSRF_HEADER_VALUE };
export const PASSWORD = 'correct horse battery staple';
export const START = new Date('2030-06-01T09:00:00.000Z');

export interface TestClock {
  now(): Date;
  advance(ms: number): void;
}

export interface TestApp {
  app: FastifyInstance;
  storage: Storage;
  config: ServerConfig;
  clock: TestClock;
}

/** A config for tests: cheap scrypt, silent logs, temp dirs; env overrides on top. */
export function testConfig(env: Record<string, string> = {}): ServerConfig {
  // buildApp never touches DATA_DIR (the storage is passed in), so nothing is created here.
  const dir = path.join(os.tmpdir(), 'hf-unused-data');
  return loadConfig({
    LOG_LEVEL: 'silent',
    DATA_DIR: dir,
    STATIC_DIR: path.join(dir, 'no-dist'),
    ...env,
  });
}

export async function createTestApp(
  adapter: TestAdapter,
  options: { env?: Record<string, string>; logger?: LoggerOption } = {},
): Promise<TestApp> {
  let current = START.getTime();
  const clock: TestClock = { now: () => new Date(current), advance: (ms) => void (current += ms) };
  const config = { ...testConfig(options.env), now: clock.now };
  const storage = await adapter.open();
  const app = await buildApp({ config, storage, logger: options.logger });
  await app.ready();
  return { app, storage, config, clock };
}

export async function addUser(
  t: TestApp,
  username: string,
  role: Role = 'clerk',
  departments: string[] = [],
): Promise<UserRecord> {
  for (const code of departments) await t.storage.departments.create({ code, name: code }, t.clock.now());
  return createAccount(
    t.storage,
    t.config,
    { username, displayName: `User ${username}`, password: PASSWORD, role, departments },
    { userId: null, via: 'cli' },
  );
}

/** "holdfast_session=<token>" from a response's Set-Cookie, for the next request's Cookie header. */
export function sessionCookie(response: LightMyRequestResponse): string {
  const cookie = response.cookies.find((c) => c.name === SESSION_COOKIE);
  if (!cookie) throw new Error(`no session cookie in response ${response.statusCode}: ${response.body}`);
  return `${SESSION_COOKIE}=${cookie.value}`;
}

export function login(app: FastifyInstance, username: string, password = PASSWORD, ip?: string) {
  return app.inject({
    method: 'POST',
    url: '/api/auth/login',
    headers: CSRF,
    payload: { username, password },
    ...(ip ? { remoteAddress: ip } : {}),
  });
}

/** Signs in and returns the Cookie header value. */
export async function signIn(app: FastifyInstance, username: string, password = PASSWORD): Promise<string> {
  const response = await login(app, username, password);
  if (response.statusCode !== 200) throw new Error(`sign-in failed: ${response.statusCode} ${response.body}`);
  return sessionCookie(response);
}
