// The running header and footer of printed pages, as CSS `@page` margin boxes (Chromium's print engine
// draws them on every page; `counter(pages)` is the page count). Their text changes with the document and
// the language, so the rules are built here and adopted as a constructed stylesheet: the CSP allows no
// inline <style>, and CSSOM sheets are not inline styles.

export interface PageRuleTexts {
  /** Top left: the document title. */
  title: string;
  /** Top right: the document code. */
  code: string;
  /** Bottom left: "Data as of … · Device …". */
  stamp: string;
  /** Bottom right: a message with {page} and {pages}, e.g. "Page {page} of {pages}". */
  pageOf: string;
  /** Wide tables (a route sheet) print across the page. */
  orientation?: 'portrait' | 'landscape';
}

/** A CSS string literal: quotes, backslashes and line breaks escaped. */
export function cssString(value: string): string {
  const escaped = value
    .replace(/\\/g, '\\\\')
    .replace(/"/g, '\\"')
    .replace(/[\r\n\f]+/g, ' ')
    // Other control characters have no place on paper.
    .replace(/\p{Cc}/gu, '');
  return `"${escaped}"`;
}

/** A message with {page} / {pages} placeholders as CSS `content`: strings and page counters. */
export function counterContent(template: string): string {
  const parts = template.split(/(\{pages?\})/).filter((part) => part !== '');
  if (parts.length === 0) return '""';
  return parts
    .map((part) =>
      part === '{page}' ? 'counter(page)' : part === '{pages}' ? 'counter(pages)' : cssString(part),
    )
    .join(' ');
}

const BOX = 'font-family: system-ui, Arial, sans-serif; font-size: 8.5pt; color: #000;';

/** The `@page` rule for a document. Size and margins live here too, so one sheet sets the page. */
export function pageRulesCss(texts: PageRuleTexts): string {
  return [
    '@page {',
    `  size: letter ${texts.orientation ?? 'portrait'};`,
    '  margin: 18mm 14mm 18mm 14mm;',
    `  @top-left { content: ${cssString(texts.title)}; ${BOX} vertical-align: bottom; }`,
    `  @top-right { content: ${cssString(texts.code)}; ${BOX} vertical-align: bottom; font-weight: bold; }`,
    `  @bottom-left { content: ${cssString(texts.stamp)}; ${BOX} vertical-align: top; }`,
    `  @bottom-right { content: ${counterContent(texts.pageOf)}; ${BOX} vertical-align: top; }`,
    '}',
  ].join('\n');
}
