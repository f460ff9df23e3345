// `npm run bench`: builds the production app, starts the real server (SQLite, and PostgreSQL when
// reachable), drives headless Chromium, prints one table of figures against their targets, writes it to
// bench/results.json and compares with the previous file. Exit 1 when a target is missed.
// `npm run bench -- --smoke`: every figure at tiny sizes (BENCH_SCALE=0.01), results in
// bench/results.smoke.json; checks the bench works and its output is well-formed, whatever the speed.
import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import { cpus, platform } from 'node:os';
import { join } from 'node:path';
import { ROOT } from '../e2e/support/paths';
import { chromiumMissing } from '../scripts/test-prereqs';
import { appSizeFigures } from './figures/app-size';
import { CONTACT_ROWS, contactFigures } from './figures/contacts';
import { PACKET_ROWS, packetFigures } from './figures/packet';
import { INCIDENT_ROWS, incidentFigures } from './figures/incidents';
import { lighthouseFigures, lighthouseRows, type LighthousePage } from './figures/lighthouse';
import { WRITE_ROWS, writeFigures } from './figures/device-writes';
import { initialPull, pullRows } from './figures/initial-pull';
import { PERMIT_IMPORT_ROWS, permitImportFigures } from './figures/permit-import';
import { PERMIT_ROWS, permitFigures } from './figures/permits';
import { pushFigure, pushRow } from './figures/push';
import { applyRate, applyRow } from './figures/server-apply';
import { FLEET_ROWS, fleetFigures } from './figures/fleet';
import { launchBrowser, newBenchContext, openBenchPage } from './lib/browser';
import type { BrowserContext } from 'playwright-core';
import { BENCH_DIST, BENCH_TMP, buildBrowserBundle, buildProductionApp } from './lib/build';
import { benchProfiler } from './lib/profiler';
import { waitForQuiet } from './lib/quiet';
import { renderTable } from './lib/report';
import {
  errored,
  resultsProblems,
  RESULTS_VERSION,
  skipped,
  type BenchResults,
  type FigureInput,
  type FigureResult,
} from './lib/results';
import {
  DEVICE_USER,
  FLEET_USER,
  PASSWORD,
  PULL_USER,
  sessionCookie,
  signedInClient,
  startPostgresServer,
  startSqliteServer,
  type BenchServer,
} from './lib/servers';

const args = process.argv.slice(2);
const smoke = args.includes('--smoke');
const unknown = args.filter((a) => a !== '--smoke');
if (unknown.length > 0) {
  console.error(`Unknown argument(s): ${unknown.join(' ')}. Usage: npm run bench [-- --smoke]`);
  process.exit(2);
}

/** BENCH_ONLY=writes,push,… runs only those parts (the pull needs the apply runs, which seed it). */
const PARTS = [
  'size',
  'lighthouse',
  'writes',
  'push',
  'apply',
  'pull',
  'import',
  'permits',
  'incidents',
  'contacts',
  'packet',
  'fleet',
  'postgres',
] as const;
const only = process.env.BENCH_ONLY?.split(',').map((p) => p.trim()) ?? null;
if (only?.some((p) => !(PARTS as readonly string[]).includes(p))) {
  console.error(`BENCH_ONLY takes a comma-separated list of ${PARTS.join(', ')}.`);
  process.exit(2);
}
const wanted = (part: (typeof PARTS)[number]) =>
  !only || only.includes(part) || (part === 'apply' && only.includes('pull'));
const scale = Number(process.env.BENCH_SCALE ?? (smoke ? 0.01 : 1));
const runs = Number(process.env.BENCH_RUNS ?? 5);
/**
 * BENCH_PROFILE=<dir>: a CPU profile of one extra load of each page-load figure, summarised in its note.
 * The smoke run always profiles (into BENCH_TMP), so the profiling never rots unnoticed.
 */
