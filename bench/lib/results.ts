// The benchmark's result format (bench/results.json), its checks, and the figure rows' pass/fail rules.
import { median } from './stats';

export const RESULTS_VERSION = 1;

export interface Target {
  /** `max`: the value must be below `value`; `min`: at least `value`. */
  kind: 'max' | 'min';
  value: number;
  /** As printed, e.g. "< 60 KiB" or ">= 0.5x put". */
  text: string;
}

export interface Baseline {
  /** What was measured in the same run for comparison, e.g. "raw put, 1 per tx". */
  label: string;
  /** Median over the same runs, in `unit`. */
  value: number;
  unit: string;
}

/** `error`: the figure could not be measured because something broke (the note says what). */
export type FigureStatus = 'pass' | 'fail' | 'info' | 'skipped' | 'n/a' | 'error';

export interface FigureResult {
  /** Stable key; comparisons with an earlier results file match on it. */
  id: string;
  figure: string;
  unit: string;
  /** Median of `runs` (null when skipped). */
  value: number | null;
  min: number | null;
  max: number | null;
  runs: number[];
  baseline: Baseline | null;
  target: Target | null;
  status: FigureStatus;
  note?: string;
}

export interface BenchResults {
  version: number;
  smoke: boolean;
  scale: number;
  startedAt: string;
  durationSeconds: number;
  machine: { node: string; platform: string; cpus: number; cpuModel: string; chromium: string | null };
  figures: FigureResult[];
}

export interface FigureInput {
  id: string;
  figure: string;
  unit: string;
  runs: number[];
  baseline?: Baseline | null;
  target?: Target | null;
  /** The target is stated for full size (e.g. "10,000 mutations"); at another BENCH_SCALE it is not judged. */
  sizeDependent?: boolean;
  note?: string;
}

/** A measured row: median/min/max of the runs and pass/fail against the target. */
export function figure(input: FigureInput, scale: number): FigureResult {
  if (input.runs.length === 0 || input.runs.some((v) => !Number.isFinite(v))) {
    throw new Error(`figure ${input.id} has no valid runs: ${JSON.stringify(input.runs)}`);
  }
  const value = median(input.runs);
  const target = input.target ?? null;
  let status: FigureStatus = 'info';
  if (target && input.sizeDependent && scale !== 1) status = 'n/a';
  else if (target) status = meets(value, target) ? 'pass' : 'fail';
  return {
    id: input.id,
    figure: input.figure,
    unit: input.unit,
    value,
    min: Math.min(...input.runs),
    max: Math.max(...input.runs),
    runs: input.runs,
    baseline: input.baseline ?? null,
    target,
    status,
    ...(input.note ? { note: input.note } : {}),
  };
}

/** A row that could not be measured on this machine (e.g. no PostgreSQL), with the reason. */
export function skipped(
  input: Pick<FigureInput, 'id' | 'figure' | 'unit' | 'target'>,
  reason: string,
): FigureResult {
  return {
    id: input.id,
    figure: input.figure,
    unit: input.unit,
    value: null,
    min: null,
    max: null,
    runs: [],
    baseline: null,
    target: input.target ?? null,
    status: 'skipped',
    note: reason,
  };
}

export function meets(value: number, target: Target): boolean {
  return target.kind === 'max' ? value < target.value : value >= target.value;
}

/** A row whose measurement threw: reported (and failing the run), so the other figures still print. */
export function errored(
  input: Pick<FigureInput, 'id' | 'figure' | 'unit' | 'target'>,
  error: unknown,
): FigureResult {
  const message = error instanceof Error ? error.message : String(error);
  return { ...skipped(input, `error: ${message.split('\n')[0]}`), status: 'error' };
}

/** Problems with a results file's shape (empty when well-formed). Used by the smoke run and on load. */
export function resultsProblems(data: unknown): string[] {
  const problems: string[] = [];
  const isObject = (v: unknown): v is Record<string, unknown> => typeof v === 'object' && v !== null;
  if (!isObject(data)) return ['not a JSON object'];
  if (data.version !== RESULTS_VERSION) problems.push(`version is not ${RESULTS_VERSION}`);
  if (typeof data.scale !== 'number' || !(data.scale > 0)) problems.push('scale is not a positive number');
  if (typeof data.smoke !== 'boolean') problems.push('smoke is not a boolean');
  if (!Array.isArray(data.figures) || data.figures.length === 0) return [...problems, 'no figures'];
  const ids = new Set<string>();
  for (const [i, f] of (data.figures as unknown[]).entries()) {
    const at = `figures[${i}]`;
    if (!isObject(f)) {
      problems.push(`${at} is not an object`);
      continue;
    }
    if (typeof f.id !== 'string' || ids.has(f.id)) problems.push(`${at}.id is missing or repeated`);
    ids.add(String(f.id));
    if (typeof f.figure !== 'string' || typeof f.unit !== 'string') problems.push(`${at} lacks figure/unit`);
    const statuses = ['pass', 'fail', 'info', 'skipped', 'n/a', 'error'];
    if (!statuses.includes(String(f.status))) problems.push(`${at}.status is ${String(f.status)}`);
    if (!Array.isArray(f.runs)) problems.push(`${at}.runs is not a list`);
    if (f.status === 'skipped' || f.status === 'error') {
      if (typeof f.note !== 'string') problems.push(`${at} is ${String(f.status)} without a reason`);
      continue;
    }
    for (const key of ['value', 'min', 'max'] as const) {
      if (typeof f[key] !== 'number' || !Number.isFinite(f[key]))
        problems.push(`${at}.${key} is not a number`);
    }
    if (typeof f.min === 'number' && typeof f.max === 'number' && typeof f.value === 'number') {
      if (!(f.min <= f.value && f.value <= f.max)) problems.push(`${at}: value is not within min..max`);
    }
    if (f.target !== null && (!isObject(f.target) || typeof f.target.value !== 'number'))
      problems.push(`${at}.target is malformed`);
  }
  return problems;
}
