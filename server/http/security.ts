// Security plugins and hooks: security headers on every response, the CSRF header and Origin checks,
// and a general per-session (or per-address) rate limit on the API.
import helmet from '@fastify/helmet';
import rateLimit from '@fastify/rate-limit';
import type { FastifyInstance, FastifyRequest } from 'fastify';
import { CSRF_HEADER, CSRF_HEADER_VALUE, SESSION_COOKIE } from '../../src/protocol/version';
import { hashToken } from '../auth/tokens';
import { ApiError } from '../errors';
import type { AppContext } from './app-context';

const CSP_DIRECTIVES = {
  'default-src': ["'self'"],
  'script-src': ["'self'"],
  'style-src': ["'self'"],
  'img-src': ["'self'", 'data:', 'blob:'],
  'connect-src': ["'self'"],
  'worker-src': ["'self'"],
  'manifest-src': ["'self'"],
  'object-src': ["'none'"],
  'base-uri': ["'none'"],
  'frame-ancestors': ["'none'"],
  'form-action': ["'self'"],
};

/** Written out by us rather than helmet, which joins directives without a space. */
export const CONTENT_SECURITY_POLICY = Object.entries(CSP_DIRECTIVES)
  .map(([name, values]) => `${name} ${values.join(' ')}`)
  .join('; ');

const STATE_CHANGING = new Set(['POST', 'PUT', 'PATCH', 'DELETE']);

export function isApiPath(url: string): boolean {
  return url === '/api' || url.startsWith('/api/') || url.startsWith('/api?');
}

function csrfProblem(request: FastifyRequest): string | null {
  if (request.headers[CSRF_HEADER] !== CSRF_HEADER_VALUE) {
    return `This request must carry the header ${CSRF_HEADER}: ${CSRF_HEADER_VALUE}.`;
  }
  const origin = request.headers.origin;
  if (origin !== undefined) {
    let originHost: string | null = null;
    try {
      originHost = new URL(origin).host;
    } catch {
      // "null" or garbage: treated as a mismatch.
    }
    // request.host honours X-Forwarded-Host only when TRUST_PROXY is on.
    if (originHost === null || originHost.toLowerCase() !== request.host.toLowerCase()) {
      return 'This request comes from another site (its Origin does not match this server).';
    }
  }
  return null;
}

export async function registerSecurity(app: FastifyInstance, ctx: AppContext): Promise<void> {
  await app.register(helmet, {
    global: true,
    contentSecurityPolicy: false,
    referrerPolicy: { policy: 'no-referrer' },
    // Match frame-ancestors 'none' for old browsers that only know X-Frame-Options.
    xFrameOptions: { action: 'deny' },
    // The app is same-origin only; nothing embeds it cross-origin.
    crossOriginResourcePolicy: { policy: 'same-origin' },
  });

  app.addHook('onRequest', async (request, reply) => {
    void reply.header('content-security-policy', CONTENT_SECURITY_POLICY);
    // API answers carry personal data: no browser or proxy cache may keep them.
    if (isApiPath(request.url)) void reply.header('cache-control', 'no-store');
  });

  app.addHook('onRequest', async (request) => {
    if (!STATE_CHANGING.has(request.method) || !isApiPath(request.url)) return;
    const problem = csrfProblem(request);
    if (problem) {
      request.log.warn(
        { ip: request.ip, url: request.url, origin: request.headers.origin },
        'csrf check failed',
      );
      throw new ApiError(403, 'csrf', problem);
    }
  });

  await app.register(rateLimit, {
    global: true,
    max: ctx.config.apiRateLimitPerMinute,
    timeWindow: 60_000,
    allowList: (request) => !isApiPath(request.url),
    keyGenerator: (request) => {
      const token = request.cookies?.[SESSION_COOKIE];
      // Hash so raw session tokens never sit in the limiter's memory.
      return token ? `session:${hashToken(token)}` : `ip:${request.ip}`;
    },
    errorResponseBuilder: (_request, context) =>
      new ApiError(
        429,
        'rate_limited',
        'Too many requests. Wait a moment and try again.',
        undefined,
        Math.max(1, Math.ceil(context.ttl / 1000)),
      ),
  });
}
