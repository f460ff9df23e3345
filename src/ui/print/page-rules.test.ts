// The generated @page rule: texts are safe CSS strings, page numbers are counters, and it parses.
import { describe, expect, it } from 'vitest';
import { documentCode, deviceCode, shortId } from './print-codes';
import { counterContent, cssString, pageRulesCss } from './page-rules';

describe('page rules', () => {
  it('escapes quotes, backslashes and line breaks so a title cannot end the rule', () => {
    expect(cssString('Deck "A" \\ rear\nshed')).toBe('"Deck \\"A\\" \\\\ rear shed"');
    expect(cssString('} @page { x')).toBe('"} @page { x"');
  });

  it('turns {page} and {pages} into counters in either language', () => {
    expect(counterContent('Page {page} of {pages}')).toBe('"Page " counter(page) " of " counter(pages)');
    expect(counterContent('Página {page} de {pages}')).toBe('"Página " counter(page) " de " counter(pages)');
    expect(counterContent('{page}/{pages}')).toBe('counter(page) "/" counter(pages)');
  });

  it('builds one @page rule with the four margin boxes', () => {
    const css = pageRulesCss({
      title: 'Permit card',
      code: 'PRM-1-v1',
      stamp: 'Data as of 2 Mar 2026',
      pageOf: 'Page {page} of {pages}',
    });
    expect(css).toContain('size: letter portrait');
    expect(pageRulesCss({ title: '', code: '', stamp: '', pageOf: '', orientation: 'landscape' })).toContain(
      'size: letter landscape',
    );
    for (const box of ['@top-left', '@top-right', '@bottom-left', '@bottom-right'])
      expect(css).toContain(box);
    expect(css).toContain('content: "Page " counter(page) " of " counter(pages)');
  });
});

describe('print codes', () => {
  const id = '0190a5e4-1c2d-7b3e-9f00-4a5b6c8e9f3a';
  it('use the random tail of a UUIDv7, not its timestamp', () => {
    expect(deviceCode(id)).toBe('8E9F3A');
    expect(shortId(id)).toBe('6C8E9F3A');
    expect(deviceCode(null)).toBe('');
  });

  it('name the kind, the record or day, and the layout version', () => {
    expect(documentCode('PRM', shortId(id))).toBe('PRM-6C8E9F3A-v1');
    expect(documentCode('PRM-INTAKE', null, 2)).toBe('PRM-INTAKE-v2');
  });
});