const profile = benchProfiler(process.env.BENCH_PROFILE ?? (smoke ? join(BENCH_TMP, 'profiles') : undefined));
/** The figures whose notes carry a profile when profiling is on. */
const PROFILED_ROWS = [
  INCIDENT_ROWS.open.id,
  CONTACT_ROWS.tree.id,
  PERMIT_ROWS.render.id,
  PERMIT_ROWS.coldStart.id,
];
if (!(scale > 0 && scale <= 10) || !Number.isInteger(runs) || runs < 1) {
  console.error('BENCH_SCALE must be a number in (0, 10] and BENCH_RUNS a whole number from 1.');
  process.exit(2);
}
const sized = (full: number, least: number) => Math.max(least, Math.round(full * scale));
const SIZES = {
  creates: sized(500, 10),
  edits: sized(200, 10),
  push: sized(10_000, 20),
  applyPerRun: sized(10_000, 20),
  /** SQLite apply runs; together they are the initial pull's records (10 × 10,000 = 100,000). */
  applyRunsSqlite: Math.max(runs, 10),
  /** Permits on the device for the search and list figures, and for the offline cold start. */
  permits: sized(100_000, 500),
  permitsOffline: sized(50_000, 250),
  /** Incidents: entries recorded one by one into a log holding `incidentLogHolds`; a chain verified; */
  /** an incident of `incidentEntries` entries in `incidentLogs` logs opened. */
  incidentWrites: sized(200, 20),
  incidentLogHolds: sized(1_000, 20),
  incidentChain: sized(10_000, 100),
  incidentEntries: sized(5_000, 100),
  incidentLogs: 20,
  /** Contacts: people on one tree (and contacts), a run of it with this many attempts; attempts timed per run. */
  contactPeople: sized(2_000, 100),
  contactAttempts: sized(6_000, 300),
  contactAttemptsPerRun: sized(20, 5),
  /** The outage packet: contacts on one tree and open permits (plus 7 shipped + 3 own checklists). */
  packetPeople: sized(2_000, 20),
  packetPermits: sized(5_000, 50),
  /** Devices syncing at once, each pushing `fleetBatch` entries then pulling, `fleetRounds` times. */
  fleetDevices: sized(50, 5),
  fleetRounds: sized(10, 2),
  fleetBatch: sized(50, 5),
};
const PULL_RECORDS = SIZES.applyRunsSqlite * SIZES.applyPerRun;

/** The file compared with, and the one written: a BENCH_ONLY run writes its own file but compares with the full one. */
const previousFile = join(ROOT, 'bench', smoke ? 'results.smoke.json' : 'results.json');
const resultsFile = only && !smoke ? join(ROOT, 'bench', 'results.partial.json') : previousFile;
const startedAt = new Date();
const figures: FigureResult[] = [];
const log = (message: string) =>
  console.log(`[bench ${((Date.now() - startedAt.getTime()) / 1000).toFixed(0).padStart(4)}s] ${message}`);

type RowSpec = Pick<FigureInput, 'id' | 'figure' | 'unit' | 'target'>;

/** Runs one part of the bench; if it throws, its rows are reported as errors and the rest goes on. */
async function section(name: string, rows: RowSpec[], measure: () => Promise<FigureResult[]>): Promise<void> {
  // Each part starts on a quiet machine: the part before may leave the browser or the server busy. Not in
  // the smoke run, which judges no timing (and runs inside npm test, beside other work).
  if (!smoke) {
    const quiet = await waitForQuiet();
    if (!quiet.quiet) log(`the machine stayed busy for ${quiet.waitedMs / 1000} s; measuring anyway`);
  }
  log(`${name}…`);
  try {
    figures.push(...(await measure()));
  } catch (error) {
    console.error(`[bench] ${name} failed:`, error);
    figures.push(...rows.map((row) => errored(row, error)));
  }
}

