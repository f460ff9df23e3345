// Audit entries for sync: one per applied or rejected mutation (who, which device, device time, server
// time, what), and one per refused request. Values that came from a device are made safe to store first.
import { isMutationName } from '../../src/domain/sync/mutation-types';
import type { StorageStores } from '../storage/storage';

/** Device times outside these years are not real (and PostgreSQL cannot store all of them). */
const MIN_DEVICE_TIME = Date.UTC(1, 0, 1);
const MAX_DEVICE_TIME = Date.UTC(9999, 11, 31);

export function deviceTime(at: string): Date | null {
  const ms = Date.parse(at);
  return Number.isFinite(ms) && ms >= MIN_DEVICE_TIME && ms <= MAX_DEVICE_TIME ? new Date(ms) : null;
}

/** PostgreSQL text and jsonb refuse U+0000, which a hostile device may put in any string it sends. */
export function safeText(value: string): string {
  return value.replaceAll('\u0000', '\uFFFD');
}

/** Long strings (a huge kind name echoed in a message, say) are cut: the audit log is not a data store. */
const MAX_AUDIT_STRING = 1000;

export function safeDetail(detail: Record<string, unknown>): Record<string, unknown> {
  const clean = (_key: string, value: unknown): unknown =>
    typeof value === 'string' ? safeText(value.slice(0, MAX_AUDIT_STRING)) : value;
  return JSON.parse(JSON.stringify(detail, clean)) as Record<string, unknown>;
}

/** The audit action of an entry: its mutation name, or one fixed name for names this server does not know. */
export function mutationAction(name: unknown): string {
  return isMutationName(name) ? name : 'sync.unknown_mutation';
}

export interface SyncAuditEntry {
  at: Date;
  userId: string;
  clientId: string | null;
  deviceTime?: Date | null;
  action: string;
  detail: Record<string, unknown>;
}

export async function auditSync(stores: StorageStores, entry: SyncAuditEntry): Promise<void> {
  await stores.audit.append({
    at: entry.at,
    userId: entry.userId,
    deviceId: entry.clientId === null ? null : safeText(entry.clientId.slice(0, 128)),
    deviceTime: entry.deviceTime ?? null,
    action: entry.action,
    detail: safeDetail(entry.detail),
  });
}
