// BENCH_PROFILE=<dir>: one extra, unmeasured load of a page-load figure runs under Chromium's sampling CPU
// profiler (CDP Profiler domain). The profile is written to <dir>/<name>.cpuprofile (open it in Chromium's
// DevTools, Performance panel) and summarised in the figure's note: where the main thread's time went
// between the new document's first script and the figure's end mark, by script file and by function. This
// is how a missed page-load target gets its measured cause (issue 9, acceptance 3) rather than a guess.
//
// No Node-only imports here: the figure files that use it are also bundled for the page. The files are
// written by bench/lib/profiler.ts (Node), which run.ts hands to the figures.
import type { Page } from 'playwright-core';

interface CallFrame {
  functionName: string;
  url: string;
  lineNumber: number;
}
interface ProfileNode {
  id: number;
  callFrame: CallFrame;
  children?: number[];
}
export interface CpuProfile {
  nodes: ProfileNode[];
  startTime: number;
  endTime: number;
  samples: number[];
  timeDeltas: number[];
}

/** The file a URL names, without its content hash (`storage-D0-76bOK.js` → `storage.js`). */
function scriptName(url: string): string {
  if (!url) return '';
  const file = url.split('/').pop() ?? url;
  return file.replace(/-[\w-]{8}(\.\w+)$/, '$1');
}

const NATIVE: Record<string, string> = {
  '(program)': 'browser native work (parse, compile, style, layout, IPC)',
  '(garbage collector)': 'garbage collection',
  '(idle)': 'idle (waiting: network, IndexedDB, timers)',
};

export interface ProfileSummary {
  /** Sampled time on the main thread up to the end mark, ms. */
  totalMs: number;
  /** Self time by script file (JavaScript) or by native category, largest first. */
  byScript: { name: string; ms: number }[];
  /** Self time of the heaviest JavaScript functions. */
  topFunctions: { name: string; ms: number }[];
}

/** Self time per script and per function: a summary a person can read in the bench's notes. */
export function summarise(profile: CpuProfile): ProfileSummary {
  const nodes = new Map(profile.nodes.map((node) => [node.id, node]));
  const byScript = new Map<string, number>();
  const byFunction = new Map<string, number>();
  let at = profile.startTime;
  let total = 0;
  for (let i = 0; i < profile.samples.length; i++) {
    at += profile.timeDeltas[i] ?? 0;
    const next = at + (profile.timeDeltas[i + 1] ?? 0);
    const ms = (next - at) / 1000;
    const frame = nodes.get(profile.samples[i]!)?.callFrame;
    if (!frame) continue;
    total += ms;
    const native = NATIVE[frame.functionName];
    const script = native ?? (scriptName(frame.url) || `${frame.functionName} (browser API)`);
    byScript.set(script, (byScript.get(script) ?? 0) + ms);
    if (!native && frame.url) {
      const name = `${frame.functionName || '(anonymous)'} ${scriptName(frame.url)}:${frame.lineNumber + 1}`;
      byFunction.set(name, (byFunction.get(name) ?? 0) + ms);
    }
  }
  const sorted = (map: Map<string, number>) =>
    [...map].map(([name, ms]) => ({ name, ms })).sort((a, b) => b.ms - a.ms);
  return { totalMs: total, byScript: sorted(byScript), topFunctions: sorted(byFunction).slice(0, 5) };
}

/** One line for a figure's note. */
export function profileNote(name: string, summary: ProfileSummary, file: string): string {
  const parts = summary.byScript
    .filter((s) => s.ms >= 1)
    .slice(0, 8)
    .map((s) => `${s.name} ${s.ms.toFixed(0)}`);
  const fns = summary.topFunctions.map((f) => `${f.name} ${f.ms.toFixed(1)}`);
  return `profile of one extra load (${name}, ${summary.totalMs.toFixed(0)} ms sampled, ms of self time): ${parts.join(', ')}; heaviest functions: ${fns.join(', ')}; ${file}`;
}

/** Installed on the page for the next document: profiles from its first script to the end mark. */
function profilingScript(selector: string): string {
  return `(() => {
  console.profile('holdfast-bench');
  const done = () => document.querySelector(${JSON.stringify(selector)});
  const observer = new MutationObserver(() => {
    if (!done()) return;
    observer.disconnect();
    console.profileEnd('holdfast-bench');
  });
  observer.observe(document, { childList: true, subtree: true });
})();`;
}

/** Profiles one page load (see captureProfile) and returns a line for the figure's note. */
export type ProfileLoad = (
  page: Page,
  name: string,
  selector: string,
  load: () => Promise<unknown>,
) => Promise<string>;

/**
 * Runs `load` (a navigation of `page` and the wait for its end mark) with the sampling profiler on from the
 * new document's first script (a script evaluated on new documents calls console.profile) until the first
 * element matching `selector` is in the DOM (console.profileEnd from a MutationObserver, so the window
 * ends at the mark itself, not when the bench notices it). What happens before the document exists (the
 * request, the old document's unload) is not in it.
 */
export async function captureProfile(
  page: Page,
  selector: string,
  load: () => Promise<unknown>,
): Promise<CpuProfile> {
  const cdp = await page.context().newCDPSession(page);
  try {
    await cdp.send('Profiler.enable');
    await cdp.send('Profiler.setSamplingInterval', { interval: 100 });
    await cdp.send('Page.enable');
    const finished = new Promise<CpuProfile>((resolve) =>
      cdp.once('Profiler.consoleProfileFinished', (event) => resolve(event.profile as CpuProfile)),
    );
    const { identifier } = await cdp.send('Page.addScriptToEvaluateOnNewDocument', {
      source: profilingScript(selector),
    });
    try {
      await load();
    } finally {
      await cdp.send('Page.removeScriptToEvaluateOnNewDocument', { identifier });
    }
    let timer: ReturnType<typeof setTimeout> | undefined;
    const timeout = new Promise<never>((_, reject) => {
      timer = setTimeout(() => reject(new Error(`no profile: ${selector} never appeared`)), 30_000);
    });
    return await Promise.race([finished, timeout]).finally(() => clearTimeout(timer));
  } finally {
    await cdp.detach().catch(() => undefined);
  }
}
