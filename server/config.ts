// Reads the server's settings from environment variables into one typed object.
// Every bad value is reported at once, in plain words, so an operator can fix them in one go.
import path from 'node:path';

export type CookieSecure = 'auto' | 'true' | 'false';
export type LogLevel = 'fatal' | 'error' | 'warn' | 'info' | 'debug' | 'trace' | 'silent';

export interface ServerConfig {
  port: number;
  host: string;
  dataDir: string;
  /** The SQLite file, inside dataDir. Unused when databaseUrl is set. */
  sqliteFile: string;
  databaseUrl: string | null;
  staticDir: string;
  sessionIdleMinutes: number;
  sessionAbsoluteHours: number;
  cookieSecure: CookieSecure;
  trustProxy: boolean;
  logLevel: LogLevel;
  loginMaxFailuresPerAccount: number;
  loginMaxFailuresPerAddress: number;
  /** The window in which login failures are counted. */
  loginFailureWindowMinutes: number;
  apiRateLimitPerMinute: number;
  /** Requests per minute per signed-in user on /api/sync/* (instead of the general API limit). */
  syncRateLimitPerMinute: number;
  /** Deleted records (tombstones) are purged this long after the delete reached the server. */
  tombstoneRetentionDays: number;
  /** Null means "http://localhost:<the port actually bound>". */
  publicUrl: string | null;
  /** The clock. Tests replace it to move time without sleeping. */
  now: () => Date;
}

export class ConfigError extends Error {
  constructor(readonly problems: string[]) {
    super(`Invalid configuration:\n${problems.map((p) => `  - ${p}`).join('\n')}`);
    this.name = 'ConfigError';
  }
}

const LOG_LEVELS: readonly LogLevel[] = ['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent'];

type Env = Record<string, string | undefined>;

export function loadConfig(env: Env = process.env, cwd: string = process.cwd()): ServerConfig {
  const problems: string[] = [];
  const read = (name: string): string | undefined => {
    const value = env[name]?.trim();
    return value === '' ? undefined : value;
  };
  const integer = (name: string, fallback: number, min: number, max: number): number => {
    const raw = read(name);
    if (raw === undefined) return fallback;
    const value = Number(raw);
    if (!/^\d+$/.test(raw) || !Number.isSafeInteger(value) || value < min || value > max) {
      problems.push(`${name} must be a whole number from ${min} to ${max} (got "${raw}").`);
      return fallback;
    }
    return value;
  };
  const oneOf = <T extends string>(name: string, allowed: readonly T[], fallback: T): T => {
    const raw = read(name)?.toLowerCase();
    if (raw === undefined) return fallback;
    if ((allowed as readonly string[]).includes(raw)) return raw as T;
    problems.push(`${name} must be one of ${allowed.join(', ')} (got "${raw}").`);
    return fallback;
  };
  const url = (name: string, protocols: string[]): string | null => {
    const raw = read(name);
    if (raw === undefined) return null;
    try {
      const parsed = new URL(raw);
      if (protocols.includes(parsed.protocol)) return raw;
    } catch {
      // reported below
    }
    problems.push(`${name} must be a URL starting with ${protocols.map((p) => `${p}//`).join(' or ')}.`);
    return null;
  };

  const port = integer('PORT', 8080, 0, 65535);
  const dataDir = path.resolve(cwd, read('DATA_DIR') ?? './data');
  const publicUrl = url('PUBLIC_URL', ['http:', 'https:']);
  const config: ServerConfig = {
    port,
    host: read('HOST') ?? '127.0.0.1',
    dataDir,
    sqliteFile: path.join(dataDir, 'holdfast.db'),
    databaseUrl: url('DATABASE_URL', ['postgres:', 'postgresql:']),
    staticDir: path.resolve(cwd, read('STATIC_DIR') ?? './dist'),
    sessionIdleMinutes: integer('SESSION_IDLE_MINUTES', 480, 1, 525600),
    sessionAbsoluteHours: integer('SESSION_ABSOLUTE_HOURS', 168, 1, 87600),
    cookieSecure: oneOf<CookieSecure>('COOKIE_SECURE', ['auto', 'true', 'false'], 'auto'),
    trustProxy: oneOf('TRUST_PROXY', ['true', 'false'], 'false') === 'true',
    logLevel: oneOf<LogLevel>('LOG_LEVEL', LOG_LEVELS, 'info'),
    loginMaxFailuresPerAccount: integer('LOGIN_MAX_FAILURES_PER_ACCOUNT', 5, 1, 10000),
    loginMaxFailuresPerAddress: integer('LOGIN_MAX_FAILURES_PER_ADDRESS', 20, 1, 100000),
    loginFailureWindowMinutes: 15,
    apiRateLimitPerMinute: integer('API_RATE_LIMIT_PER_MINUTE', 300, 1, 1000000),
    syncRateLimitPerMinute: integer('SYNC_RATE_LIMIT_PER_MINUTE', 600, 1, 1000000),
    tombstoneRetentionDays: integer('TOMBSTONE_RETENTION_DAYS', 90, 1, 36500),
    // 14 is the floor: below it scrypt is too cheap to slow down guessing.
    publicUrl: publicUrl?.replace(/\/+$/, '') ?? null,
    now: () => new Date(),
  };
  if (config.sessionIdleMinutes > config.sessionAbsoluteHours * 60) {
    problems.push('SESSION_IDLE_MINUTES must not be longer than SESSION_ABSOLUTE_HOURS.');
  }
  if (problems.length > 0) throw new ConfigError(problems);
  return config;
}

/** The address people should open: PUBLIC_URL, or localhost with the port actually bound. */
export function publicBaseUrl(config: ServerConfig, boundPort: number): string {
  return config.publicUrl ?? `http://localhost:${boundPort}`;
}