function readPrevious(): BenchResults | null {
  if (!existsSync(previousFile)) return null;
  try {
    const data: unknown = JSON.parse(readFileSync(previousFile, 'utf8'));
    const problems = resultsProblems(data);
    if (problems.length === 0) return data as BenchResults;
    console.warn(`[bench] ignoring the previous ${previousFile}: ${problems.join('; ')}`);
  } catch (error) {
    console.warn(`[bench] ignoring the previous ${previousFile}: ${(error as Error).message}`);
  }
  return null;
}

const previous = readPrevious();
log(
  `${smoke ? 'SMOKE run' : 'full run'}: BENCH_SCALE=${scale}, ${runs} runs per figure; sizes ${JSON.stringify({ ...SIZES, pull: PULL_RECORDS })}`,
);

log('building the production app into .tmp/bench/dist and the bench bundle…');
buildProductionApp();
const bundle = await buildBrowserBundle();
/** A figures file built for the page as its own bundle (it defines its own global, e.g. holdfastIncidentBench). */
async function buildPartBundle(part: 'incidents' | 'contacts' | 'packet'): Promise<string> {
  const { build } = await import('vite');
  const outDir = join(BENCH_TMP, `${part}-browser`);
  await build({
    configFile: false,
    root: ROOT,
    logLevel: 'warn',
    mode: 'production',
    define: { 'process.env.NODE_ENV': JSON.stringify('production') },
    build: {
      outDir,
      emptyOutDir: true,
      target: 'es2022',
      minify: true,
      sourcemap: false,
      lib: {
        entry: join(ROOT, 'bench', 'figures', `${part}.ts`),
        formats: ['iife'],
        name: `holdfast_${part}_bench_bundle`,
        fileName: () => `bench-${part}.js`,
      },
    },
  });
  return readFileSync(join(outDir, `bench-${part}.js`), 'utf8');
}

if (wanted('size')) await section('app size', [], async () => appSizeFigures(BENCH_DIST, scale));

const chromium = chromiumMissing();

/** Lighthouse runs per page: each takes ~30 s, so at most 3 (the median of 3 steadies the scores). */
const LIGHTHOUSE_RUNS = Math.min(runs, 3);
const LIGHTHOUSE_PAGES: LighthousePage[] = [
  { id: 'sign-in', label: 'sign-in page', path: '/sign-in' },
  { id: 'home', label: 'signed-in home', path: '/' },
];
const lighthouseRowSpecs = wanted('lighthouse') ? lighthouseRows(LIGHTHOUSE_PAGES) : [];
if (wanted('lighthouse')) {
  if (smoke) {
    for (const row of lighthouseRowSpecs) {
      figures.push(
        skipped(
          row,
          'smoke run: Lighthouse takes ~30 s a page; measure it with BENCH_ONLY=lighthouse npm run bench',
        ),
      );
    }
  } else if (chromium) {
    for (const row of lighthouseRowSpecs)
      figures.push(skipped(row, `${chromium.what}; install: ${chromium.install}`));
  } else {
    await section(
      `Lighthouse, ${LIGHTHOUSE_PAGES.length} pages × ${LIGHTHOUSE_RUNS}`,
      lighthouseRowSpecs,
      async () => {
        const bench = await startSqliteServer(BENCH_DIST);
        try {
          const cookie = await sessionCookie(bench, DEVICE_USER.username);
          const pages = LIGHTHOUSE_PAGES.map((page) =>
            page.id === 'home' ? { ...page, headers: { Cookie: cookie } } : page,
          );
          return await lighthouseFigures(bench.server.url, pages, LIGHTHOUSE_RUNS, scale);
        } finally {
          await bench.stop();
        }
      },
    );
  }
}
const browserRows: RowSpec[] = [
  ...(wanted('writes') ? Object.values(WRITE_ROWS) : []),
  ...(wanted('push') ? [pushRow('SQLite', SIZES.push)] : []),
  ...(wanted('pull') ? Object.values(pullRows(PULL_RECORDS)) : []),
  ...(wanted('import') ? Object.values(PERMIT_IMPORT_ROWS) : []),
  ...(wanted('permits') ? Object.values(PERMIT_ROWS) : []),
  ...(wanted('incidents') ? Object.values(INCIDENT_ROWS) : []),
  ...(wanted('contacts') ? Object.values(CONTACT_ROWS) : []),
  ...(wanted('packet') ? Object.values(PACKET_ROWS) : []),
];
if (chromium) {
  for (const row of browserRows) figures.push(skipped(row, `${chromium.what}; install: ${chromium.install}`));
}
const needsBrowser = browserRows.length > 0 || (wanted('postgres') && wanted('push'));
const browser = chromium || !needsBrowser ? null : await launchBrowser();
const chromiumVersion = browser?.version() ?? null;

