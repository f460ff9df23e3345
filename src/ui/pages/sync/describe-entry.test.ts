// What "Needs attention" calls a refused change: an import entry by its size and first record.
import { describe, expect, it } from 'vitest';
import type { OutboxEntry } from '../../../domain/sync';
import { translateArea } from '../../i18n/area-messages';
import type { Language } from '../../i18n/translate';
import { describeEntry } from './describe-entry';
import { syncInboxMessages, type SyncInboxT } from './messages';

const tFor = (language: Language): SyncInboxT =>
  Object.assign(
    (key: Parameters<SyncInboxT>[0], params?: Record<string, string | number>) =>
      translateArea(syncInboxMessages, language, key, params),
    { language },
  );

const permit = (number: string) => ({ kind: 'permit', id: number, dept: 'roads', fields: { number } });
const entry = (count: number): OutboxEntry =>
  ({
    clientId: 'c',
    seq: 1,
    userId: 'rita',
    at: '2030-01-01T00:00:00.000Z',
    baseRevs: {},
    name: 'record.createMany',
    args: { creates: Array.from({ length: count }, (_, i) => permit(`24-00${i + 1}`)) },
  }) as OutboxEntry;

describe('describeEntry', () => {
  it('names an import by how many records it holds and its first record, in both languages', () => {
    expect(describeEntry(tFor('en'), entry(100), null)).toBe('Import of 100 records (the first: “24-001”)');
    expect(describeEntry(tFor('es'), entry(1), null)).toBe(
      'Importación de 1 registro (el primero: «24-001»)',
    );
  });
});
