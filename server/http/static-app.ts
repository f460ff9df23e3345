// Serves the built PWA: hashed /assets/ files are cached forever, everything else is revalidated, text
// files go out precompressed (brotli or gzip) when the browser accepts it, and unknown non-API paths
// that want HTML get index.html (client-side routing).
import fs from 'node:fs';
import path from 'node:path';
import fastifyStatic from '@fastify/static';
import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import type { AppContext } from './app-context';

export const IMMUTABLE = 'public, max-age=31536000, immutable';
export const NO_CACHE = 'no-cache';

const NOT_BUILT = `<!doctype html>
<html lang="en"><head><meta charset="utf-8"><title>Holdfast is not built</title></head>
<body><h1>Holdfast is not built yet</h1>
<p>The server is running, but the app files are missing. Run <code>npm run build</code>, then restart the server.</p>
</body></html>
`;

export async function registerStaticApp(app: FastifyInstance, ctx: AppContext): Promise<void> {
  const root = ctx.config.staticDir;
  const assetsDir = path.join(root, 'assets') + path.sep;
  if (!fs.existsSync(root) || !fs.statSync(root).isDirectory()) {
    app.log.warn({ staticDir: root }, 'STATIC_DIR does not exist; the app is not served (run npm run build)');
    return;
  }
  await app.register(fastifyStatic, {
    root,
    prefix: '/',
    index: ['index.html'],
    redirect: false,
    cacheControl: false,
    // The build writes file.br and file.gz beside each text file (vite.config.ts): sent to browsers that
    // accept them, with the same cache headers as the file itself.
    preCompressed: true,
    // Only the hashed build output may be cached for good; sw.js, index.html and the manifest must revalidate.
    setHeaders: (res, filePath) => {
      res.setHeader('cache-control', filePath.startsWith(assetsDir) ? IMMUTABLE : NO_CACHE);
      // The body depends on Accept-Encoding (precompressed copies): a shared cache must keep them apart.
      res.setHeader('vary', 'accept-encoding');
    },
  });
}

/** The non-API not-found path: SPA fallback for HTML navigations, a 503 page when the app is not built. */
export async function serveAppFallback(
  ctx: AppContext,
  request: FastifyRequest,
  reply: FastifyReply,
): Promise<FastifyReply> {
  const isRead = request.method === 'GET' || request.method === 'HEAD';
  if (!isRead) return reply.code(404).type('text/plain; charset=utf-8').send('Not found\n');
  const indexFile = path.join(ctx.config.staticDir, 'index.html');
  if (!fs.existsSync(indexFile)) {
    return reply.code(503).header('cache-control', NO_CACHE).type('text/html; charset=utf-8').send(NOT_BUILT);
  }
  const wantsHtml = (request.headers.accept ?? '').includes('text/html');
  if (!wantsHtml) return reply.code(404).type('text/plain; charset=utf-8').send('Not found\n');
  return reply.header('cache-control', NO_CACHE).sendFile('index.html');
}
