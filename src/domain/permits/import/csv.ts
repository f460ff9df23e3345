// Reading a city's CSV export: papaparse splits it into cells; each row keeps the line of the file it
// starts on (header = line 1), so errors name the line a clerk sees in a text editor or spreadsheet.
import Papa from 'papaparse';

export interface CsvRow {
  /** The file's line number where this row starts (the header is line 1). */
  line: number;
  cells: string[];
}

export interface ParsedCsv {
  headers: string[];
  rows: CsvRow[];
}

const newlines = (cell: string): number => {
  let count = 0;
  for (let i = cell.indexOf('\n'); i !== -1; i = cell.indexOf('\n', i + 1)) count++;
  return count;
};

/**
 * Splits CSV text (comma, semicolon or tab separated, detected by papaparse) into a header row and data
 * rows. Blank lines are skipped but still counted, and quoted cells that hold line breaks advance the line
 * count, so `line` is always the file's own line.
 */
export function parseCsv(text: string): ParsedCsv {
  const body = text.charCodeAt(0) === 0xfeff ? text.slice(1) : text;
  const result = Papa.parse<string[]>(body, { header: false, skipEmptyLines: false });
  const data = result.data;
  let line = 1;
  let headers: string[] | null = null;
  const rows: CsvRow[] = [];
  for (const cells of data) {
    const start = line;
    let extra = 0;
    for (const cell of cells) if (cell.includes('\n')) extra += newlines(cell);
    line += 1 + extra;
    if (cells.length === 1 && cells[0]!.trim() === '') continue;
    if (headers === null) headers = cells.map((cell) => cell.trim());
    else rows.push({ line: start, cells });
  }
  return { headers: headers ?? [], rows };
}
