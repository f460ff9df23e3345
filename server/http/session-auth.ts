// Reading and writing the session cookie, and the preHandlers that require a signed-in user or an admin.
import type { FastifyReply, FastifyRequest, preHandlerAsyncHookHandler } from 'fastify';
import { canManageUsers } from '../../src/domain/users';
import { SESSION_COOKIE } from '../../src/protocol/version';
import { resolveSession, type ResolvedSession } from '../auth/sessions';
import { forbidden, unauthorized } from '../errors';
import type { AppContext } from './app-context';

declare module 'fastify' {
  interface FastifyRequest {
    /** Set by requireUser / requireAdmin (or by currentSession); null when not signed in. */
    auth: ResolvedSession | null;
  }
}

export function sessionToken(request: FastifyRequest): string | null {
  const value = request.cookies[SESSION_COOKIE];
  return typeof value === 'string' && value.length > 0 ? value : null;
}

/** The caller's valid session, or null. Cached on the request. */
export async function currentSession(
  ctx: AppContext,
  request: FastifyRequest,
): Promise<ResolvedSession | null> {
  if (request.auth) return request.auth;
  const token = sessionToken(request);
  request.auth = token ? await resolveSession(ctx.storage, ctx.config, token) : null;
  return request.auth;
}

export function requireUser(ctx: AppContext): preHandlerAsyncHookHandler {
  return async (request) => {
    if (!(await currentSession(ctx, request))) throw unauthorized();
  };
}

export function requireAdmin(ctx: AppContext): preHandlerAsyncHookHandler {
  return async (request) => {
    const auth = await currentSession(ctx, request);
    if (!auth) throw unauthorized();
    if (!canManageUsers(auth.user.role)) throw forbidden();
  };
}

/** Signed-in user of a route behind requireUser/requireAdmin. */
export function authOf(request: FastifyRequest): ResolvedSession {
  if (!request.auth) throw unauthorized();
  return request.auth;
}

function secure(ctx: AppContext, request: FastifyRequest): boolean {
  if (ctx.config.cookieSecure !== 'auto') return ctx.config.cookieSecure === 'true';
  // request.protocol honours X-Forwarded-Proto only when TRUST_PROXY is on.
  return request.protocol === 'https';
}

export function setSessionCookie(
  ctx: AppContext,
  request: FastifyRequest,
  reply: FastifyReply,
  token: string,
  expiresAt: Date,
): void {
  void reply.setCookie(SESSION_COOKIE, token, {
    httpOnly: true,
    sameSite: 'strict',
    path: '/',
    secure: secure(ctx, request),
    // Persist until the absolute timeout so a PWA restarted offline keeps its session; idle is enforced server-side.
    expires: expiresAt,
  });
}

export function clearSessionCookie(ctx: AppContext, request: FastifyRequest, reply: FastifyReply): void {
  void reply.clearCookie(SESSION_COOKIE, {
    httpOnly: true,
    sameSite: 'strict',
    path: '/',
    secure: secure(ctx, request),
  });
}
