// Record ids: UUIDs written by devices (v7), or derived deterministically (v8) where the server makes a
// record that a retried request must make again with the same id.
import { canonicalJson } from './canonical-json';
import { sha256Hex } from './sha256';

/** Lowercase hyphenated UUID of any version. Lowercase only, so one id has one spelling. */
export const RECORD_ID_PATTERN = '^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$';
const recordId = new RegExp(RECORD_ID_PATTERN);

export function isRecordId(value: unknown): value is string {
  return typeof value === 'string' && recordId.test(value);
}

/** A UUIDv8 (RFC 9562 §5.8) from the SHA-256 of the parts: same parts, same id, on any machine. */
export function deterministicUuid(...parts: (string | number)[]): string {
  const hex = sha256Hex(canonicalJson(parts)).slice(0, 32).split('');
  hex[12] = '8';
  hex[16] = ((parseInt(hex[16]!, 16) & 0x3) | 0x8).toString(16);
  const s = hex.join('');
  return `${s.slice(0, 8)}-${s.slice(8, 12)}-${s.slice(12, 16)}-${s.slice(16, 20)}-${s.slice(20)}`;
}
