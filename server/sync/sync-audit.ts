// Audit entries for sync: one per applied or rejected mutation (who, which device, device time, server
// time, what), and one per refused request. Values that came from a device are made safe to store first.
import { isMutationName } from '../../src/domain/sync/mutation-types';
import type { NewAuditEntry, StorageStores } from '../storage/storage';

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

/**
 * The detail as JSON would store it (undefined properties dropped, non-finite numbers null) with every
 * string made safe and cut. Plain JSON data, the usual case, is copied in one walk: a JSON round trip per
 * audited entry showed up in push profiles. Anything else (a Date, a toJSON) takes the round trip.
 */
export function safeDetail(detail: Record<string, unknown>): Record<string, unknown> {
  return safeValue(detail) as Record<string, unknown>;
}

function safeString(value: string): string {
  return safeText(value.slice(0, MAX_AUDIT_STRING));
}

function safeValue(value: unknown): unknown {
  if (typeof value === 'string') return safeString(value);
  if (typeof value === 'number') return Number.isFinite(value) ? value : null;
  if (typeof value === 'boolean' || value === null) return value;
  if (Array.isArray(value)) {
    return value.map((item) => {
      const safe = safeValue(item);
      // JSON writes null for array items it cannot store.
      return safe === undefined ? null : safe;
    });
  }
  if (
    typeof value === 'object' &&
    Object.getPrototypeOf(value) === Object.prototype &&
    !('toJSON' in value)
  ) {
    const copy: Record<string, unknown> = {};
    for (const [key, item] of Object.entries(value)) {
      const safe = safeValue(item);
      if (safe !== undefined) copy[key] = safe;
    }
    return copy;
  }
  if (value === undefined || typeof value === 'function' || typeof value === 'symbol') return undefined;
  const clean = (_key: string, item: unknown): unknown =>
    typeof item === 'string' ? safeString(item) : item;
  const text = JSON.stringify(value, clean) as string | undefined;
  return text === undefined ? undefined : (JSON.parse(text) as unknown);
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

/** A device id as the audit log stores it. */
export function auditDeviceId(clientId: string): string {
  return safeText(clientId.slice(0, 128));
}

/** What the audit log stores about one pushed entry. */
export interface EntryAuditDetail {
  via: 'push' | 'import';
  seq: number;
  status: string;
  /** Record ids (checked with isRecordId, or made by the server): nothing to make safe. */
  ids: string[];
  /** The one part that may echo what a device sent (a kind name, a field name). */
  reason?: unknown;
  rev?: number;
  importedBy?: string;
}

/**
 * safeDetail of an entry's detail, made safe only where a device's text can be: the reason. The rest is
 * numbers, record ids and the server's own words, which safeDetail would copy unchanged, one entry at a
 * time for every entry of every push.
 */
export function entryAuditDetail(detail: EntryAuditDetail): Record<string, unknown> {
  const { via, seq, status, ids, reason, rev, importedBy } = detail;
  return {
    via,
    seq,
    status,
    ids,
    ...(reason === undefined ? {} : { reason: safeValue(reason) }),
    ...(rev === undefined ? {} : { rev }),
    ...(importedBy === undefined ? {} : { importedBy: safeString(importedBy) }),
  };
}

/** The stored form of a sync audit entry, for writing several at once with audit.appendMany. */
export function syncAuditRow(entry: SyncAuditEntry): NewAuditEntry {
  return {
    at: entry.at,
    userId: entry.userId,
    deviceId: entry.clientId === null ? null : auditDeviceId(entry.clientId),
    deviceTime: entry.deviceTime ?? null,
    action: entry.action,
    detail: safeDetail(entry.detail),
  };
}

export async function auditSync(stores: StorageStores, entry: SyncAuditEntry): Promise<void> {
  await stores.audit.append(syncAuditRow(entry));
}
