// Starts a real Holdfast server process (SQLite in a temp folder) for one browser test file.
import { spawn, spawnSync, type ChildProcess } from 'node:child_process';
import { cpSync, mkdtempSync, rmSync } from 'node:fs';
import { join } from 'node:path';
import type { Role } from '../../src/domain/users';
import { E2E_TMP, ROOT } from './paths';

export interface TestServer {
  url: string;
  /** The server's process id (its process tree holds the running server: the bench reads its memory). */
  pid: number | undefined;
  dataDir: string;
  staticDir: string;
  /** The environment the server runs with; console commands against it use the same. */
  env: NodeJS.ProcessEnv;
  /** The one-time setup link printed at first start (when no user exists). */
  setupLink: string | null;
  output: () => string;
  stop: () => Promise<void>;
}

const tsx = join(ROOT, 'node_modules', '.bin', 'tsx');

function baseEnv(dataDir: string, staticDir: string): NodeJS.ProcessEnv {
  return {
    ...process.env,
    DATA_DIR: dataDir,
    STATIC_DIR: staticDir,
    HOST: '127.0.0.1',
    PORT: '0',
    LOG_LEVEL: 'warn',

    DATABASE_URL: '',
  };
}

/** Starts a server serving a private copy of `build` (so a test may swap in another build). */
export async function startServer(build: string, env: NodeJS.ProcessEnv = {}): Promise<TestServer> {
  const root = mkdtempSync(join(E2E_TMP, 'run-'));
  const dataDir = join(root, 'data');
  const staticDir = join(root, 'static');
  cpSync(build, staticDir, { recursive: true });
  const serverEnv = { ...baseEnv(dataDir, staticDir), ...env };
  const child: ChildProcess = spawn(tsx, ['server/main.ts'], {
    cwd: ROOT,
    env: serverEnv,
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let output = '';
  const url = await new Promise<string>((resolve, reject) => {
    const timer = setTimeout(() => reject(new Error(`server did not start:\n${output}`)), 30_000);
    const onData = (chunk: Buffer): void => {
      output += chunk.toString();
      const match = /Holdfast listening on (http:\/\/\S+)/.exec(output);
      if (match?.[1]) {
        clearTimeout(timer);
        resolve(match[1].replace(/\/$/, ''));
      }
    };
    child.stdout?.on('data', onData);
    child.stderr?.on('data', onData);
    child.on('exit', (code) => reject(new Error(`server exited with ${code}:\n${output}`)));
  });
  const setup = /\/setup#token=([\w-]+)/.exec(output);
  return {
    url,
    pid: child.pid,
    dataDir,
    staticDir,
    env: serverEnv,
    setupLink: setup ? `${url}/setup#token=${setup[1]}` : null,
    output: () => output,
    stop: async () => {
      if (child.exitCode === null) {
        const exited = new Promise((resolve) => child.once('exit', resolve));
        child.kill('SIGTERM');
        await exited;
      }
      rmSync(root, { recursive: true, force: true });
    },
  };
}

/** Adds a user with the administrators' console command, as an operator would. */
export function addUser(
  server: TestServer,
  user: { username: string; password: string; role: Role; departments?: string[]; name?: string },
): void {
  for (const code of user.departments ?? []) ensureDepartment(server, code);
  const args = ['server/cli/user.ts', 'add', user.username, '--role', user.role];
  if (user.departments?.length) args.push('--departments', user.departments.join(','));
  if (user.name) args.push('--name', user.name);
  const result = spawnSync(tsx, args, {
    cwd: ROOT,
    input: `${user.password}\n`,
    env: server.env,
    encoding: 'utf8',
  });
  if (result.status !== 0) throw new Error(`user add failed: ${result.stderr}${result.stdout}`);
}

/** Creates a department (named after its code) unless it exists. */
export function ensureDepartment(server: TestServer, code: string): void {
  const name = code.replace(/-/g, ' ').replace(/\b\w/g, (c) => c.toUpperCase());
  const result = spawnSync(tsx, ['server/cli/user.ts', 'departments', 'add', code, name], {
    cwd: ROOT,
    env: server.env,
    encoding: 'utf8',
  });
  if (result.status !== 0 && !/already exists/.test(result.stderr + result.stdout)) {
    throw new Error(`departments add failed: ${result.stderr}${result.stdout}`);
  }
}

/** Runs any `npm run user` subcommand against the test server's database. */
export function userCommand(server: TestServer, args: string[], input = ''): string {
  const result = spawnSync(tsx, ['server/cli/user.ts', ...args], {
    cwd: ROOT,
    input,
    env: server.env,
    encoding: 'utf8',
  });
  if (result.status !== 0) throw new Error(`user ${args.join(' ')} failed: ${result.stderr}${result.stdout}`);
  return result.stdout;
}
