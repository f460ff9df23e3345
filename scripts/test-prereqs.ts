// Finds what the full test run needs from the machine (Chromium, PostgreSQL) and how to install what is missing.
import { existsSync } from 'node:fs';
import pg from 'pg';

export const CHROMIUM_PATH = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';
export const TEST_DATABASE_URL = process.env.TEST_DATABASE_URL ?? 'postgres://root@127.0.0.1:5432/test';

export interface Missing {
  what: string;
  install: string;
}

export function chromiumMissing(): Missing | null {
  if (existsSync(CHROMIUM_PATH)) return null;
  return {
    what: `Chromium (looked for ${CHROMIUM_PATH}): browser tests`,
    install: 'apt-get install -y chromium   (or set CHROMIUM_PATH)',
  };
}

export async function postgresMissing(): Promise<Missing | null> {
  const client = new pg.Client({ connectionString: TEST_DATABASE_URL, connectionTimeoutMillis: 3000 });
  try {
    await client.connect();
    await client.query('select 1');
    return null;
  } catch (error) {
    return {
      what: `PostgreSQL at ${TEST_DATABASE_URL.replace(/:[^:@/]*@/, ':***@')} (${(error as Error).message}): server tests on PostgreSQL`,
      install:
        'apt-get install -y postgresql && pg_ctlcluster --skip-systemctl-redirect $(ls /etc/postgresql) main start ' +
        '(or set TEST_DATABASE_URL)',
    };
  } finally {
    await client.end().catch(() => undefined);
  }
}
