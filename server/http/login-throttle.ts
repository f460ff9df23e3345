// Counts failed logins per account and per address in the database (so the limit holds across processes)
// and refuses further attempts while either count is over its limit in the window.
import type { ServerConfig } from '../config';
import { ApiError } from '../errors';
import type { StorageStores } from '../storage/storage';

type ThrottleConfig = Pick<
  ServerConfig,
  'now' | 'loginMaxFailuresPerAccount' | 'loginMaxFailuresPerAddress' | 'loginFailureWindowMinutes'
>;

export function throttleKeys(username: string, ip: string): { account: string; address: string } {
  return { account: `account:${username}`, address: `ip:${ip}` };
}

/** Throws 429 with retryAfter (seconds) when the account or the address has too many recent failures. */
export async function checkLoginThrottle(
  stores: StorageStores,
  config: ThrottleConfig,
  keys: { account: string; address: string },
): Promise<void> {
  const now = config.now().getTime();
  const windowMs = config.loginFailureWindowMinutes * 60_000;
  const since = new Date(now - windowMs);
  const [account, address] = await Promise.all([
    stores.loginFailures.stats(keys.account, since),
    stores.loginFailures.stats(keys.address, since),
  ]);
  const blocked =
    account.count >= config.loginMaxFailuresPerAccount
      ? account
      : address.count >= config.loginMaxFailuresPerAddress
        ? address
        : null;
  if (!blocked) return;
  // The block eases when the oldest counted failure leaves the window.
  const oldest = blocked.oldest?.getTime() ?? now;
  const retryAfter = Math.max(1, Math.ceil((oldest + windowMs - now) / 1000));
  throw new ApiError(
    429,
    'rate_limited',
    `Too many failed sign-in attempts. Try again in ${Math.ceil(retryAfter / 60)} minute(s).`,
    undefined,
    retryAfter,
  );
}

export async function recordLoginFailure(
  stores: StorageStores,
  config: ThrottleConfig,
  keys: { account: string; address: string },
): Promise<void> {
  const now = config.now();
  await stores.loginFailures.record(keys.account, now);
  await stores.loginFailures.record(keys.address, now);
  // Keep the table small; anything older than the window no longer counts.
  if (Math.random() < 0.05) {
    await stores.loginFailures.prune(new Date(now.getTime() - config.loginFailureWindowMinutes * 60_000));
  }
}
