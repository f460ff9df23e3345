// Turns any failed call into a plain-language sentence from the catalog.
import type { Translate } from '../i18n/use-t';
import { ApiError, NetworkError } from './api-error';

export function errorMessage(t: Translate, error: unknown): string {
  if (error instanceof NetworkError)
    return t(error.kind === 'offline' ? 'error.offline' : 'error.unreachable');
  if (!(error instanceof ApiError)) return t('error.generic');
  switch (error.code) {
    case 'rate_limited':
      return t('error.rateLimited', { count: minutesToWait(error.retryAfter) });
    case 'unauthorized':
      return t('error.unauthorized');
    case 'forbidden':
      return t('error.forbidden');
    case 'conflict':
      return t('error.conflict');
    case 'not_found':
      return t('error.notFound');
    default:
      return t('error.generic');
  }
}

/** Rounds a Retry-After in seconds up to whole minutes, at least one. */
export function minutesToWait(seconds: number | undefined): number {
  return Math.max(1, Math.ceil((seconds ?? 60) / 60));
}
