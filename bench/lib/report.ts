// Printing the one results table, and comparing with the previous results file.
import type { BenchResults, FigureResult } from './results';

export function formatValue(value: number | null, unit: string): string {
  if (value === null) return '—';
  const digits = Math.abs(value) >= 100 ? 0 : Math.abs(value) >= 10 ? 1 : 2;
  const number = value.toLocaleString('en-US', { maximumFractionDigits: digits, minimumFractionDigits: 0 });
  return unit === 'x' ? `${number}x` : unit === '/s' ? `${number}/s` : `${number} ${unit}`;
}

/** "+12.3% (worse)" against the previous file's median of the same figure, or '' when not comparable. */
export function change(current: FigureResult, previous: BenchResults | null): string {
  if (!previous || current.value === null) return '';
  const before = previous.figures.find((f) => f.id === current.id);
  if (!before || before.value === null || before.value === 0) return 'new';
  const delta = (current.value - before.value) / Math.abs(before.value);
  const text = `${delta >= 0 ? '+' : ''}${(delta * 100).toFixed(1)}%`;
  if (Math.abs(delta) < 0.005) return text;
  // Lower is better for "max" targets (and for timings without one); higher for "min" targets and rates.
  const higherIsBetter = current.target
    ? current.target.kind === 'min'
    : current.unit === '/s' || current.unit === 'x';
  const better = higherIsBetter ? delta > 0 : delta < 0;
  return `${text} ${better ? 'better' : 'worse'}`;
}

function pad(text: string, width: number): string {
  return text + ' '.repeat(Math.max(0, width - [...text].length));
}

export function renderTable(results: BenchResults, previous: BenchResults | null): string {
  const comparable =
    previous !== null && previous.scale === results.scale && previous.smoke === results.smoke;
  const header = ['figure', 'median', 'min – max', 'n', 'baseline (same run)', 'target', 'result'];
  if (comparable) header.push('vs previous');
  const rows = results.figures.map((f) => {
    const row = [
      f.figure,
      formatValue(f.value, f.unit),
      f.min === null ? '—' : `${formatValue(f.min, f.unit)} – ${formatValue(f.max, f.unit)}`,
      String(f.runs.length),
      f.baseline ? `${f.baseline.label}: ${formatValue(f.baseline.value, f.baseline.unit)}` : '—',
      f.target?.text ?? '—',
      f.status === 'pass' ? 'PASS' : f.status === 'fail' ? 'FAIL' : f.status,
    ];
    if (comparable) row.push(change(f, previous));
    return row;
  });
  const widths = header.map((h, i) => Math.max([...h].length, ...rows.map((r) => [...(r[i] ?? '')].length)));
  const line = (cells: string[]) => `| ${cells.map((c, i) => pad(c, widths[i]!)).join(' | ')} |`;
  const out = [line(header), `|${widths.map((w) => '-'.repeat(w + 2)).join('|')}|`, ...rows.map(line)];
  const notes = results.figures.filter((f) => f.note).map((f) => `- ${f.figure}: ${f.note}`);
  if (notes.length > 0) out.push('', 'Notes:', ...notes);
  if (previous && !comparable) {
    out.push(
      '',
      `(Previous results were at BENCH_SCALE=${previous.scale}${previous.smoke ? ', smoke' : ''}; not compared.)`,
    );
  } else if (previous) {
    out.push('', `Compared with the previous results of ${previous.startedAt}.`);
  }
  return out.join('\n');
}
