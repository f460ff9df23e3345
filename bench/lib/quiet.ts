// Waits until the machine is quiet before a part of the bench starts, so one part's leftovers (the browser
// compacting or deleting the 100,000-permit databases of the part before, a server finishing its
// checkpoints) are not measured as the next part's time. Quiet: the whole machine's CPU (Linux /proc/stat)
// under `threshold` busy in `needed` consecutive windows of `windowMs`; it gives up waiting after `capMs`
// and says so. Off /proc (another OS) it does not wait.
import { readFileSync } from 'node:fs';

interface CpuTimes {
  busy: number;
  total: number;
}

function cpuTimes(): CpuTimes | null {
  try {
    const line = readFileSync('/proc/stat', 'utf8').split('\n')[0] ?? '';
    const fields = line.trim().split(/\s+/).slice(1).map(Number);
    const idle = (fields[3] ?? 0) + (fields[4] ?? 0); // idle + iowait
    const total = fields.reduce((sum, value) => sum + value, 0);
    return { busy: total - idle, total };
  } catch {
    return null;
  }
}

/** Busy share of all CPUs between two readings, 0 to 1. */
export function busyShare(before: CpuTimes, after: CpuTimes): number {
  const total = after.total - before.total;
  return total > 0 ? (after.busy - before.busy) / total : 0;
}

export interface QuietResult {
  waitedMs: number;
  quiet: boolean;
}

export async function waitForQuiet({
  threshold = 0.1,
  windowMs = 500,
  needed = 2,
  capMs = 30_000,
} = {}): Promise<QuietResult> {
  const start = Date.now();
  let previous = cpuTimes();
  if (!previous) return { waitedMs: 0, quiet: true };
  let calm = 0;
  while (Date.now() - start < capMs) {
    await new Promise((resolve) => setTimeout(resolve, windowMs));
    const now = cpuTimes()!;
    calm = busyShare(previous, now) < threshold ? calm + 1 : 0;
    previous = now;
    if (calm >= needed) return { waitedMs: Date.now() - start, quiet: true };
  }
  return { waitedMs: Date.now() - start, quiet: false };
}
