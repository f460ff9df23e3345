// Lighthouse (lighthouse@12.2.3, its CLI in a child process) against the production build served by the
// real server: mobile preset, simulated throttling, Debian's Chromium headless with the e2e flags. Pages:
// sign-in (what a new visitor sees first) and the signed-in home page (the session cookie is sent as a
// header; the app restores the user from it, as after a wiped cache).
import { execFile } from 'node:child_process';
import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { CHROMIUM_ARGS } from '../../e2e/support/browser';
import { CHROMIUM_PATH, ROOT } from '../../e2e/support/paths';
import { figure, type FigureInput, type FigureResult, type Target } from '../lib/results';

const CLI = join(ROOT, 'node_modules', 'lighthouse', 'cli', 'index.js');
/** One Lighthouse run may take a while on a busy 2-core machine; a stuck one must not hang the bench. */
const RUN_TIMEOUT_MS = 180_000;
/** The last run's full report of each page is kept here, to read what dominates, not only the score. */
export const REPORT_DIR = join(ROOT, '.tmp', 'bench', 'lighthouse');

export interface LighthousePage {
  /** Stable id part and the label in the table. */
  id: string;
  label: string;
  path: string;
  /** Extra request headers (the session cookie for a signed-in page). */
  headers?: Record<string, string>;
}

type RowSpec = Pick<FigureInput, 'id' | 'figure' | 'unit' | 'target'>;

interface Metric {
  key: string;
  name: string;
  unit: string;
  target: Target;
  read: (lhr: LighthouseResult) => number | undefined;
}

interface LighthouseResult {
  categories: Record<string, { score: number | null } | undefined>;
  audits: Record<string, { numericValue?: number; score?: number | null; title?: string } | undefined>;
  runtimeError?: { code: string; message: string };
  runWarnings?: string[];
}

const score = (category: string) => (lhr: LighthouseResult) => {
  const value = lhr.categories[category]?.score;
  return value == null ? undefined : Math.round(value * 100);
};
const audit = (id: string) => (lhr: LighthouseResult) => lhr.audits[id]?.numericValue;

const METRICS: Metric[] = [
  {
    key: 'performance',
    name: 'Performance',
    unit: 'score',
    target: { kind: 'min', value: 98, text: '≥ 98' },
    read: score('performance'),
  },
  {
    key: 'accessibility',
    name: 'Accessibility',
    unit: 'score',
    target: { kind: 'min', value: 100, text: '100' },
    read: score('accessibility'),
  },
  {
    key: 'best-practices',
    name: 'Best Practices',
    unit: 'score',
    target: { kind: 'min', value: 100, text: '100' },
    read: score('best-practices'),
  },
  {
    key: 'lcp',
    name: 'LCP',
    unit: 'ms',
    target: { kind: 'max', value: 1500, text: '< 1.5 s' },
    read: audit('largest-contentful-paint'),
  },
  {
    key: 'tbt',
    name: 'TBT',
    unit: 'ms',
    target: { kind: 'max', value: 100, text: '< 100 ms' },
    read: audit('total-blocking-time'),
  },
  {
    key: 'cls',
    name: 'CLS',
    unit: '',
    target: { kind: 'max', value: 0.05, text: '< 0.05' },
    read: audit('cumulative-layout-shift'),
  },
];

export function lighthouseRows(pages: LighthousePage[]): RowSpec[] {
  return pages.flatMap((page) =>
    METRICS.map((metric) => ({
      id: `lighthouse-${page.id}-${metric.key}`,
      figure: `Lighthouse ${page.label}: ${metric.name}`,
      unit: metric.unit,
      target: metric.target,
    })),
  );
}

/** Lighthouse's code for a failed run ("NO_NAVSTART"), or "error" when it printed none. */
function runtimeErrorCode(error: unknown): string {
  const text = error instanceof Error ? error.message : String(error);
  return /\(([A-Z][A-Z_]+)\)/.exec(text)?.[1] ?? /lighthouse: ([A-Z][A-Z_]+) /.exec(text)?.[1] ?? 'error';
}

/** Runs the Lighthouse CLI once and returns its report (throws with its output if it failed). */
function runLighthouse(url: string, headers: Record<string, string> | undefined): Promise<LighthouseResult> {
  const args = [
    CLI,
    url,
    '--output=json',
    '--output-path=stdout',
    '--quiet',
    '--only-categories=performance,accessibility,best-practices',
    '--form-factor=mobile',
    '--throttling-method=simulate',
    `--chrome-flags=--headless=new ${CHROMIUM_ARGS.join(' ')}`,
    ...(headers ? [`--extra-headers=${JSON.stringify(headers)}`] : []),
  ];
  return new Promise((resolve, reject) => {
    execFile(
      process.execPath,
      args,
      {
        env: { ...process.env, CHROME_PATH: CHROMIUM_PATH },
        timeout: RUN_TIMEOUT_MS,
        maxBuffer: 64 * 1024 * 1024,
      },
      (error, stdout, stderr) => {
        if (error) return reject(new Error(`lighthouse failed: ${error.message}\n${stderr.slice(-2000)}`));
        try {
          const lhr = JSON.parse(stdout) as LighthouseResult;
          if (lhr.runtimeError)
            reject(new Error(`lighthouse: ${lhr.runtimeError.code} ${lhr.runtimeError.message}`));
          else resolve(lhr);
        } catch (parseError) {
          reject(
            new Error(
              `lighthouse printed no report: ${(parseError as Error).message}\n${stderr.slice(-2000)}`,
            ),
          );
        }
      },
    );
  });
}