/**
 * A page-load part runs in a browser of its own, as a device would: no part inherits the databases and
 * garbage of the parts before it (measured alone, this made no difference the bench could see). `measure`
 * gets what every such part's figures take: new contexts of that browser on `origin`, the device user,
 * and the run's settings.
 */
async function inFreshBrowser<T>(
  origin: string,
  measure: (device: {
    context: () => Promise<BrowserContext>;
    username: string;
    password: string;
    runs: number;
    scale: number;
    log: (message: string) => void;
  }) => Promise<T>,
): Promise<T> {
  const own = await launchBrowser();
  try {
    return await measure({
      context: () => newBenchContext(own, origin),
      username: DEVICE_USER.username,
      password: PASSWORD,
      runs,
      scale,
      log,
    });
  } finally {
    await own.close().catch((error: unknown) => console.warn("[bench] closing a part's browser:", error));
  }
}

async function serverFigures(bench: BenchServer): Promise<void> {
  const { kind, server } = bench;
  const context = browser ? await newBenchContext(browser, server.url) : null;
  try {
    const writes = kind === 'SQLite' && wanted('writes');
    const imports = kind === 'SQLite' && wanted('import');
    if (chromium && kind === 'PostgreSQL' && wanted('push')) {
      figures.push(skipped(pushRow(kind, SIZES.push), `${chromium.what}; install: ${chromium.install}`));
    }
    // Before the push: the permits device's first sync must not pull the pushed notes.
    if (browser && kind === 'SQLite' && wanted('permits')) {
      await section(
        `permits: search and list over ${SIZES.permits} permits, offline cold start over ${SIZES.permitsOffline} × ${runs}`,
        Object.values(PERMIT_ROWS),
        () =>
          inFreshBrowser(server.url, (device) =>
            permitFigures({
              ...device,
              bundle,
              csvText: readFileSync(join(ROOT, 'e2e', 'fixtures', 'burlington-permits.csv'), 'utf8'),
              sizes: { search: SIZES.permits, coldStart: SIZES.permitsOffline },
              profile,
            }),
          ),
      );
    }
    // Also before the push, for the same reason: the incident device's first sync stays small.
    if (browser && kind === 'SQLite' && wanted('incidents')) {
      await section(
        `incidents: record ${SIZES.incidentWrites} entries, verify a ${SIZES.incidentChain}-entry chain, open an incident of ${SIZES.incidentEntries} entries × ${runs}`,
        Object.values(INCIDENT_ROWS),
        async () =>
          inFreshBrowser(server.url, async (device) =>
            incidentFigures({
              ...device,
              bundle: await buildPartBundle('incidents'),
              sizes: {
                writes: SIZES.incidentWrites,
                existing: SIZES.incidentLogHolds,
                chain: SIZES.incidentChain,
                logs: SIZES.incidentLogs,
                entries: SIZES.incidentEntries,
              },
              profile,
            }),
          ),
      );
    }
    // Also before the push: the contacts device's first sync stays small.
    if (browser && kind === 'SQLite' && wanted('contacts')) {
      await section(
        `contacts: a run of ${SIZES.contactPeople} people with ${SIZES.contactAttempts} attempts (${SIZES.contactAttemptsPerRun} timed per run), the tree editor × ${runs}`,
        Object.values(CONTACT_ROWS),
        async () =>
          inFreshBrowser(server.url, async (device) =>
            contactFigures({
              ...device,
              bundle: await buildPartBundle('contacts'),
              sizes: {
                people: SIZES.contactPeople,
                attempts: SIZES.contactAttempts,
                attemptsPerRun: SIZES.contactAttemptsPerRun,
              },
              profile,
            }),
          ),
      );
    }
    if (browser && kind === 'SQLite' && wanted('packet')) {
      await section(
        `outage packet: ${SIZES.packetPeople} contacts on a tree, ${SIZES.packetPermits} open permits, 10 checklists × ${runs}`,
        Object.values(PACKET_ROWS),
        async () =>
          inFreshBrowser(server.url, async (device) =>
            packetFigures({
              ...device,
              bundle: await buildPartBundle('packet'),
              sizes: { people: SIZES.packetPeople, permits: SIZES.packetPermits },
            }),
          ),
      );
    }
    if (context && (writes || imports || wanted('push'))) {
      const page = await openBenchPage(context, bundle);
      try {
        log(`${kind}: cleared ${await page.call('cleanUp')} leftover bench databases`);
        const session = await page.call('signIn', DEVICE_USER.username, PASSWORD);
        if (writes) {
          await section(
            `device writes (${SIZES.creates} creates, ${SIZES.edits} edits) × ${runs}`,
            Object.values(WRITE_ROWS),
            () => writeFigures(page, session, { creates: SIZES.creates, edits: SIZES.edits }, runs, scale),
          );
        }
        if (imports) {
          await section('permit import', Object.values(PERMIT_IMPORT_ROWS), () =>
            permitImportFigures(
              page,
              session,
              readFileSync(join(ROOT, 'e2e', 'fixtures', 'burlington-permits.csv'), 'utf8'),
              { burlington: 5026, large: sized(50_000, 200) },
              runs,
              scale,
            ),
          );
        }
        if (wanted('push')) {
          await section(
            `${kind}: push ${SIZES.push} through the engine × ${runs}`,
            [pushRow(kind, SIZES.push)],
            async () => [await pushFigure(page, session, kind, SIZES.push, runs, scale)],
          );
        }
      } finally {
        await page.close();
      }
    }
    // On SQLite every run is needed: together they are the records the initial pull pulls.
    const applyRuns = kind === 'SQLite' ? SIZES.applyRunsSqlite : runs;
    const perRun = kind === 'SQLite' ? SIZES.applyPerRun : Math.ceil(SIZES.applyPerRun / 2);
    let stored = 0;
    if (wanted('apply')) {
      await section(`${kind}: server apply rate, ${applyRuns} × ${perRun}`, [applyRow(kind)], async () => {
        const client = await signedInClient(server, PULL_USER.username);
        const result = await applyRate(
          client,
          kind,
          perRun,
          applyRuns,
          scale,
          kind === 'SQLite' ? Infinity : 75,
        );
        stored = result.stored;
        return [result.row];
      });
    }
    if (kind === 'SQLite' && wanted('fleet')) {
      await section(
        `${SIZES.fleetDevices} devices syncing at once × ${runs}`,
        Object.values(FLEET_ROWS),
        async () => {
          const sessions = [];
          for (let i = 0; i < 5; i += 1) sessions.push(await signedInClient(server, FLEET_USER.username));
          return fleetFigures(
            server.pid,
            sessions,
            { devices: SIZES.fleetDevices, rounds: SIZES.fleetRounds, batch: SIZES.fleetBatch },
            Math.min(runs, 3),
            scale,
          );
        },
      );
    }
    if (kind === 'SQLite' && context && wanted('pull')) {
      await section(
        `initial pull of ${stored} records × ${runs}`,
        Object.values(pullRows(PULL_RECORDS)),
        async () => {
          const client = await signedInClient(server, PULL_USER.username);
          return initialPull(context, bundle, client, PULL_RECORDS, runs, scale);
        },
      );
    }
  } finally {
    // A failure to close must not lose the figures already measured.
    await context
      ?.close()
      .catch((error: unknown) => console.warn('[bench] closing the browser context:', error));
  }
}

