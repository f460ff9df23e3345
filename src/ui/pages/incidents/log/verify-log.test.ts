// "Verify log" says its result in plain words, in English and Spanish: how many entries verify and the
// final hash, or the first broken entry (its number, time and text) and what is wrong with it.
import { describe, expect, it } from 'vitest';
import type { RecordView } from '../../../../storage';
import { translateArea } from '../../../i18n/area-messages';
import type { Language } from '../../../i18n/translate';
import { clockText } from './log-time';
import { logMessages, type LogT } from './messages';
import { verificationText } from './verify-log';

const tIn = (language: Language): LogT =>
  Object.assign(
    (key: Parameters<LogT>[0], params?: Parameters<LogT>[1]) =>
      translateArea(logMessages, language, key, params),
    { language },
  );

const HASH = 'ab'.repeat(32);
const entry = {
  id: 'e2',
  kind: 'log_entry',
  fields: { eventAt: '2026-03-02T09:41:00.000Z', text: 'Crews sent to Main St' },
} as unknown as RecordView;

describe('verificationText', () => {
  it('names the count, the final hash and the entries not yet confirmed', () => {
    expect(verificationText(tIn('en'), { outcome: 'ok', checked: 30, headHash: HASH, pending: 2 })).toEqual([
      `All 30 entries verify; final hash ${HASH}`,
      '2 entries are not yet confirmed by the server; they were checked as this device chained them.',
    ]);
    expect(verificationText(tIn('es'), { outcome: 'ok', checked: 1, headHash: HASH, pending: 0 })).toEqual([
      `La 1 entrada se verifica; hash final ${HASH}`,
    ]);
  });

  it('names the first broken entry by number, time and text, and what is wrong', () => {
    const time = clockText(entry.fields.eventAt);
    const [en] = verificationText(tIn('en'), {
      outcome: 'broken',
      entry,
      seq: 12,
      problem: 'content_changed',
    });
    expect(en).toBe(
      `The log does not verify. The first broken entry is entry 12 (${time}, “Crews sent to Main St”): its content does not match its hash: it was changed after it was written.`,
    );
    const [es] = verificationText(tIn('es'), { outcome: 'broken', entry, seq: 3, problem: 'wrong_previous' });
    expect(es).toContain(`la entrada 3 (${time}, «Crews sent to Main St»): no apunta a la entrada anterior`);
  });

  it('says when the log records more entries than the device holds', () => {
    const [text] = verificationText(tIn('en'), {
      outcome: 'missing',
      count: 29,
      headHash: 'cd'.repeat(32),
      expected: 30,
      expectedHash: HASH,
    });
    expect(text).toMatch(
      /records 30 entries ending in hash ab.*holds 29 ending in hash cd.*An entry is missing/,
    );
  });
});
