// The user CLI, run as an operator would (npx tsx server/cli/user.ts) against a temporary SQLite DATA_DIR.
import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { verifyPassword } from '../auth/passwords';
import { SqliteStorage } from '../storage/sqlite-storage';

const ROOT = path.resolve(import.meta.dirname, '../..');
// What `npx tsx` resolves to, without npx's extra second of start-up per call.
const TSX = path.join(ROOT, 'node_modules', '.bin', 'tsx');

describe('user CLI (SQLite)', { timeout: 60_000 }, () => {
  let dataDir: string;
  beforeEach(() => {
    dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'hf-cli-'));
  });
  afterEach(() => {
    fs.rmSync(dataDir, { recursive: true, force: true });
  });

  const cli = (args: string[], input = '') => {
    const result = spawnSync(TSX, ['server/cli/user.ts', ...args], {
      cwd: ROOT,
      input,
      encoding: 'utf8',
      env: { ...process.env, DATA_DIR: dataDir, DATABASE_URL: '' },
    });
    return { code: result.status, stdout: result.stdout, stderr: result.stderr };
  };
  const withStorage = async <T>(fn: (storage: SqliteStorage) => Promise<T>): Promise<T> => {
    const storage = SqliteStorage.open(path.join(dataDir, 'holdfast.db'));
    try {
      await storage.migrate();
      return await fn(storage);
    } finally {
      await storage.close();
    }
  };

  it('adds, resets, disables and enables users, and lists them', async () => {
    expect(cli(['departments', 'add', 'roads', 'Roads', 'and', 'Bridges'])).toMatchObject({ code: 0 });
    const added = cli(
      ['add', 'Alice', '--role', 'clerk', '--departments', 'roads', '--name', 'Alice Doe'],
      'first password 1\n',
    );
    expect(added.stderr).toBe('');
    expect(added).toMatchObject({ code: 0 });
    expect(added.stdout).toContain('Created clerk "alice"');

    const alice = await withStorage((s) => s.users.getByUsername('alice'));
    expect(alice).toMatchObject({
      displayName: 'Alice Doe',
      role: 'clerk',
      departments: ['roads'],
      disabled: false,
    });
    expect(await verifyPassword('first password 1', alice?.passwordHash ?? '')).toBe(true);
    expect(alice?.passwordHash).toMatch(/^\$argon2id\$v=19\$m=19456,t=2,p=1\$/);

    // A session to prove reset and disable end it.
    const now = new Date();
    const session = {
      userId: alice?.id ?? '',
      createdAt: now,
      expiresAt: new Date(now.getTime() + 3_600_000),
      userAgent: null,
      ip: null,
    };
    await withStorage((s) => s.sessions.create({ ...session, id: 'a'.repeat(64) }));

    expect(cli(['reset', 'alice'], 'second password 2\n')).toMatchObject({ code: 0 });
    await withStorage(async (s) => {
      const user = await s.users.getByUsername('alice');
      expect(await verifyPassword('second password 2', user?.passwordHash ?? '')).toBe(true);
      expect((await s.sessions.get('a'.repeat(64)))?.endedAt).not.toBeNull();
      await s.sessions.create({ ...session, id: 'b'.repeat(64) });
    });

    expect(cli(['disable', 'alice'])).toMatchObject({ code: 0 });
    await withStorage(async (s) => {
      expect((await s.users.getByUsername('alice'))?.disabled).toBe(true);
      expect((await s.sessions.get('b'.repeat(64)))?.endedAt).not.toBeNull();
    });
    expect(cli(['enable', 'alice'])).toMatchObject({ code: 0 });
    expect((await withStorage((s) => s.users.getByUsername('alice')))?.disabled).toBe(false);

    const list = cli(['list']);
    expect(list.code).toBe(0);
    expect(list.stdout).toMatch(/alice\s+clerk\s+active/);
    const actions = await withStorage(async (s) => (await s.audit.list()).map((a) => a.action));
    expect(actions.filter((a) => a === 'user.update')).toHaveLength(3);

    // Online backup of the same database.
    const backupFile = path.join(dataDir, 'backup.db');
    const backup = spawnSync(TSX, ['server/cli/backup.ts', backupFile], {
      cwd: ROOT,
      encoding: 'utf8',
      env: { ...process.env, DATA_DIR: dataDir, DATABASE_URL: '' },
    });
    expect(backup.status, backup.stderr).toBe(0);
    const copy = SqliteStorage.open(backupFile);
    expect((await copy.users.getByUsername('alice'))?.displayName).toBe('Alice Doe');
    await copy.close();
  });

  it('fails clearly on bad input', async () => {
    const role = cli(['add', 'bob', '--role', 'king'], 'a good password\n');
    expect(role.code).not.toBe(0);
    expect(role.stderr).toContain('Unknown role "king"');

    const department = cli(['add', 'bob', '--role', 'clerk', '--departments', 'parks'], 'a good password\n');
    expect(department.code).not.toBe(0);
    expect(department.stderr).toContain('npm run user -- departments add parks');

    const short = cli(['add', 'bob', '--role', 'clerk'], 'short\n');
    expect(short.code).not.toBe(0);
    expect(short.stderr).toContain('at least 12 characters');

    const missing = cli(['reset', 'nobody'], 'a good password\n');
    expect(missing.code).not.toBe(0);
    expect(missing.stderr).toContain('There is no user "nobody"');

    expect(cli(['explode']).code).not.toBe(0);
    expect(await withStorage((s) => s.users.count())).toBe(0);
  });
});
