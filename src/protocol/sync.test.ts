import { describe, expect, it } from 'vitest';
import { canonicalJson } from '../domain/sync/canonical-json';
import { T0, id, makeEntry } from '../domain/sync/test-helpers';
import type { ExportContent } from './sync';
import { ERROR_CODES } from './errors';
import {
  ExportFileError,
  SYNC_ERROR_CODES,
  exportChecksum,
  parseExport,
  pushRequestProblem,
  serializeExport,
} from './sync';
import { PROTOCOL_VERSION } from './version';

const entries = [
  makeEntry(
    1,
    'record.create',
    { kind: 'note', id: id(1), dept: 'public-works', fields: { title: 'Culvert' } },
    { [id(1)]: null },
  ),
  makeEntry(2, 'record.update', { kind: 'note', id: id(1), fields: { status: 'closed' } }, { [id(1)]: null }),
];
const unsent: ExportContent<'unsent-changes'> = {
  type: 'unsent-changes',
  createdAt: T0,
  clientId: 'device-a',
  userId: 'rita',
  username: 'rita',
  payload: { entries },
};

async function refusal(text: string, expected?: 'snapshot' | 'unsent-changes') {
  try {
    await parseExport(text, expected);
  } catch (error) {
    if (error instanceof ExportFileError) return { code: error.code, message: error.message };
    throw error;
  }
  return null;
}

describe('export files', () => {
  it('round-trip with a checksum over the canonical JSON', async () => {
    const text = await serializeExport(unsent);
    const file = await parseExport(text, 'unsent-changes');
    expect(file).toMatchObject({ format: 'holdfast-export', protocol: PROTOCOL_VERSION, ...unsent });
    const { checksum, ...rest } = file;
    expect(checksum).toMatch(/^[0-9a-f]{64}$/);
    expect(checksum).toBe(await exportChecksum(rest));
  });

  it('do not depend on key order or whitespace', async () => {
    const file = JSON.parse(await serializeExport(unsent)) as Record<string, unknown>;
    const reordered = JSON.stringify(Object.fromEntries(Object.entries(file).reverse()), null, 2);
    expect(await refusal(reordered)).toBeNull();
    expect(canonicalJson(JSON.parse(reordered))).toBe(canonicalJson(file));
  });

  it('carry snapshots', async () => {
    const snapshot = await serializeExport({
      ...unsent,
      type: 'snapshot',
      payload: { records: [], cursor: '42', scope: { departments: ['public-works'] } },
    });
    expect((await parseExport(snapshot, 'snapshot')).payload).toMatchObject({ cursor: '42' });
  });

  describe('refuse', () => {
    const edit = async (change: (file: Record<string, unknown>) => void, resign = false) => {
      const file = JSON.parse(await serializeExport(unsent)) as Record<string, unknown>;
      change(file);
      if (resign) file.checksum = await exportChecksum(file as never);
      return JSON.stringify(file);
    };

    it('a file that is not ours', async () => {
      expect(await refusal('<html></html>')).toMatchObject({ code: 'not_holdfast_file' });
      expect(await refusal('{"hello":"world"}')).toMatchObject({ code: 'not_holdfast_file' });
      expect(await refusal('')).toMatchObject({ code: 'not_holdfast_file' });
    });

    it('a truncated copy', async () => {
      const text = await serializeExport(unsent);
      expect(await refusal(text.slice(0, text.length / 2))).toEqual({
        code: 'corrupt',
        message: 'This Holdfast file is incomplete or damaged (it may not have finished copying).',
      });
    });

    it('another protocol version, before anything else', async () => {
      const newer = await edit((f) => (f.protocol = PROTOCOL_VERSION + 1));
      expect(await refusal(newer)).toMatchObject({
        code: 'protocol_mismatch',
        message: expect.stringMatching(/newer/),
      });
      const older = await edit((f) => (f.protocol = 0));
      expect(await refusal(older)).toMatchObject({
        code: 'protocol_mismatch',
        message: expect.stringMatching(/older/),
      });
    });

    it('a changed or damaged file', async () => {
      const changed = await edit((f) => ((f.payload as { entries: unknown[] }).entries = [entries[0]]));
      expect(await refusal(changed)).toMatchObject({ code: 'checksum_mismatch' });
      expect(await refusal(await edit((f) => (f.username = 'mallory')))).toMatchObject({
        code: 'checksum_mismatch',
      });
      expect(await refusal(await edit((f) => delete f.checksum))).toMatchObject({
        code: 'checksum_mismatch',
      });
    });

    it('the wrong type for the place it is opened', async () => {
      expect(await refusal(await serializeExport(unsent), 'snapshot')).toMatchObject({
        code: 'wrong_type',
        message: 'This file holds unsent changes from a device, which cannot be used here.',
      });
      expect(await refusal(await edit((f) => (f.type = 'photos'), true))).toMatchObject({
        code: 'wrong_type',
      });
    });

    it('a well-signed file whose contents are malformed', async () => {
      const bad = await edit((f) => ((f.payload as { entries: unknown[] }).entries = [{ seq: 'one' }]), true);
      expect(await refusal(bad)).toMatchObject({ code: 'corrupt' });
      const foreign = await edit((f) => (f.clientId = 'device-z'), true);
      expect(await refusal(foreign)).toMatchObject({
        code: 'corrupt',
        message: expect.stringMatching(/another device/),
      });
    });
  });
});

describe('pushRequestProblem', () => {
  const body = { protocol: PROTOCOL_VERSION, clientId: 'device-a', entries };

  it('accepts a well-formed push', () => {
    expect(pushRequestProblem(body)).toBeNull();
    expect(pushRequestProblem({ ...body, entries: [] })).toBeNull();
  });

  it.each([
    ['not an object', [], ''],
    ['another protocol', { ...body, protocol: 99 }, 'protocol'],
    ['no clientId', { ...body, clientId: '' }, 'clientId'],
    [
      'too many entries',
      { ...body, entries: Array.from({ length: 501 }, (_, i) => ({ ...entries[0], seq: i + 1 })) },
      'entries',
    ],
    ['a malformed entry', { ...body, entries: [{ ...entries[0], baseRevs: { x: -1 } }] }, 'entries[0]'],
    [
      'an entry of another device',
      { ...body, entries: [{ ...entries[0], clientId: 'device-b' }] },
      'entries[0].clientId',
    ],
    ['seqs out of order', { ...body, entries: [entries[1], entries[0]] }, 'entries[1].seq'],
  ])('names the problem with %s', (_what, value, field) => {
    expect(pushRequestProblem(value)?.field).toBe(field);
  });
});

it('extends the API error codes with the sync incompatibility reasons', () => {
  expect(SYNC_ERROR_CODES).toEqual([...ERROR_CODES, 'protocol_mismatch', 'sequence_gap', 'cursor_expired']);
});
