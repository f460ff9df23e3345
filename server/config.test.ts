// Environment parsing: defaults, accepted values, and plain errors listing every bad variable.
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { ConfigError, loadConfig, publicBaseUrl } from './config';

describe('loadConfig', () => {
  it('has documented defaults', () => {
    const config = loadConfig({}, '/srv/holdfast');
    expect(config).toMatchObject({
      port: 8080,
      host: '127.0.0.1',
      dataDir: '/srv/holdfast/data',
      sqliteFile: path.join('/srv/holdfast/data', 'holdfast.db'),
      databaseUrl: null,
      staticDir: '/srv/holdfast/dist',
      sessionIdleMinutes: 480,
      sessionAbsoluteHours: 168,
      cookieSecure: 'auto',
      trustProxy: false,
      logLevel: 'info',
      loginMaxFailuresPerAccount: 5,
      loginMaxFailuresPerAddress: 20,
      loginFailureWindowMinutes: 15,
      publicUrl: null,
    });
    expect(publicBaseUrl(config, 8080)).toBe('http://localhost:8080');
    expect(config.now()).toBeInstanceOf(Date);
  });

  it('reads every variable', () => {
    const config = loadConfig(
      {
        PORT: '0',
        HOST: '0.0.0.0',
        DATA_DIR: '/var/lib/holdfast',
        DATABASE_URL: 'postgres://holdfast@db/holdfast',
        STATIC_DIR: 'build',
        SESSION_IDLE_MINUTES: '30',
        SESSION_ABSOLUTE_HOURS: '12',
        COOKIE_SECURE: 'TRUE',
        TRUST_PROXY: 'true',
        LOG_LEVEL: 'debug',
        LOGIN_MAX_FAILURES_PER_ACCOUNT: '3',
        LOGIN_MAX_FAILURES_PER_ADDRESS: '50',
        PUBLIC_URL: 'https://holdfast.example.gov/',
      },
      '/opt/app',
    );
    expect(config).toMatchObject({
      port: 0,
      host: '0.0.0.0',
      sqliteFile: path.join('/var/lib/holdfast', 'holdfast.db'),
      databaseUrl: 'postgres://holdfast@db/holdfast',
      staticDir: '/opt/app/build',
      sessionIdleMinutes: 30,
      sessionAbsoluteHours: 12,
      cookieSecure: 'true',
      trustProxy: true,
      logLevel: 'debug',
      loginMaxFailuresPerAccount: 3,
      loginMaxFailuresPerAddress: 50,
      publicUrl: 'https://holdfast.example.gov',
    });
    expect(publicBaseUrl(config, 1234)).toBe('https://holdfast.example.gov');
  });

  it('reports every bad value at once, in plain words', () => {
    let error: unknown;
    try {
      loadConfig({
        PORT: 'eighty',
        COOKIE_SECURE: 'maybe',
        LOGIN_MAX_FAILURES_PER_ACCOUNT: '0',
        DATABASE_URL: 'mysql://x',
        SESSION_IDLE_MINUTES: '-5',
        LOG_LEVEL: 'loud',
      });
    } catch (e) {
      error = e;
    }
    expect(error).toBeInstanceOf(ConfigError);
    const problems = (error as ConfigError).problems;
    expect(problems).toHaveLength(6);
    expect(problems[0]).toBe('PORT must be a whole number from 0 to 65535 (got "eighty").');
    expect((error as ConfigError).message).toContain('COOKIE_SECURE must be one of auto, true, false');
    expect((error as ConfigError).message).toContain('LOGIN_MAX_FAILURES_PER_ACCOUNT must be a whole number');
    expect((error as ConfigError).message).toContain('DATABASE_URL must be a URL starting with postgres://');
  });

  it('refuses an idle timeout longer than the absolute one', () => {
    expect(() => loadConfig({ SESSION_IDLE_MINUTES: '600', SESSION_ABSOLUTE_HOURS: '1' })).toThrow(
      ConfigError,
    );
  });
});
