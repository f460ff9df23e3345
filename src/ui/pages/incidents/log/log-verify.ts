// "Verify log" on the device: the chain recomputed with WebCrypto through verifyChain, plus the log's own
// record of its length and last hash, so a last entry removed from the device is caught too. Entries the
// server has not yet chained are checked as this device chained them (their provisional links).
import { verifyChain, type ChainProblem, type Digest } from '../../../../domain/incidents/chain';
import type { RecordView } from '../../../../storage';

/** SHA-256 of a UTF-8 text as lowercase hex, with the browser's WebCrypto. */
export const webDigest: Digest = async (text) => {
  const bytes = await crypto.subtle.digest('SHA-256', new TextEncoder().encode(text));
  let hex = '';
  for (const byte of new Uint8Array(bytes)) hex += byte.toString(16).padStart(2, '0');
  return hex;
};

export type LogVerification =
  | { outcome: 'empty' }
  | { outcome: 'ok'; checked: number; headHash: string; pending: number }
  | { outcome: 'broken'; entry: RecordView; seq: number; problem: ChainProblem }
  | { outcome: 'missing'; count: number; headHash: string; expected: number; expectedHash: string };

export async function verifyLog(
  log: Pick<RecordView, 'fields'>,
  entries: readonly RecordView[],
  digest: Digest = webDigest,
): Promise<LogVerification> {
  const expected = typeof log.fields.entryCount === 'number' ? log.fields.entryCount : 0;
  if (entries.length === 0 && expected === 0) return { outcome: 'empty' };
  const report = await verifyChain(entries, digest);
  if (report.broken) {
    const entry = entries.find((e) => e.id === report.broken?.id) ?? entries[report.checked]!;
    return { outcome: 'broken', entry, seq: report.checked + 1, problem: report.broken.problem };
  }
  const expectedHash = typeof log.fields.headHash === 'string' ? log.fields.headHash : '';
  if (report.checked !== expected || report.headHash !== expectedHash)
    return { outcome: 'missing', count: report.checked, headHash: report.headHash, expected, expectedHash };
  return {
    outcome: 'ok',
    checked: report.checked,
    headHash: report.headHash,
    pending: entries.filter((entry) => entry.pending).length,
  };
}
