import { describe, expect, it } from 'vitest';
import burlington from '../../../../e2e/fixtures/burlington-permits.csv?raw';
import { buildImport, importedPermitId, statusValues, suggestStatuses } from './build-import';
import { parseImportDate, parseMoneyCents, suggestStatus } from './convert';
import { parseCsv } from './csv';
import { suggestMapping, type ColumnMapping } from './targets';

const plan = (text: string, mapping?: ColumnMapping, fileName = 'file.csv') => {
  const csv = parseCsv(text);
  const columns = mapping ?? suggestMapping(csv.headers);
  const statuses = suggestStatuses(statusValues(csv, columns), suggestStatus, 'submitted');
  return buildImport(csv, { mapping: columns, statuses, dept: 'building', fileName });
};

describe('importing the Burlington file', () => {
  const csv = parseCsv(burlington);

  it('suggests the mapping from its headers', () => {
    expect(suggestMapping(csv.headers)).toEqual({
      number: 'FILENO',
      permitType: 'FOLDERTYPE',
      workClass: 'WORKDESC',
      description: 'SUBDESC',
      address: 'ADDRESS',
      valuationCents: 'CONSTRUCTVALUE',
      appliedDate: 'INDATE',
      issuedDate: 'ISSUEDATE',
      status: 'FOLDERSTATUSDESC',
    });
  });

  it('reads 5,026 rows into 4,670 permit numbers, one of them broken in the city file', () => {
    expect(csv.rows).toHaveLength(5026);
    expect(csv.rows[0]!.line).toBe(2);
    const result = plan(burlington, undefined, 'burlington-permits.csv');
    expect(result.rowCount).toBe(5026);
    // 22-000251 was issued (2022-12-14) before it was applied for (2023-03-17): the domain refuses that.
    expect(result.errors).toEqual([
      expect.objectContaining({ line: 2576, field: 'issuedDate', code: 'date_order' }),
    ]);
    expect(result.broken.map((p) => p.number)).toEqual(['22-000251']);
    expect(result.permits).toHaveLength(4669);
    expect(new Set(result.permits.map((p) => p.id)).size).toBe(4669);
  });

  it('parses dates, money and statuses, trims the addresses and merges the rows of one number', () => {
    const permit = plan(burlington, undefined, 'burlington-permits.csv').permits.find(
      (p) => p.number === '24-019651',
    )!;
    expect(permit.lines).toEqual([2, 3]);
    expect(permit.id).toBe(importedPermitId('building', '24-019651'));
    expect(permit.fields).toEqual({
      number: '24-019651',
      address: '1268 ABBEY CRT.',
      permitType: 'SO Other Single Detached Dwelling',
      workClass: 'New; New (No ZC Reqd)',
      description: 'Attached Deck',
      appliedDate: '2024-10-03',
      issuedDate: '2025-07-30',
      status: 'finaled',
      valuationCents: 2_000_000,
      importedFrom: 'burlington-permits.csv',
    });
  });

  it('maps Final to finaled and Issued to issued', () => {
    const statuses = suggestStatuses(
      statusValues(csv, suggestMapping(csv.headers)),
      suggestStatus,
      'submitted',
    );
    expect(statuses.byValue).toEqual({ Final: 'finaled', Issued: 'issued' });
    const counts = new Map<unknown, number>();
    for (const p of plan(burlington).permits)
      counts.set(p.fields.status, (counts.get(p.fields.status) ?? 0) + 1);
    expect([...counts.keys()].sort()).toEqual(['finaled', 'issued']);
  });
});

