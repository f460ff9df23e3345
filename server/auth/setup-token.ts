// The one-time link that lets the first visitor create the administrator when no user exists.
import type { ServerConfig } from '../config';
import type { Storage } from '../storage/storage';
import { hashToken, newToken } from './tokens';

export const SETUP_TOKEN_HOURS = 24;

/** Creates a new setup token (replacing any unused earlier one) if no user exists; returns it, or null. */
export async function issueSetupTokenIfNeeded(
  storage: Storage,
  config: Pick<ServerConfig, 'now'>,
): Promise<string | null> {
  return storage.transaction(async (tx) => {
    if ((await tx.users.count()) > 0) return null;
    const token = newToken();
    const now = config.now();
    await tx.setupTokens.replace(
      hashToken(token),
      now,
      new Date(now.getTime() + SETUP_TOKEN_HOURS * 3_600_000),
    );
    return token;
  });
}

export function setupLink(baseUrl: string, token: string): string {
  return `${baseUrl}/setup#token=${token}`;
}
