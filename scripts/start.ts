// `npm start`: builds the client when the build is missing or stale, then runs the server in this process.
import { spawnSync } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import { buildIsStale } from './build-freshness';

const root = fileURLToPath(new URL('..', import.meta.url));

if (!process.env.STATIC_DIR && buildIsStale(root)) {
  console.log('Building the app (the build is missing or older than the sources)…');
  const result = spawnSync('npx', ['vite', 'build', '--logLevel', 'warn'], {
    cwd: root,
    stdio: 'inherit',
    env: { ...process.env, NODE_ENV: 'production' },
  });
  if (result.status !== 0) {
    console.error('The build failed; see the messages above.');
    process.exit(result.status ?? 1);
  }
}

// A computed specifier keeps the tooling typecheck from pulling the server project into its own.
const serverEntry = '../server/main.ts';
await import(serverEntry);