describe('a file with columns the import has never seen', () => {
  const text = [
    'Ref,Kind,What,Where,Received,Granted,State,Cost',
    'A-1,Deck,New deck,12 Main St,03/15/2025,2025-04-01,Granted,"$1,250.50"',
    'A-2,Roof,Re-roof,14 Main St,2025-05-02T10:00:00Z,,Pending review,',
  ].join('\n');
  const mapping: ColumnMapping = {
    number: 'Ref',
    permitType: 'Kind',
    description: 'What',
    address: 'Where',
    appliedDate: 'Received',
    issuedDate: 'Granted',
    status: 'State',
    valuationCents: 'Cost',
  };

  it('suggests nothing it does not recognise, and imports through a mapping chosen by the user', () => {
    expect(suggestMapping(text.split('\n')[0]!.split(','))).toEqual({});
    const csv = parseCsv(text);
    const result = buildImport(csv, {
      mapping,
      statuses: { byValue: { Granted: 'issued', 'Pending review': 'in_review' }, fallback: 'submitted' },
      dept: 'building',
      fileName: 'other.csv',
    });
    expect(result.errors).toEqual([]);
    expect(result.permits.map((p) => p.fields)).toEqual([
      {
        number: 'A-1',
        permitType: 'Deck',
        description: 'New deck',
        address: '12 Main St',
        appliedDate: '2025-03-15',
        issuedDate: '2025-04-01',
        status: 'issued',
        valuationCents: 125_050,
        importedFrom: 'other.csv',
      },
      {
        number: 'A-2',
        permitType: 'Roof',
        description: 'Re-roof',
        address: '14 Main St',
        appliedDate: '2025-05-02',
        status: 'in_review',
        importedFrom: 'other.csv',
      },
    ]);
  });

  it('reports a required field left without a column on line 1 and plans nothing', () => {
    const result = plan(text, { ...mapping, address: undefined });
    expect(result.permits).toEqual([]);
    expect(result.errors).toEqual([expect.objectContaining({ line: 1, field: 'address', code: 'unmapped' })]);
  });
});

describe('broken rows', () => {
  const text = [
    'PermitNum,PermitType,Description,OriginalAddress1,AppliedDate,IssuedDate,StatusCurrent',
    'B-1,Deck,Deck,1 Elm St,2024-01-02,,Issued',
    '',
    'B-2,Deck,"Two lines',
    'of work",2 Elm St,2024/13/40,,Issued',
    'B-3,Deck,Deck,,2024-01-05,2024-01-01,Issued',
    ',Deck,Deck,4 Elm St,2024-01-05,,Issued',
  ].join('\r\n');

  it('names each problem with the line of the file it is on', () => {
    const result = plan(text);
    expect(result.permits.map((p) => p.number)).toEqual(['B-1']);
    expect(result.broken.map((p) => p.number)).toEqual(['B-2', 'B-3']);
    expect(result.errors.map((e) => [e.line, e.field, e.code, e.params.value])).toEqual([
      [4, 'appliedDate', 'not_a_date', '2024/13/40'],
      [6, 'address', 'required', undefined],
      [6, 'issuedDate', 'date_order', undefined],
      [7, 'number', 'required', undefined],
    ]);
  });
});

describe('value conversion', () => {
  it('reads the date formats cities use and refuses impossible dates', () => {
    expect(parseImportDate('2024/10/03 00:00:00+00')).toBe('2024-10-03');
    expect(parseImportDate('10/03/2024')).toBe('2024-10-03');
    expect(parseImportDate('25/03/2024')).toBe('2024-03-25');
    expect(parseImportDate('2024-10-03T23:30:00-05:00')).toBe('2024-10-03');
    expect(parseImportDate('2024-2-9')).toBe('2024-02-09');
    expect(parseImportDate('2024/13/40')).toBeNull();
    expect(parseImportDate('02/30/2024')).toBeNull();
    expect(parseImportDate('02/29/2024')).toBe('2024-02-29');
    expect(parseImportDate('2023-02-29')).toBeNull();
    expect(parseImportDate('1900/02/29')).toBeNull();
    expect(parseImportDate('2000/02/29')).toBe('2000-02-29');
    expect(parseImportDate('soon')).toBeNull();
  });

  it('reads money into cents', () => {
    expect(parseMoneyCents('20000')).toBe(2_000_000);
    expect(parseMoneyCents('$1,234.5')).toBe(123_450);
    expect(parseMoneyCents('0.07')).toBe(7);
    expect(parseMoneyCents('1 000 CAD')).toBe(100_000);
    expect(parseMoneyCents('-5')).toBeNull();
    expect(parseMoneyCents('a lot')).toBeNull();
  });

  it('suggests statuses from common words', () => {
    expect(suggestStatus('Final')).toBe('finaled');
    expect(suggestStatus('Permit Issued')).toBe('issued');
    expect(suggestStatus('Application Received')).toBe('submitted');
    expect(suggestStatus('Plan Review')).toBe('in_review');
    expect(suggestStatus('Expired')).toBe('expired');
    expect(suggestStatus('CO Issued')).toBe('certificate_of_occupancy');
    expect(suggestStatus('in_review')).toBe('in_review');
    expect(suggestStatus('Zebra')).toBeNull();
  });
});
