import { mkdirSync, mkdtempSync, utimesSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { buildIsStale } from './build-freshness';

function project(): string {
  const root = mkdtempSync(join(tmpdir(), 'hf-fresh-'));
  mkdirSync(join(root, 'src'));
  writeFileSync(join(root, 'src', 'main.tsx'), 'x');
  return root;
}

function build(root: string, at: Date): void {
  mkdirSync(join(root, 'dist'), { recursive: true });
  for (const file of ['index.html', 'sw.js']) {
    writeFileSync(join(root, 'dist', file), '');
    utimesSync(join(root, 'dist', file), at, at);
  }
}

describe('buildIsStale', () => {
  it('is stale when nothing was built', () => {
    expect(buildIsStale(project())).toBe(true);
  });

  it('is fresh when the build is newer than every source', () => {
    const root = project();
    const old = new Date(Date.now() - 60_000);
    utimesSync(join(root, 'src', 'main.tsx'), old, old);
    utimesSync(join(root, 'src'), old, old);
    build(root, new Date());
    expect(buildIsStale(root)).toBe(false);
  });

  it('is stale when a source changed after the build', () => {
    const root = project();
    build(root, new Date(Date.now() - 60_000));
    writeFileSync(join(root, 'src', 'main.tsx'), 'changed');
    expect(buildIsStale(root)).toBe(true);
  });

  it('ignores test files', () => {
    const root = project();
    const old = new Date(Date.now() - 60_000);
    utimesSync(join(root, 'src', 'main.tsx'), old, old);
    build(root, new Date(Date.now() - 30_000));
    writeFileSync(join(root, 'src', 'main.test.ts'), 'new test');
    utimesSync(join(root, 'src'), old, old);
    expect(buildIsStale(root)).toBe(false);
  });
});
