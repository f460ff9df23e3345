// Session rules: a random cookie token, stored only as its hash, with an idle and an absolute timeout.
// A session is valid only while it is not ended, not expired, recently used, and its user is enabled.
import type { UserProfile } from '../../src/domain/users';
import type { SessionInfo } from '../../src/protocol/api';
import type { ServerConfig } from '../config';
import type { ActiveWindow, SessionRecord, StorageStores, UserRecord } from '../storage/storage';
import { hashToken, newToken } from './tokens';

/** last_seen_at is written at most this often per session, to keep reads cheap. */
export const TOUCH_INTERVAL_MS = 60_000;

type SessionConfig = Pick<ServerConfig, 'sessionIdleMinutes' | 'sessionAbsoluteHours' | 'now'>;

export interface ResolvedSession {
  user: UserRecord;
  session: SessionRecord;
}

export function activeWindow(config: SessionConfig, now = config.now()): ActiveWindow {
  return { now, idleCutoff: new Date(now.getTime() - config.sessionIdleMinutes * 60_000) };
}

export async function startSession(
  stores: StorageStores,
  config: SessionConfig,
  userId: string,
  client: { userAgent: string | null; ip: string | null },
): Promise<{ token: string; session: SessionRecord }> {
  const token = newToken();
  const now = config.now();
  const session: SessionRecord = {
    id: hashToken(token),
    userId,
    createdAt: now,
    lastSeenAt: now,
    expiresAt: new Date(now.getTime() + config.sessionAbsoluteHours * 3_600_000),
    endedAt: null,
    userAgent: client.userAgent?.slice(0, 512) ?? null,
    ip: client.ip,
  };
  await stores.sessions.create(session);
  return { token, session };
}

/** Looks the cookie token up and applies every validity rule; touches last_seen_at when due. */
export async function resolveSession(
  stores: StorageStores,
  config: SessionConfig,
  token: string,
): Promise<ResolvedSession | null> {
  if (token.length === 0 || token.length > 128) return null;
  const session = await stores.sessions.get(hashToken(token));
  if (!session || session.endedAt) return null;
  const { now, idleCutoff } = activeWindow(config);
  if (session.expiresAt <= now || session.lastSeenAt <= idleCutoff) return null;
  const user = await stores.users.getById(session.userId);
  if (!user || user.disabled) return null;
  if (now.getTime() - session.lastSeenAt.getTime() >= TOUCH_INTERVAL_MS) {
    await stores.sessions.touch(session.id, now);
    session.lastSeenAt = now;
  }
  return { user, session };
}

export function toProfile(user: UserRecord): UserProfile {
  return {
    id: user.id,
    username: user.username,
    displayName: user.displayName,
    role: user.role,
    departments: user.departments,
    disabled: user.disabled,
  };
}

export function sessionInfo(config: SessionConfig, user: UserRecord, session: SessionRecord): SessionInfo {
  return {
    user: toProfile(user),
    session: {
      expiresAt: session.expiresAt.toISOString(),
      idleTimeoutSeconds: config.sessionIdleMinutes * 60,
    },
  };
}
