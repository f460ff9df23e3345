// Rows read back from indexed text are exactly the rows parseCsv gives, however they are asked for.
import { describe, expect, it } from 'vitest';
import burlington from '../../../../e2e/fixtures/burlington-permits.csv?raw';
import type { CsvRow } from './csv';
import { parseCsv } from './csv';
import { forRowsAt, indexCsv, textRows } from './csv-index';

const TRICKY: Record<string, string> = {
  'quoted cells with line breaks, blank lines, CRLF': [
    'PermitNum,PermitType,Description',
    'B-1,Deck,Deck',
    '',
    'B-2,Deck,"Two lines',
    'of work"',
    '   ',
    'B-3,"Say ""deck""",Deck',
    ',Deck,Deck',
  ].join('\r\n'),
  'a byte-order mark, semicolons and a trailing line break': '\uFEFFa;b;c\n1;2;3\n4;"5;6";7\n\n8;9;10\n',
  'tabs, LF, no trailing line break': 'a\tb\n1\t2\n"x\ny"\t3\n4\t5',
  'an unterminated quote that runs to the end': 'a,b\n1,2\n"open,3\n4,5\n',
  'rows of different lengths and an empty first line': '\na,b,c\n1\n2,3,4,5\n,,\n',
  'CR line breaks': 'a,b\r1,2\r3,"4\r5"\r6,7',
};

const everyRow = (source: ReturnType<typeof textRows>, step: number): CsvRow[] => {
  const rows: CsvRow[] = [];
  for (let first = 0; first < source.rowCount; first += step)
    source.forRows(first, Math.min(first + step, source.rowCount), (row, i) => {
      expect(i).toBe(rows.length);
      rows.push({ line: row.line, cells: [...row.cells] });
    });
  return rows;
};

describe('indexCsv and textRows', () => {
  for (const [name, text] of Object.entries(TRICKY))
    it(`read back what parseCsv reads, in any chunks: ${name}`, () => {
      const parsed = parseCsv(text);
      const index = indexCsv(text);
      const source = textRows(text, index);
      expect(index.headers).toEqual(parsed.headers);
      expect(source.rowCount).toBe(parsed.rows.length);
      expect(Array.from(index.lines)).toEqual(parsed.rows.map((row) => row.line));
      for (const step of [1, 2, 3, parsed.rows.length || 1])
        expect(everyRow(source, step)).toEqual(parsed.rows);
    });

  it('reads the Burlington file back row for row, and any scattered rows by their index', () => {
    const parsed = parseCsv(burlington);
    const source = textRows(burlington, indexCsv(burlington));
    expect(source.rowCount).toBe(5026);
    expect(everyRow(source, 997)).toEqual(parsed.rows);
    const wanted = [0, 1, 2, 7, 8, 2574, 2575, 5000, 5025];
    const seen: [number, CsvRow][] = [];
    forRowsAt(source, wanted, (row, i) => seen.push([i, row]));
    expect(seen).toEqual(wanted.map((i) => [i, parsed.rows[i]]));
  });

  it('reads each run of neighbouring rows with one parse', () => {
    const text = ['n', ...Array.from({ length: 20 }, (_, i) => `r${i}`)].join('\n');
    const source = textRows(text, indexCsv(text));
    const reads: [number, number][] = [];
    const counted = {
      ...source,
      forRows: (a: number, b: number, visit: Parameters<typeof source.forRows>[2]) => {
        reads.push([a, b]);
        source.forRows(a, b, visit);
      },
    };
    forRowsAt(counted, [1, 2, 3, 7, 10, 11], () => undefined);
    expect(reads).toEqual([
      [1, 4],
      [7, 8],
      [10, 12],
    ]);
  });
});
