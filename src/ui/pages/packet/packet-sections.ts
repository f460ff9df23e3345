// The packet's sections and how its content is cut into sheets. A sheet is one printed page: it starts on
// a new page and holds few enough rows to fit a Letter page, so the page number its QR code carries is the
// physical page (the cover is page 1). Rows are cut at fixed counts (ROWS) sized for rows of one or two
// lines; a table row is never split, and nothing is left over for a second physical page. The blank
// forms are the exception: each is two pages (the form as its own print view prints it), and its second
// page ends with a foot carrying that page's code and QR code.

export const SECTIONS = [
  'trees',
  'callSheets',
  'ics205a',
  'succession',
  'checklists',
  'permits',
  'inspections',
  'incidents',
  'blankForms',
] as const;
export type SectionKey = (typeof SECTIONS)[number];

/** Rows a sheet holds, per kind of table (the sheet's head, with its QR code, takes about 25 mm). */
export const ROWS = {
  outline: 18,
  callSheet: 10,
  ics205a: 12,
  succession: 8,
  checklist: 5,
  permits: 22,
  inspections: 20,
} as const;

/** `list` cut into pieces of at most `size` (an empty list gives one empty piece: the sheet says "none"). */
export function chunk<T>(list: readonly T[], size: number): T[][] {
  if (list.length === 0) return [[]];
  const pieces: T[][] = [];
  for (let i = 0; i < list.length; i += size) pieces.push(list.slice(i, i + size));
  return pieces;
}