try {
  if (
    wanted('writes') ||
    wanted('push') ||
    wanted('apply') ||
    wanted('pull') ||
    wanted('import') ||
    wanted('permits') ||
    wanted('incidents') ||
    wanted('contacts') ||
    wanted('packet') ||
    wanted('fleet')
  ) {
    log('starting the server on SQLite…');
    const sqlite = await startSqliteServer(BENCH_DIST);
    try {
      await serverFigures(sqlite);
    } finally {
      await sqlite.stop();
    }
  }
  if (wanted('postgres') && (wanted('push') || wanted('apply'))) {
    log('starting the server on PostgreSQL…');
    const postgres = await startPostgresServer(BENCH_DIST);
    if ('skipped' in postgres) {
      log(`PostgreSQL SKIPPED: ${postgres.skipped}`);
      if (wanted('push'))
        figures.push(skipped(pushRow('PostgreSQL', SIZES.push), `SKIPPED: ${postgres.skipped}`));
      if (wanted('apply')) figures.push(skipped(applyRow('PostgreSQL'), `SKIPPED: ${postgres.skipped}`));
    } else {
      try {
        await serverFigures(postgres);
      } finally {
        await postgres.stop();
      }
    }
  }
} finally {
  await browser?.close().catch((error: unknown) => console.warn('[bench] closing the browser:', error));
}

