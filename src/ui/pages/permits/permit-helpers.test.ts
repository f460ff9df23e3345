// Money typed in either convention, days shown without time-zone shifts, and domain errors in both languages.
import { describe, expect, it } from 'vitest';
import { validatePermit } from '../../../domain/permits/permit-kinds';
import { translateArea } from '../../i18n/area-messages';
import { loadLanguage, type Language } from '../../i18n/translate';
import type { PermitsT } from './messages';
import { permitsMessages } from './messages';
import { errorsByField, formatDay, formatMoney, parseMoney } from './permit-helpers';

const tOf = (language: Language): PermitsT =>
  Object.assign(
    (key: Parameters<PermitsT>[0], params?: Record<string, string | number>) =>
      translateArea(permitsMessages, language, key, params),
    { language },
  );

describe('permit helpers', () => {
  it('reads amounts as cents in either decimal convention', () => {
    expect(parseMoney('1250')).toBe(125_000);
    expect(parseMoney('1,250.50')).toBe(125_050);
    expect(parseMoney('1.250,50')).toBe(125_050);
    expect(parseMoney('12,5')).toBe(1_250);
    expect(parseMoney('$ 18,500.00')).toBe(1_850_000);
    expect(parseMoney('-5')).toBe(-500);
    expect(parseMoney('12.345')).toBeNaN();
    expect(parseMoney('ten')).toBeNaN();
    expect(parseMoney('')).toBeNaN();
  });

  it('formats money and days in the reader’s language', () => {
    expect(formatMoney(12_550, 'en')).toBe('$125.50');
    expect(formatDay('2026-03-02', 'en')).toBe('Mar 2, 2026');
    expect(formatDay('not a day', 'en')).toBe('');
  });

  it('says each domain error next to its field in English and Spanish, never the domain’s English in Spanish', async () => {
    await loadLanguage('es');
    const fields = {
      status: 'submitted',
      appliedDate: '2026-02-20',
      issuedDate: '2026-02-01',
      valuationCents: -1,
    };
    const errors = validatePermit(fields, 'create');
    const en = errorsByField(tOf('en'), errors);
    const es = errorsByField(tOf('es'), errors);
    expect(en).toMatchObject({
      address: 'Enter the address of the work.',
      issuedDate: 'The issue date cannot be before the application date.',
      valuationCents: 'The valuation cannot be negative.',
    });
    expect(es).toMatchObject({
      address: 'Escriba la dirección de la obra.',
      issuedDate: 'La fecha de emisión no puede ser anterior a la fecha de solicitud.',
    });
    expect(Object.keys(es).sort()).toEqual(Object.keys(en).sort());
    for (const error of errors) expect(Object.values(es)).not.toContain(error.message);
  });
});
