// Phone numbers typed in the usual ways become E.164; what is not a number is refused.
import { describe, expect, it } from 'vitest';
import { formatPhone, parsePhone, telHref } from './phone-format';

describe('parsePhone', () => {
  it('reads the usual ways of typing a number as E.164, US by default', () => {
    for (const typed of [
      '(802) 555-0134',
      '802-555-0134',
      '802.555.0134',
      '8025550134',
      '+1 802 555 0134',
      '1 (802) 555 0134',
      ' +18025550134 ',
    ])
      expect(parsePhone(typed)).toEqual({ ok: true, e164: '+18025550134' });
    expect(parsePhone('+44 20 7183 8750')).toEqual({ ok: true, e164: '+442071838750' });
    expect(parsePhone('0044 20 7183 8750')).toEqual({ ok: true, e164: '+442071838750' });
    expect(parsePhone('020 7183 8750', 'GB')).toEqual({ ok: true, e164: '+442071838750' });
  });

  it('refuses what cannot be a number and says when nothing was typed', () => {
    expect(parsePhone('')).toEqual({ ok: false, reason: 'empty' });
    expect(parsePhone('   ')).toEqual({ ok: false, reason: 'empty' });
    for (const typed of ['555-0134', '12345', 'call Ana', '(000) 555-0134', '+1 802 555 01349999'])
      expect(parsePhone(typed)).toEqual({ ok: false, reason: 'invalid' });
  });
});

describe('formatPhone', () => {
  it('shows stored numbers internationally formatted, and links them', () => {
    expect(formatPhone('+18025550134')).toBe('+1 802 555 0134');
    expect(formatPhone('+442071838750')).toBe('+44 20 7183 8750');
    expect(formatPhone('not a number')).toBe('not a number');
    expect(telHref('+18025550134')).toBe('tel:+18025550134');
  });
});
