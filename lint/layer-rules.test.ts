// Proves the linter enforces ARCHITECTURE.md's layer rules: each forbidden import below must fail lint.
import { ESLint } from 'eslint';
import { beforeAll, describe, expect, it } from 'vitest';

const eslint = new ESLint({ cwd: process.cwd() });

async function restrictedImports(filePath: string, source: string): Promise<number> {
  const [result] = await eslint.lintText(source, { filePath });
  return result?.messages.filter((m) => m.ruleId === 'no-restricted-imports').length ?? 0;
}

const forbidden: [string, string][] = [
  ['src/domain/example.ts', "import Dexie from 'dexie';"],
  ['src/domain/example.ts', "import { h } from 'preact';"],
  ['src/domain/example.ts', "import { readFile } from 'node:fs';"],
  ['src/domain/example.ts', "import { db } from '../storage/db';"],
  ['src/domain/example.ts', "import { x } from '../protocol/api';"],
  ['src/protocol/example.ts', "import { db } from '../storage/db';"],
  ['src/protocol/example.ts', "import { x } from '../sync/outbox';"],
  ['src/storage/example.ts', "import { x } from '../sync/outbox';"],
  ['src/storage/example.ts', "import { create } from 'zustand';"],
  ['src/sync/example.ts', "import Dexie from 'dexie';"],
  ['src/sync/example.ts', "import { App } from '../ui/app';"],
  ['src/ui/example.ts', "import Dexie from 'dexie';"],
  ['sw/example.ts', "import { db } from '../src/storage/db';"],
  ['sw/example.ts', "import { x } from '../src/domain/users';"],
  ['server/example.ts', "import { db } from '../src/storage/db';"],
  ['server/example.ts', "import { h } from 'preact';"],
  ['src/domain/sync/example.ts', "import { x } from '../../protocol/sync';"],
  ['src/storage/example.ts', "import { x } from '../protocol/sync';"],
  ['src/protocol/example.ts', "import { x } from '../sync/outbox';"],
  ['src/ui/example.ts', "import { x } from '../../server/storage/storage';"],
  ['src/domain/permits/example.ts', "import { x } from '../../sync/outbox';"],
  ['src/domain/permits/example.ts', "import { x } from '../../storage/db';"],
  ['src/domain/example.ts', "import { x } from '../sync/outbox';"],
];

const allowed: [string, string][] = [
  ['src/protocol/example.ts', "import type { Role } from '../domain/users';"],
  ['src/storage/example.ts', "import Dexie from 'dexie';"],
  ['src/storage/example.ts', "import type { Role } from '../domain/users';"],
  ['src/sync/example.ts', "import { x } from '../storage/db';"],
  ['src/sync/example.ts', "import { y } from '../protocol/api';"],
  ['src/ui/example.ts', "import { create } from 'zustand';"],
  ['src/ui/example.ts', "import { x } from '../storage/db';"],
  ['sw/example.ts', "import { x } from '../src/protocol/version';"],
  ['server/example.ts', "import { x } from '../src/domain/users';"],
  ['server/example.ts', "import { s } from './storage/storage';"],
  ['server/http/example.ts', "import { x } from '../../src/domain/sync/index';"],
  ['src/storage/example.ts', "import { x } from '../domain/sync/sync-record';"],
  ['src/protocol/example.ts', "import { x } from '../domain/sync/index';"],
  ['src/protocol/sync.test.ts', "import { x } from './sync';"],
  ['sw/example.ts', "import { x } from '../src/protocol/sync';"],
  ['src/ui/example.ts', "import { x } from '../../domain/sync';"],
  ['src/domain/permits/example.ts', "import { x } from '../sync/field-checks';"],
];

describe('layer rules', () => {
  // The first lint loads the TypeScript parser and the config: slow on a busy machine, so not timed.
  beforeAll(() => restrictedImports('src/domain/warm-up.ts', ''), 120_000);

  it.each(forbidden)('%s may not: %s', async (file, source) => {
    expect(await restrictedImports(file, source)).toBeGreaterThan(0);
  });

  it.each(allowed)('%s may: %s', async (file, source) => {
    expect(await restrictedImports(file, source)).toBe(0);
  });
});
