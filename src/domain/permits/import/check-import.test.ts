// The chunked check and build: the same permits and problems as the whole plan, whatever the chunk sizes,
// with only the rows of the permits asked for read again.
import { describe, expect, it } from 'vitest';
import burlington from '../../../../e2e/fixtures/burlington-permits.csv?raw';
import { buildImport, statusValues, suggestStatuses } from './build-import';
import { checkImport, permitCreates, plannedPermits, type ImportCheck } from './check-import';
import { suggestStatus } from './convert';
import { parseCsv } from './csv';
import { indexCsv, textRows, type RowSource } from './csv-index';
import type { ImportOptions } from './permit-rows';
import { suggestMapping } from './targets';

const optionsFor = (source: RowSource, fileName = 'file.csv'): ImportOptions => {
  const mapping = suggestMapping(source.headers);
  const statuses = suggestStatuses(statusValues(source, mapping), suggestStatus, 'submitted');
  return { mapping, statuses, dept: 'building', fileName };
};

const summary = (check: ImportCheck) => ({
  rowCount: check.rowCount,
  errors: check.errors,
  permitCount: check.permitCount,
  brokenCount: check.brokenCount,
  brokenRows: check.brokenRows,
});

/** A RowSource that counts the rows it parses. */
function counting(source: RowSource) {
  const counter = { rows: 0 };
  const wrapped: RowSource = {
    headers: source.headers,
    rowCount: source.rowCount,
    lineOf: (i) => source.lineOf(i),
    forRows(first, end, visit) {
      counter.rows += end - first;
      source.forRows(first, end, visit);
    },
  };
  return { source: wrapped, counter };
}

describe('checkImport over indexed text', () => {
  const source = textRows(burlington, indexCsv(burlington));
  const options = optionsFor(source, 'burlington-permits.csv');
  const whole = buildImport(parseCsv(burlington), options);

  it('finds the Burlington file’s permits and its one problem, as the whole plan does', () => {
    const check = checkImport(source, options);
    expect(summary(check)).toEqual({
      rowCount: 5026,
      errors: whole.errors,
      permitCount: 4669,
      brokenCount: 1,
      brokenRows: whole.brokenRows,
    });
    expect(plannedPermits(source, check, 0, check.permitCount)).toEqual(whole.permits);
    expect(plannedPermits(source, check, 0, 1, 'broken')).toEqual(whole.broken);
  });

  it('gives the same check and the same permits whatever the chunk sizes', () => {
    const reference = checkImport(source, options);
    for (const chunks of [
      { rowChunk: 1, permitChunk: 1, keepBuiltUpTo: 0 },
      { rowChunk: 7, permitChunk: 13, keepBuiltUpTo: 0 },
      { rowChunk: 5026, permitChunk: 4670, keepBuiltUpTo: 0 },
      { rowChunk: 7, permitChunk: 13 },
    ]) {
      const check = checkImport(source, options, chunks);
      expect(summary(check)).toEqual(summary(reference));
      expect(check.built === undefined).toBe(chunks.keepBuiltUpTo === 0);
      const built = [];
      for (let from = 0; from < check.permitCount; from += chunks.permitChunk)
        built.push(...plannedPermits(source, check, from, from + chunks.permitChunk));
      expect(built).toEqual(whole.permits);
    }
  });

  it('builds a chunk of permits from their own rows only, as creates for the batch write', () => {
    const check = checkImport(source, options, { keepBuiltUpTo: 5025 });
    expect(check.built).toBeUndefined(); // one row over the limit: only indexes are kept
    const { source: counted, counter } = counting(source);
    const creates = permitCreates(counted, check, 1000, 1010);
    const permits = whole.permits.slice(1000, 1010);
    expect(creates).toEqual(
      permits.map((p) => ({ kind: 'permit', id: p.id, dept: 'building', fields: p.fields })),
    );
    expect(counter.rows).toBe(permits.reduce((sum, p) => sum + p.lines.length, 0));
  });

  it('keeps the permits of a file up to the limit, so the write reads no row again', () => {
    const check = checkImport(source, options, { keepBuiltUpTo: 5026 });
    expect(check.built).toHaveLength(4669);
    const { source: counted, counter } = counting(source);
    const creates = permitCreates(counted, check, 1000, 1010);
    expect(creates.map((c) => c.id)).toEqual(whole.permits.slice(1000, 1010).map((p) => p.id));
    expect(counter.rows).toBe(0);
    // The broken permits are not kept: they are built from their rows when shown.
    expect(plannedPermits(counted, check, 0, 1, 'broken')).toEqual(whole.broken);
    expect(counter.rows).toBeGreaterThan(0);
  });
});

describe('rows of one permit far apart in the file', () => {
  const text = [
    'PermitNum,PermitType,Description,OriginalAddress1,AppliedDate,IssuedDate,StatusCurrent,WorkClass',
    'A-1,Deck,Deck,1 Elm St,2024-01-02,,Applied,New',
    'A-2,Roof,Roof,2 Elm St,2024-02-02,,Applied,',
    'A-3,Shed,Shed,3 Elm St,2024-03-02,2024-03-01,Issued,',
    ',Fence,Fence,4 Elm St,2024-03-05,,Issued,',
    'A-2,Roof,Gutters,2 Elm St,2024-02-10,2024-02-20,Issued,Repair',
    'A-1,Deck,Deck,1 Elm St,2024-01-01,2024-05-01,Final,Alteration',
  ].join('\n');
  const source = textRows(text, indexCsv(text));
  const options = optionsFor(source);

  it('are merged into one permit, in any chunk size, with every problem on its line', () => {
    const whole = buildImport(parseCsv(text), options);
    expect(whole.permits.map((p) => [p.number, p.lines])).toEqual([
      ['A-1', [2, 7]],
      ['A-2', [3, 6]],
    ]);
    expect(whole.permits[0]!.fields).toMatchObject({
      appliedDate: '2024-01-01',
      issuedDate: '2024-05-01',
      // The status of the row applied for last, which here is the first row.
      status: 'submitted',
      workClass: 'New; Alteration',
    });
    expect(whole.errors.map((e) => [e.line, e.field, e.code])).toEqual([
      [4, 'issuedDate', 'date_order'],
      [5, 'number', 'required'],
    ]);
    for (const [permitChunk, keepBuiltUpTo] of [
      [1, 0],
      [2, 0],
      [3, 0],
      [2, 100],
    ] as const) {
      const check = checkImport(source, options, { rowChunk: 2, permitChunk, keepBuiltUpTo });
      expect(check.errors).toEqual(whole.errors);
      expect(check.brokenRows).toBe(2);
      expect(plannedPermits(source, check, 0, 1)).toEqual([whole.permits[0]]);
      expect(plannedPermits(source, check, 1, 2)).toEqual([whole.permits[1]]);
    }
  });

  it('reports a required field without a column on line 1 and checks nothing else', () => {
    const check = checkImport(source, { ...options, mapping: { ...options.mapping, address: undefined } });
    expect(check.errors.map((e) => [e.line, e.field, e.code])).toEqual([[1, 'address', 'unmapped']]);
    expect(summary(check)).toMatchObject({ permitCount: 0, brokenCount: 0, brokenRows: 6 });
    expect(plannedPermits(source, check, 0, 10)).toEqual([]);
  });
});
