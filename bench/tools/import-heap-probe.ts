// `npx tsx bench/tools/import-heap-probe.ts [rows …]`: what a permit import keeps alive, as opposed to the
// garbage it has not collected yet. The bench's heap rows sample the used heap (what a device holds, garbage
// included); this probe forces a full GC before every sample (CDP HeapProfiler.collectGarbage, every
// 250 ms), so its peak is the live heap: what grows with the rows. Both ways of importing (the page's
// chunked one and the old one holding every row) at each size, in the bench bundle, in headless Chromium
// on a bare local page; no server (the session is made up: only its user's id, role and departments count).
// PROBE_FLOWS=chunked and PROBE_HEAPS=used pick some of the runs.
import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { ROOT } from '../../e2e/support/paths';
import { launchBrowser } from '../lib/browser';
import { buildBrowserBundle } from '../lib/build';

const sizes = process.argv.slice(2).map(Number);
const rows = sizes.length > 0 ? sizes : [5026, 50_000];
const csvText = readFileSync(join(ROOT, 'e2e', 'fixtures', 'burlington-permits.csv'), 'utf8');
const session = {
  user: { id: 'probe', username: 'probe', name: 'Probe', role: 'clerk', departments: ['building'] },
};

const bundle = await buildBrowserBundle();
const server = createServer((_request, response) => {
  response.setHeader('content-type', 'text/html');
  response.end('<!doctype html><title>import heap probe</title>');
});
await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
const { port } = server.address() as AddressInfo;
const browser = await launchBrowser();
try {
  const context = await browser.newContext();
  const page = await context.newPage();
  await page.goto(`http://127.0.0.1:${port}/`);
  await page.evaluate(bundle);
  const cdp = await context.newCDPSession(page);
  const call = (name: string, arg: unknown) =>
    page.evaluate(
      ([fn, a]) =>
        (globalThis as unknown as { holdfastBench: Record<string, (x: unknown) => unknown> }).holdfastBench[
          fn
        ]!(a),
      [name, arg] as const,
    );
  const heap = async (collect: boolean) => {
    if (collect) await cdp.send('HeapProfiler.collectGarbage');
    return ((await cdp.send('Runtime.getHeapUsage')) as { usedSize: number }).usedSize / 1e6;
  };
  const flows = (process.env.PROBE_FLOWS ?? 'chunked,held').split(',');
  const heaps = (process.env.PROBE_HEAPS ?? 'used,live').split(',');
  for (const flow of flows)
    for (const count of rows) {
      for (const collect of heaps.map((h) => h === 'live')) {
        const empty = await heap(true);
        await call('permitImportPrepare', { csvText, rows: count });
        const idle = await heap(true);
        let peak = idle;
        let samples = 0;
        let running = true;
        const sampler = (async () => {
          while (running) {
            peak = Math.max(peak, await heap(collect));
            samples++;
            await new Promise((resolve) => setTimeout(resolve, collect ? 250 : 50));
          }
        })();
        const start = performance.now();
        const result = (await call('permitImportFigure', { session, flow })) as {
          database: string;
          parseMs: number;
          planMs: number;
          writeMs: number;
        };
        const ms = performance.now() - start;
        running = false;
        await sampler;
        await call('permitImportBaseline', { database: result.database, dropOnly: true });
        await call('permitImportRelease', null);
        console.log(
          `${flow.padEnd(7)} ${String(count).padStart(6)} rows: ${collect ? 'live' : 'used'} peak over idle ${(peak - idle).toFixed(1)} MB (${samples} samples, ${(ms / 1000).toFixed(1)} s: parse ${result.parseMs.toFixed(0)} ms, plan ${result.planMs.toFixed(0)} ms, write ${result.writeMs.toFixed(0)} ms; text ${(idle - empty).toFixed(1)} MB)`,
        );
      }
    }
} finally {
  await browser.close();
  server.close();
}
