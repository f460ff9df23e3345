// `npm test`: typecheck, lint and format, unit tests, server tests on SQLite and PostgreSQL, browser tests,
// and a smoke run of the benchmark. Says loudly what it skipped; with CI=true a missing prerequisite fails.
import { spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, readFileSync, rmSync } from 'node:fs';
import { failureGist } from './failure-gist';
import { chromiumMissing, postgresMissing, type Missing } from './test-prereqs';

const ci = process.env.CI === 'true' || process.env.CI === '1';
const resultsDir = '.tmp/test-results';
rmSync(resultsDir, { recursive: true, force: true });
mkdirSync(resultsDir, { recursive: true });

interface Step {
  name: string;
  ok: boolean;
  /** Wall time of the step in seconds, shown in the summary to see where the time goes. */
  seconds: number;
}
const startedAt = Date.now();
const steps: Step[] = [];
let passed = 0;
let failed = 0;
let skippedTests = 0;
// The failing tests, named again in the summary: CI keeps only the end of the output.
const failures: string[] = [];
// Tests that failed and then passed when run again: named in the summary so a flaky test is seen.
const retried: string[] = [];

function run(name: string, command: string, args: string[], env: NodeJS.ProcessEnv = {}): boolean {
  console.log(`\n=== ${name}: ${command} ${args.join(' ')}\n`);
  const started = Date.now();
  const result = spawnSync(command, args, { stdio: 'inherit', env: { ...process.env, ...env } });
  const ok = result.status === 0;
  steps.push({ name, ok, seconds: (Date.now() - started) / 1000 });
  return ok;
}

function vitest(name: string, args: string[], env: NodeJS.ProcessEnv = {}): void {
  const out = `${resultsDir}/${name}.json`;
  run(
    name,
    'npx',
    ['vitest', 'run', ...args, '--reporter=default', '--reporter=json', `--outputFile.json=${out}`],
    env,
  );
  if (!existsSync(out)) {
    failed += 1;
    return;
  }
  const report = JSON.parse(readFileSync(out, 'utf8')) as {
    numPassedTests: number;
    numFailedTests: number;
    numPendingTests: number;
    numTodoTests: number;
    testResults?: {
      name: string;
      assertionResults?: { fullName: string; status: string; failureMessages?: string[] }[];
    }[];
  };
  for (const file of report.testResults ?? []) {
    for (const t of file.assertionResults ?? []) {
      const first = t.failureMessages?.[0];
      // A pass without a kept failure, or a skip: nothing to name.
      if (t.status !== 'failed' && first === undefined) continue;
      const line = `${name}: ${file.name.replace(process.cwd() + '/', '')} > ${t.fullName}\n    ${failureGist(first ?? '', process.cwd())}`;
      // Passed, with a failure kept from an earlier try: it passed only when run again (retry).
      if (t.status === 'passed') retried.push(line);
      else if (t.status === 'failed') failures.push(line);
    }
  }
  passed += report.numPassedTests;
  failed += report.numFailedTests;
  skippedTests += report.numPendingTests + report.numTodoTests;
}

const missing: Missing[] = [];
const chromium = chromiumMissing();
const postgres = await postgresMissing();
if (chromium) missing.push(chromium);
if (postgres) missing.push(postgres);
if (missing.length > 0 && ci) {
  for (const m of missing) console.error(`CI=true and missing: ${m.what}\n  install: ${m.install}`);
  process.exit(1);
}

run('check', 'npm', ['run', '-s', 'check']);
vitest('unit', ['--project', 'unit']);
vitest('server', ['--project', 'server']);
if (chromium) {
  console.log('\n=== e2e and benchmark smoke run: skipped (no Chromium)');
} else {
  vitest('e2e', ['--config', 'vitest.e2e.config.ts']);
  // Tiny sizes: proves the benchmark still runs end to end; speed targets are checked by `npm run bench`.
  run('bench smoke', 'npm', ['run', '-s', 'bench', '--', '--smoke']);
}

console.log('\n=== Summary');
for (const step of steps) {
  console.log(
    `${step.ok ? 'ok  ' : 'FAIL'}  ${step.name.padEnd(12)} ${step.seconds.toFixed(0).padStart(5)} s`,
  );
}
console.log(`      ${'total'.padEnd(12)} ${((Date.now() - startedAt) / 1000).toFixed(0).padStart(5)} s`);
if (missing.length > 0) {
  const bar = '!'.repeat(78);
  console.log(`\n${bar}\nSKIPPED because this machine lacks what they need:`);
  for (const m of missing) console.log(`- ${m.what}\n    install: ${m.install}`);
  console.log(`${bar}`);
}
if (retried.length > 0) {
  console.log('\nPassed only when run again (flaky: each needs a look; the first failure):');
  for (const r of retried) console.log(`- ${r}`);
}
if (failures.length > 0) {
  console.log('\nFailed tests:');
  for (const f of failures) console.log(`- ${f}`);
}
const allOk = steps.every((s) => s.ok) && failed === 0;
console.log(`\nTests: ${passed} passed, ${failed} failed${skippedTests ? `, ${skippedTests} skipped` : ''}`);
process.exit(allOk ? 0 : 1);
