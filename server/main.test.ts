// The real entry point: prints the listening line (real port with PORT=0) and the setup link, serves,
// and exits cleanly on SIGTERM. Uses SQLite in a temp DATA_DIR.
import { spawn } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { CSRF_HEADER, CSRF_HEADER_VALUE } from '../src/protocol/version';
import { loadConfig } from './config';
import { startServer } from './start-server';

const ROOT = path.resolve(import.meta.dirname, '..');
const TSX = path.join(ROOT, 'node_modules', '.bin', 'tsx');

describe('server entry point', { timeout: 60_000 }, () => {
  const dirs: string[] = [];
  const tempDir = () => {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'hf-main-'));
    dirs.push(dir);
    return dir;
  };
  afterEach(() => {
    for (const dir of dirs.splice(0)) fs.rmSync(dir, { recursive: true, force: true });
  });

  it('prints where it listens and the setup link, serves, and shuts down on SIGTERM', async () => {
    const dataDir = tempDir();
    const child = spawn(TSX, ['server/main.ts'], {
      cwd: ROOT,
      env: {
        ...process.env,
        PORT: '0',
        DATA_DIR: dataDir,
        STATIC_DIR: path.join(dataDir, 'dist'),
        LOG_LEVEL: 'warn',
        DATABASE_URL: '',
      },
    });
    let stdout = '';
    child.stdout.on('data', (chunk: Buffer) => (stdout += chunk.toString()));
    child.stderr.on('data', (chunk: Buffer) => (stdout += chunk.toString()));
    const exited = new Promise<number | null>((resolve) => child.on('exit', (code) => resolve(code)));
    const deadline = Date.now() + 30_000;
    while (!/#token=\S+/.test(stdout) && Date.now() < deadline) await new Promise((r) => setTimeout(r, 50));

    const listening = stdout.match(/^Holdfast listening on (http:\/\/127\.0\.0\.1:(\d+))$/m);
    expect(listening, stdout).not.toBeNull();
    expect(stdout.match(/Holdfast listening on/g)).toHaveLength(1);
    expect(stdout).toContain(`SQLite at ${path.join(dataDir, 'holdfast.db')}`);
    const url = listening?.[1] ?? '';
    const port = listening?.[2] ?? '';
    expect(stdout).toContain('No administrator exists yet. Open this one-time link to create one:');
    const token = stdout.match(new RegExp(`http://localhost:${port}/setup#token=(\\S+)`))?.[1];
    expect(token).toBeTruthy();

    expect(await (await fetch(`${url}/api/health`)).json()).toMatchObject({
      status: 'ok',
      storage: 'sqlite',
    });
    const setup = await fetch(`${url}/api/setup`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', [CSRF_HEADER]: CSRF_HEADER_VALUE },
      body: JSON.stringify({
        token,
        username: 'admin',
        displayName: 'Admin',
        password: 'a long admin password',
        departments: [],
      }),
    });
    expect(setup.status).toBe(201);

    child.kill('SIGTERM');
    expect(await exited).toBe(0);
    expect(fs.existsSync(path.join(dataDir, 'holdfast.db'))).toBe(true);
  });

  it('startServer binds a free port and closes cleanly; no setup link once a user exists', async () => {
    const dataDir = tempDir();
    const config = loadConfig({
      PORT: '0',
      DATA_DIR: dataDir,
      LOG_LEVEL: 'silent',
    });
    const first = await startServer(config);
    expect(first.url).toMatch(/^http:\/\/127\.0\.0\.1:\d+$/);
    expect(first.setupUrl).toMatch(/^http:\/\/localhost:\d+\/setup#token=/);
    await first.storage.users.create({
      id: 'u1',
      username: 'someone',
      displayName: 'Someone',
      role: 'admin',
      passwordHash: 'x',
      disabled: false,
      departments: [],
      now: new Date(),
    });
    await first.close();
    await first.close();

    const second = await startServer({ ...config, publicUrl: 'https://holdfast.example' });
    expect(second.setupUrl).toBeNull();
    expect((await fetch(`${second.url}/api/health`)).status).toBe(200);
    await second.close();
  });
});
