// The hash chain that makes an activity log tamper-evident. Each entry's content is hashed on the device
// that wrote it (contentHash); the entry's place in its log is a link: seq, the previous link's hash and
// hash = SHA-256(prevHash, seq, entry id, contentHash). The link is computed by the same pure mutator on
// the device (provisionally, from the log as the device knows it) and again by the server, which orders
// entries from several devices by arrival and whose links are the ones kept (see docs/incidents.md).
import { canonicalJson } from '../sync/canonical-json';
import type { JsonObject } from '../sync/json-value';
import { sha256Hex } from '../sync/sha256';

/** The hash before the first entry of every log. */
export const GENESIS_HASH = '0'.repeat(64);

/** Entry fields that are the link, filled in when the entry is added; never sent by a device. */
export const LINK_FIELDS = ['seq', 'prevHash', 'hash'] as const;

const NOT_CONTENT = new Set<string>(['contentHash', ...LINK_FIELDS]);

/** The text whose SHA-256 is an entry's contentHash: its fields, link and hash left out, canonical JSON. */
export function contentText(fields: JsonObject): string {
  const content: JsonObject = {};
  for (const [key, value] of Object.entries(fields)) if (!NOT_CONTENT.has(key)) content[key] = value;
  return canonicalJson(content);
}

/** The text whose SHA-256 is an entry's link hash. */
export function linkText(prevHash: string, seq: number, entryId: string, contentHash: string): string {
  return `${prevHash}\n${seq}\n${entryId}\n${contentHash}`;
}

/** Synchronous hashes for the pure mutators (the same SHA-256 as WebCrypto and node:crypto). */
export const contentHashOf = (fields: JsonObject): string => sha256Hex(contentText(fields));

export function nextLink(
  log: JsonObject,
  entryId: string,
  contentHash: string,
): { seq: number; prevHash: string; hash: string } {
  const seq = (typeof log.entryCount === 'number' ? log.entryCount : 0) + 1;
  const prevHash = typeof log.headHash === 'string' ? log.headHash : GENESIS_HASH;
  return { seq, prevHash, hash: sha256Hex(linkText(prevHash, seq, entryId, contentHash)) };
}

/** Any SHA-256 of a UTF-8 text, as lowercase hex: WebCrypto on the device, node:crypto on the server. */
export type Digest = (text: string) => string | Promise<string>;

export interface ChainEntry {
  id: string;
  fields: JsonObject;
}

export type ChainProblem =
  | 'content_changed' // the stored content no longer gives its contentHash
  | 'wrong_previous' // prevHash is not the previous entry's hash
  | 'wrong_hash' // hash is not SHA-256 of the link
  | 'out_of_order'; // seq is not the previous one plus one

export interface ChainReport {
  ok: boolean;
  /** Entries checked (chained entries only; an entry not yet chained by the server is not counted). */
  checked: number;
  /** The last link's hash: what a printed log shows. */
  headHash: string;
  /** The first entry that does not verify, with what is wrong. */
  broken?: { id: string; seq: number; problem: ChainProblem };
}

/**
 * Verifies a log's chained entries, in seq order. Stops at the first entry that does not hold: an entry
 * altered after it was written, removed, inserted or reordered breaks its own link or the next one.
 */
export async function verifyChain(entries: readonly ChainEntry[], digest: Digest): Promise<ChainReport> {
  let prevHash = GENESIS_HASH;
  let checked = 0;
  for (const entry of entries) {
    const { fields } = entry;
    const seq = typeof fields.seq === 'number' ? fields.seq : Number.NaN;
    const fail = (problem: ChainProblem): ChainReport => ({
      ok: false,
      checked,
      headHash: prevHash,
      broken: { id: entry.id, seq, problem },
    });
    if (seq !== checked + 1) return fail('out_of_order');
    const contentHash = await digest(contentText(fields));
    if (contentHash !== fields.contentHash) return fail('content_changed');
    if (fields.prevHash !== prevHash) return fail('wrong_previous');
    const hash = await digest(linkText(prevHash, seq, entry.id, contentHash));
    if (hash !== fields.hash) return fail('wrong_hash');
    prevHash = hash;
    checked += 1;
  }
  return { ok: true, checked, headHash: prevHash };
}
