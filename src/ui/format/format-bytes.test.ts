// Storage sizes read like "12.3 MB of 1.2 GB".
import { describe, expect, it } from 'vitest';
import { formatBytes } from './format-bytes';

describe('formatBytes', () => {
  it('picks a unit and keeps one decimal', () => {
    expect(formatBytes(512, 'en')).toBe('512 byte');
    expect(formatBytes(12_345_678, 'en')).toBe('12.3 MB');
    expect(formatBytes(1_200_000_000, 'en')).toBe('1.2 GB');
  });

  it('uses the language’s decimal separator', () => {
    expect(formatBytes(12_345_678, 'es')).toBe('12,3 MB');
  });
});