const cpuList = cpus();
const results: BenchResults = {
  version: RESULTS_VERSION,
  smoke,
  scale,
  startedAt: startedAt.toISOString(),
  durationSeconds: Math.round((Date.now() - startedAt.getTime()) / 1000),
  machine: {
    node: process.version,
    platform: platform(),
    cpus: cpuList.length,
    cpuModel: cpuList[0]?.model ?? 'unknown',
    chromium: chromiumVersion,
  },
  figures,
};
writeFileSync(resultsFile, `${JSON.stringify(results, null, 2)}\n`);

console.log(
  `\nHoldfast benchmark${smoke ? ' (SMOKE: tiny sizes, targets not enforced)' : ''}, BENCH_SCALE=${scale}, ${results.machine.cpus} × ${results.machine.cpuModel}, Chromium ${chromiumVersion ?? '—'}\n`,
);
console.log(renderTable(results, previous));
console.log(`\nWritten to ${resultsFile} in ${results.durationSeconds} s.`);

const failed = figures.filter((f) => f.status === 'fail');
const broken = figures.filter((f) => f.status === 'error');
if (smoke) {
  const problems = resultsProblems(JSON.parse(readFileSync(resultsFile, 'utf8')));
  const expected = 2 + lighthouseRowSpecs.length + browserRows.length + 3 + Object.keys(FLEET_ROWS).length;
  if (!only && figures.length !== expected) problems.push(`${figures.length} rows instead of ${expected}`);
  for (const row of figures.filter((f) => PROFILED_ROWS.includes(f.id) && f.status !== 'skipped'))
    if (!row.note?.includes('profile of one extra load'))
      problems.push(`${row.figure}: no profile in its note`);
  if (problems.length > 0 || broken.length > 0) {
    console.error(
      `\nSMOKE FAILED: ${[...problems, ...broken.map((f) => `${f.figure}: ${f.note ?? ''}`)].join('; ')}`,
    );
    process.exit(1);
  }
  console.log(
    '\nSmoke OK: every figure was measured (or skipped with a reason) and the results are well-formed; targets not judged.',
  );
  process.exit(0);
}
if (failed.length > 0 || broken.length > 0) {
  console.log(
    `\n${failed.length} target(s) missed${broken.length ? `, ${broken.length} figure(s) could not be measured` : ''}.`,
  );
  process.exit(1);
}
console.log('\nEvery target met.');