interface AuditDetails {
  details?: { items?: Record<string, unknown>[] };
}

/**
 * Where the page's time went, from the last report's own diagnostics (a measured cause for a missed
 * Performance, LCP or TBT figure): main-thread work by kind, the scripts costing most main-thread time,
 * and the LCP element's phases.
 */
function timeBreakdown(lhr: LighthouseResult): string {
  const items = (id: string) => (lhr.audits[id] as AuditDetails | undefined)?.details?.items ?? [];
  const ms = (value: unknown) => `${Math.round(Number(value) || 0)} ms`;
  const work = items('mainthread-work-breakdown')
    .slice(0, 4)
    .map((item) => `${String(item.groupLabel ?? item.group)} ${ms(item.duration)}`);
  const scripts = items('bootup-time')
    .slice(0, 3)
    .map((item) => `${String(item.url).split('/').pop()} ${ms(item.total)} (${ms(item.scripting)} running)`);
  const lcp = (lhr.audits['largest-contentful-paint-element'] as AuditDetails | undefined)?.details?.items as
    { items?: { phase?: string; timing?: number }[] }[] | undefined;
  const phases = (lcp?.find((table) => table.items?.some((row) => row.phase))?.items ?? []).map(
    (row) => `${row.phase} ${ms(row.timing)}`,
  );
  return [
    work.length ? `main thread (simulated): ${work.join(', ')}` : '',
    scripts.length ? `scripts: ${scripts.join(', ')}` : '',
    phases.length ? `LCP phases: ${phases.join(', ')}` : '',
  ]
    .filter(Boolean)
    .join('; ');
}

/** The audits of one report that did not pass (score < 1), for the note: what to fix. */
function failedAudits(lhr: LighthouseResult, category: string): string[] {
  const refs =
    (lhr as unknown as { categories: Record<string, { auditRefs?: { id: string; weight: number }[] }> })
      .categories[category]?.auditRefs ?? [];
  return refs.filter((ref) => ref.weight > 0 && (lhr.audits[ref.id]?.score ?? 1) < 1).map((ref) => ref.id);
}

export async function lighthouseFigures(
  origin: string,
  pages: LighthousePage[],
  runs: number,
  scale: number,
): Promise<FigureResult[]> {
  const figures: FigureResult[] = [];
  for (const page of pages) {
    const reports: LighthouseResult[] = [];
    const repeated: string[] = [];
    for (let i = 0; i < runs; i++) {
      const url = new URL(page.path, origin).href;
      reports.push(
        await runLighthouse(url, page.headers).catch((error: unknown) => {
          // Lighthouse sometimes loses its own trace of the load ("Something went wrong with recording
          // the trace over your page load. Please run Lighthouse again. (NO_NAVSTART)"): one more try,
          // named in the note. A second failure is the figure's error.
          repeated.push(runtimeErrorCode(error));
          return runLighthouse(url, page.headers);
        }),
      );
    }
    const last = reports[reports.length - 1]!;
    mkdirSync(REPORT_DIR, { recursive: true });
    writeFileSync(join(REPORT_DIR, `${page.id}.json`), JSON.stringify(last));
    const rows = lighthouseRows([page]);
    METRICS.forEach((metric, i) => {
      const values = reports.map((r) => metric.read(r));
      if (values.some((v) => v === undefined))
        throw new Error(`lighthouse reported no ${metric.name} for ${page.path}`);
      const category = ['performance', 'accessibility', 'best-practices'].includes(metric.key)
        ? metric.key
        : null;
      const failing = category ? failedAudits(last, category) : [];
      figures.push(
        figure(
          {
            ...rows[i]!,
            runs: values as number[],
            note: [
              `${page.path}, mobile preset, simulated throttling, ${runs} run(s); last report: .tmp/bench/lighthouse/${page.id}.json`,
              failing.length ? `failing audits (last run): ${failing.join(', ')}` : '',
              repeated.length
                ? `${repeated.length} run(s) made again after Lighthouse failed to record them (${repeated.join(', ')})`
                : '',
              ['performance', 'lcp', 'tbt'].includes(metric.key) ? timeBreakdown(last) : '',
            ]
              .filter(Boolean)
              .join('; '),
          },
          scale,
        ),
      );
    });
  }
  return figures;
}
