// The shared print words (outside src/ui/pages, so the catalog test's glob does not see them): the same
// keys and placeholders in both languages, nothing empty, no key shadowing the shell's.
import { describe, expect, it } from 'vitest';
import { en as shellEn } from '../i18n/en';
import { en } from './messages.en';
import { es } from './messages.es';

const placeholders = (text: string) => [...text.matchAll(/\{(\w+)\}/g)].map((m) => m[1]).sort();

describe('print messages', () => {
  it('match key for key and placeholder for placeholder', () => {
    expect(Object.keys(es).sort()).toEqual(Object.keys(en).sort());
    for (const [key, english] of Object.entries(en)) {
      const spanish = es[key as keyof typeof es];
      expect(spanish.trim(), key).not.toBe('');
      expect(placeholders(spanish), key).toEqual(placeholders(english));
      expect(key in shellEn, key).toBe(false);
    }
  });
});
