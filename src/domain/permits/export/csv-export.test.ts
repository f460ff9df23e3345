import { describe, expect, it } from 'vitest';
import burlington from '../../../../e2e/fixtures/burlington-permits.csv?raw';
import { buildImport, statusValues, suggestStatuses } from '../import/build-import';
import { suggestStatus } from '../import/convert';
import { parseCsv } from '../import/csv';
import { suggestMapping } from '../import/targets';
import { BLDS_COLUMNS, csvCell, csvHeader, csvRows, exportFileName, type ExportedPermit } from './csv-export';

const importText = (text: string, fileName: string) => {
  const csv = parseCsv(text);
  const mapping = suggestMapping(csv.headers);
  const statuses = suggestStatuses(statusValues(csv, mapping), suggestStatus, 'submitted');
  return buildImport(csv, { mapping, statuses, dept: 'building', fileName });
};

const exportText = (format: 'holdfast' | 'blds', permits: ExportedPermit[]) => {
  // Written in chunks, as the page does.
  const parts = [csvHeader(format)];
  for (let i = 0; i < permits.length; i += 1000) parts.push(csvRows(format, permits.slice(i, i + 1000)));
  return parts.join('');
};

describe('CSV export', () => {
  const imported = importText(burlington, 'burlington-permits.csv').permits;
  const stored = imported.map((p) => ({ dept: 'building', fields: p.fields }));

  it('round-trips: exporting Holdfast columns and importing the file gives the same permits', () => {
    const again = importText(exportText('holdfast', stored), 'export.csv');
    expect(again.errors).toEqual([]);
    expect(again.permits).toHaveLength(imported.length);
    const strip = (fields: Record<string, unknown>) => ({ ...fields, importedFrom: undefined });
    expect(again.permits.map((p) => [p.id, strip(p.fields)])).toEqual(
      imported.map((p) => [p.id, strip(p.fields)]),
    );
  });

  it('round-trips through the BLDS columns too (the fields BLDS has)', () => {
    const again = importText(exportText('blds', stored), 'blds.csv');
    expect(again.errors).toEqual([]);
    expect(again.permits[0]!.fields).toEqual({ ...imported[0]!.fields, importedFrom: 'blds.csv' });
  });

  it('writes BLDS column names and values', () => {
    const text = exportText('blds', [
      {
        dept: 'building',
        fields: {
          number: 'P-1',
          description: 'Deck, "large"',
          status: 'finaled',
          address: '1 Elm St',
          valuationCents: 123_456,
          appliedDate: '2024-01-02',
          contractorName: 'Acme',
        },
      },
    ]);
    const [header, row] = text.replace('\uFEFF', '').split('\r\n');
    expect(header).toBe(BLDS_COLUMNS.map((c) => c.header).join(','));
    expect(
      header!.startsWith('PermitNum,Description,AppliedDate,IssuedDate,CompletedDate,StatusCurrent'),
    ).toBe(true);
    const cells = parseCsv(text).rows[0]!.cells;
    const at = (name: string) => cells[BLDS_COLUMNS.findIndex((c) => c.header === name)];
    expect(row).toContain('"Deck, ""large"""');
    expect([at('PermitNum'), at('StatusCurrent'), at('EstProjectCost'), at('ContractorCompanyName')]).toEqual(
      ['P-1', 'Finaled', '1234.56', 'Acme'],
    );
  });

  it('quotes only what needs quoting', () => {
    expect(csvCell('plain')).toBe('plain');
    expect(csvCell('a,b')).toBe('"a,b"');
    expect(csvCell('two\nlines')).toBe('"two\nlines"');
    expect(csvCell(' edge')).toBe('" edge"');
    expect(exportFileName('blds', '2026-11-26')).toBe('permits-blds-2026-11-26.csv');
  });
});
