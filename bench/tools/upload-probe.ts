// `npx tsx bench/tools/upload-probe.ts`: does Chromium upload a string request body slower than a Blob
// when no DevTools client is attached? A bare Node server serves a page that POSTs the same ~560 kB JSON
// body 20 times as a string and 20 times as a Blob (twice each, the first round warming up), and
// reports the times back; Chromium runs headless from the command line, without Playwright. The push
// figure sends Blobs because, under Playwright, string bodies are copied out to it (bench/README.md).
import { spawn } from 'node:child_process';
import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import { CHROMIUM_PATH } from '../../e2e/support/paths';

const PAGE = `<!doctype html><title>upload probe</title><script>
const body = JSON.stringify({ x: Array.from({ length: 5000 }, (_, i) => ({ i, t: 'word '.repeat(18) + i })) });
async function run(kind) {
  const start = performance.now();
  for (let i = 0; i < 20; i++) {
    const init = { method: 'POST', headers: { 'content-type': 'application/json' } };
    init.body = kind === 'blob' ? new Blob([body], { type: 'application/json' }) : body;
    await (await fetch('/post', init)).text();
  }
  return Math.round(performance.now() - start);
}
(async () => {
  const times = [];
  for (const kind of ['string', 'blob', 'string', 'blob']) times.push(kind + ' ' + (await run(kind)) + ' ms');
  await fetch('/result', { method: 'POST', body: body.length + ' bytes, 20 posts each: ' + times.join(', ') });
})();
</script>`;

const result = await new Promise<string>((resolve, reject) => {
  const server = createServer((request, response) => {
    if (request.method === 'GET') {
      response.setHeader('content-type', 'text/html');
      response.end(PAGE);
      return;
    }
    const parts: Buffer[] = [];
    request.on('data', (chunk: Buffer) => parts.push(chunk));
    request.on('end', () => {
      response.end('ok');
      if (request.url !== '/result') return;
      browser.kill();
      server.close();
      resolve(Buffer.concat(parts).toString());
    });
  });
  let browser: ReturnType<typeof spawn>;
  server.listen(0, '127.0.0.1', () => {
    const { port } = server.address() as AddressInfo;
    browser = spawn(
      CHROMIUM_PATH,
      ['--headless', '--no-sandbox', '--disable-gpu', `http://127.0.0.1:${port}/`],
      {
        stdio: 'ignore',
      },
    );
    browser.on('error', reject);
  });
  setTimeout(() => reject(new Error('no result within 60 s')), 60_000).unref();
});
console.log(`Chromium without DevTools: ${result} (the first string and Blob rounds warm up)`);
