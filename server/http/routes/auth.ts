// Sign-in, sign-out and "who am I". Failed sign-ins are throttled per account and per address
// before the password is even checked, and unknown users cost the same hashing time as known ones.
import type { FastifyInstance, FastifyRequest } from 'fastify';
import { normalizeUsername } from '../../../src/domain/users';
import type { LoginRequest, SessionInfo } from '../../../src/protocol/api';
import { hashPassword, needsRehash, verifyPassword } from '../../auth/passwords';
import { sessionInfo, startSession } from '../../auth/sessions';
import { ApiError, unauthorized } from '../../errors';
import { audit } from '../../users/user-admin';
import type { AppContext } from '../app-context';
import { checkLoginThrottle, recordLoginFailure, throttleKeys } from '../login-throttle';
import { loginBodySchema } from '../schemas';
import { clearSessionCookie, currentSession, sessionToken, setSessionCookie } from '../session-auth';

/** GET /api/auth/me without a session cookie. (Belongs in src/protocol/api.ts next to SessionInfo.) */
export interface SignedOut {
  user: null;
}

export function clientOf(request: FastifyRequest): { userAgent: string | null; ip: string } {
  return { userAgent: request.headers['user-agent'] ?? null, ip: request.ip };
}

export function registerAuthRoutes(app: FastifyInstance, ctx: AppContext): void {
  const { config, storage } = ctx;
  // A real hash to verify against when the username is unknown, so both paths take the same time.
  const dummyHash = hashPassword('holdfast-dummy-password');
  dummyHash.catch(() => undefined);

  app.post<{ Body: LoginRequest }>(
    '/api/auth/login',
    { schema: { body: loginBodySchema } },
    async (request, reply) => {
      const username = normalizeUsername(request.body.username);
      const { ip, userAgent } = clientOf(request);
      const keys = throttleKeys(username, ip);
      try {
        await checkLoginThrottle(storage, config, keys);
      } catch (error) {
        request.log.warn({ username, ip }, 'login refused: too many failures');
        throw error;
      }

      const user = await storage.users.getByUsername(username);
      const valid = await verifyPassword(request.body.password, user?.passwordHash ?? (await dummyHash));
      if (!user || !valid) {
        await recordLoginFailure(storage, config, keys);
        request.log.warn({ username, ip }, 'login failed: wrong username or password');
        await audit(storage, config, { userId: user?.id ?? null, via: 'api' }, 'login.failed', {
          username,
          ip,
        });
        throw new ApiError(401, 'invalid_credentials', 'Wrong username or password.');
      }
      if (user.disabled) {
        request.log.warn({ username, ip }, 'login refused: account disabled');
        await audit(storage, config, { userId: user.id, via: 'api' }, 'login.disabled', { username, ip });
        throw new ApiError(403, 'account_disabled', 'This account is disabled. Ask an administrator.');
      }

      // Hash outside the transaction: hashing is slow and must not hold a database lock.
      const rehash = needsRehash(user.passwordHash) ? await hashPassword(request.body.password) : undefined;
      const { token, session } = await storage.transaction(async (tx) => {
        await tx.loginFailures.clear(keys.account);
        const started = await startSession(tx, config, user.id, { userAgent, ip });
        await tx.users.update(
          user.id,
          { lastLoginAt: started.session.createdAt, passwordHash: rehash },
          config.now(),
        );
        await audit(tx, config, { userId: user.id, via: 'api' }, 'login', { username, ip });
        return started;
      });
      request.log.info({ username, ip }, 'login');
      setSessionCookie(ctx, request, reply, token, session.expiresAt);
      return sessionInfo(config, user, session) satisfies SessionInfo;
    },
  );

  app.post('/api/auth/logout', async (request, reply) => {
    const auth = await currentSession(ctx, request);
    if (auth) {
      await storage.transaction(async (tx) => {
        await tx.sessions.end(auth.session.id, config.now());
        await audit(tx, config, { userId: auth.user.id, via: 'api' }, 'logout', { ip: request.ip });
      });
    }
    clearSessionCookie(ctx, request, reply);
    return reply.code(204).send();
  });

  // A visitor who sends no session cookie is simply signed out: 200 { user: null }, not an error (browsers
  // log every 4xx in the console). A cookie that no longer opens a session gets the 401 of any other route:
  // that session ended, and the app asks its user to sign in again.
  app.get('/api/auth/me', async (request): Promise<SessionInfo | SignedOut> => {
    if (!sessionToken(request)) return { user: null };
    const auth = await currentSession(ctx, request);
    if (!auth) throw unauthorized();
    return sessionInfo(config, auth.user, auth.session);
  });
}
