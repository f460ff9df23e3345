// Small pure helpers of the sign-in and setup pages: where to go after sign-in, reading the setup token.
import { describe, expect, it } from 'vitest';
import { safeNext } from './sign-in-page';
import { tokenFromHash } from './setup/setup-page';

describe('safeNext', () => {
  it('follows same-site paths only', () => {
    expect(safeNext('/permits?x=1')).toBe('/permits?x=1');
    expect(safeNext(undefined)).toBe('/');
    expect(safeNext('//evil.example/')).toBe('/');
    expect(safeNext('https://evil.example/')).toBe('/');
    expect(safeNext('/sign-in')).toBe('/');
  });
});

describe('tokenFromHash', () => {
  it('reads the token from the fragment', () => {
    expect(tokenFromHash('#token=abc-DEF_123')).toBe('abc-DEF_123');
    expect(tokenFromHash('')).toBeNull();
    expect(tokenFromHash('#token=')).toBeNull();
  });
});
