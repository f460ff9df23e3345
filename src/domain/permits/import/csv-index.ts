// A CSV file read without keeping its rows: one pass notes where each data row starts and on which line,
// and rows are parsed again from the text when they are needed, a few at a time. Memory then follows the
// file's text (the input, held anyway), not the hundreds of thousands of cell strings its rows make.
import Papa from 'papaparse';
import type { CsvRow, ParsedCsv } from './csv';

/** Where each data row of a CSV text is, and how the text is split (as papaparse detected it). */
export interface CsvIndex {
  headers: string[];
  rowCount: number;
  /** Offset in the text of each data row's first character. */
  starts: Int32Array;
  /** The file's line where each data row starts (the header is line 1), as parseCsv counts them. */
  lines: Int32Array;
  /** Detected once over the whole file and given to every re-read, so a row parses as it did in the file. */
  delimiter: string;
  newline: Newline;
}

type Newline = '\r\n' | '\n' | '\r';
const NEWLINES: readonly Newline[] = ['\r\n', '\n', '\r'];

/** Data rows read in order, any number of times, from wherever they are kept. */
export interface RowSource {
  readonly headers: readonly string[];
  readonly rowCount: number;
  /** The line of data row `index` (the header is line 1). */
  lineOf(index: number): number;
  /** Calls `visit` for data rows first … end − 1, in order. Synchronous: an import calls it mid-transaction. */
  forRows(first: number, end: number, visit: (row: CsvRow, index: number) => void): void;
}

const newlines = (cell: string): number => {
  let count = 0;
  for (let i = cell.indexOf('\n'); i !== -1; i = cell.indexOf('\n', i + 1)) count++;
  return count;
};

/** A row papaparse gives for a blank line (or one of spaces): skipped, as parseCsv skips it. */
const isBlank = (cells: readonly string[]): boolean => cells.length === 1 && cells[0]!.trim() === '';

/** An Int32Array that grows by doubling while the rows are counted. */
class Int32List {
  private items = new Int32Array(1024);
  length = 0;
  push(value: number): void {
    if (this.length === this.items.length) {
      const grown = new Int32Array(this.items.length * 2);
      grown.set(this.items);
      this.items = grown;
    }
    this.items[this.length++] = value;
  }
  done(): Int32Array {
    return this.items.slice(0, this.length);
  }
}

const bomOf = (text: string): number => (text.charCodeAt(0) === 0xfeff ? 1 : 0);

/**
 * Indexes CSV text in one pass (papaparse's step mode: one row at a time, none kept). The same rows, lines,
 * headers and cells as parseCsv, which is what textRows gives back.
 */
export function indexCsv(text: string): CsvIndex {
  const bom = bomOf(text);
  const starts = new Int32List();
  const lines = new Int32List();
  let headers: string[] | null = null;
  let line = 1;
  let start = 0;
  let delimiter = ',';
  let newline: Newline = '\n';
  Papa.parse<string[]>(bom ? text.slice(bom) : text, {
    header: false,
    skipEmptyLines: false,
    step: (result) => {
      const cells = result.data;
      delimiter = result.meta.delimiter;
      newline = NEWLINES.find((kind) => kind === result.meta.linebreak) ?? newline;
      const rowStart = start;
      const rowLine = line;
      start = result.meta.cursor;
      let extra = 0;
      for (const cell of cells) if (cell.includes('\n')) extra += newlines(cell);
      line += 1 + extra;
      if (isBlank(cells)) return;
      if (headers === null) headers = cells.map((cell) => cell.trim());
      else {
        starts.push(bom + rowStart);
        lines.push(rowLine);
      }
    },
  });
  const rowStarts = starts.done();
  return {
    headers: headers ?? [],
    rowCount: rowStarts.length,
    starts: rowStarts,
    lines: lines.done(),
    delimiter,
    newline,
  };
}

/** The rows of indexed text: each read parses just the text of the rows asked for. */
export function textRows(text: string, index: CsvIndex): RowSource {
  const { starts, lines, rowCount, delimiter, newline } = index;
  return {
    headers: index.headers,
    rowCount,
    lineOf: (i) => lines[i]!,
    forRows(first, end, visit) {
      if (first >= end) return;
      // Up to the next data row: blank lines in between come along and are skipped again.
      const slice = text.slice(starts[first]!, end < rowCount ? starts[end]! : text.length);
      let i = first;
      Papa.parse<string[]>(slice, {
        header: false,
        skipEmptyLines: false,
        delimiter,
        newline,
        step: (result) => {
          const cells = result.data;
          if (i >= end || isBlank(cells)) return;
          visit({ line: lines[i]!, cells }, i);
          i++;
        },
      });
      if (i !== end)
        throw new Error(`Rows ${first}–${end - 1} of the file did not read back (${i - first}).`);
    },
  };
}

/** The rows of a file already parsed into memory (small files, tests). */
export function parsedRows(csv: ParsedCsv): RowSource {
  return {
    headers: csv.headers,
    rowCount: csv.rows.length,
    lineOf: (i) => csv.rows[i]!.line,
    forRows(first, end, visit) {
      for (let i = first; i < end; i++) visit(csv.rows[i]!, i);
    },
  };
}

/** Either kind of input as a RowSource. */
export const rowSource = (input: ParsedCsv | RowSource): RowSource =>
  'forRows' in input ? input : parsedRows(input);

/**
 * Calls `visit` for the rows at `indices` (ascending), reading each run of neighbouring rows in one go: a
 * permit's rows are usually next to each other, so a chunk of permits is a few reads, not one per row.
 */
export function forRowsAt(
  source: RowSource,
  indices: ArrayLike<number>,
  visit: (row: CsvRow, index: number) => void,
): void {
  let at = 0;
  while (at < indices.length) {
    const first = indices[at]!;
    let end = first + 1;
    at++;
    while (at < indices.length && indices[at] === end) {
      end++;
      at++;
    }
    source.forRows(first, end, visit);
  }
}
