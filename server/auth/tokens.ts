// Random bearer tokens (session cookies, setup links) and the hashes stored in their place.
import crypto from 'node:crypto';

/** 32 random bytes, base64url: what the browser or the printed link holds. */
export function newToken(): string {
  return crypto.randomBytes(32).toString('base64url');
}

/** sha256 hex: what the database holds, so a leaked database row cannot be replayed as a cookie. */
export function hashToken(token: string): string {
  return crypto.createHash('sha256').update(token, 'utf8').digest('hex');
}
