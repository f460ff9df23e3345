// Repeats a measurement `runs` times, unless the runs would blow the figure's time budget: a figure far
// off its target then reports fewer runs (and says so) rather than making the whole bench take an hour.
export interface Repeated<T> {
  results: T[];
  /** Why fewer than the asked-for runs were made, or null. */
  shortened: string | null;
}

export async function repeat<T>(
  runs: number,
  budgetSeconds: number,
  once: (run: number) => Promise<T>,
): Promise<Repeated<T>> {
  const results: T[] = [];
  const start = performance.now();
  for (let run = 0; run < runs; run += 1) {
    results.push(await once(run));
    const elapsed = (performance.now() - start) / 1000;
    const perRun = elapsed / results.length;
    if (run + 1 < runs && elapsed + perRun > budgetSeconds) {
      return {
        results,
        shortened: `ONLY ${results.length} of ${runs} runs: one run takes ${perRun.toFixed(0)} s, and this figure's time budget is ${budgetSeconds} s`,
      };
    }
  }
  return { results, shortened: null };
}

/** Joins note parts, skipping empty ones. */
export function notes(...parts: (string | null | undefined | false)[]): string {
  return parts.filter(Boolean).join('; ');
}
