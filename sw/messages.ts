// Messages the page may send to the service worker.
import { SW_SKIP_WAITING } from '../src/protocol/service-worker';

export function isSkipWaitingMessage(data: unknown): boolean {
  return typeof data === 'object' && data !== null && (data as { type?: unknown }).type === SW_SKIP_WAITING;
}
