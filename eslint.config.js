// Lint rules, including the layer rules of ARCHITECTURE.md: a wrong import fails CI rather than a review.
import js from '@eslint/js';
import tseslint from 'typescript-eslint';
import globals from 'globals';

// One layer's folder, wherever the import path starts. A same-named folder inside src/domain or a module of
// src/protocol (e.g. domain/sync, protocol/sync), or anything in the importer's own folder (./), is not
// that layer, so those paths are excluded.
const layer = (name) => [
  `**/${name}`,
  `**/${name}/**`,
  `!**/domain/${name}`,
  `!**/domain/${name}/**`,
  `!**/protocol/${name}`,
  '!./**',
];
const dexie = { group: ['dexie', 'dexie/*'], message: 'Only src/storage may import dexie.' };
const ui = {
  group: ['preact', 'preact/*', 'preact-iso', 'zustand', 'zustand/*'],
  message: 'UI libraries belong in src/ui.',
};
// Each layer is its own pattern group, so one layer's exclusions never re-allow another layer.
const restrict = (message, ...groups) => ({
  'no-restricted-imports': [
    'error',
    { patterns: groups.flatMap((g) => (Array.isArray(g) ? g.map((group) => ({ group, message })) : [g])) },
  ],
});

export default tseslint.config(
  {
    ignores: [
      '.tmp/**',
      'dist/**',
      'node_modules/**',
      'data/**',
      'dev-dist/**',
      'e2e/fixtures/**',
      'bench/results*',
    ],
  },
  js.configs.recommended,
  ...tseslint.configs.recommended,
  {
    languageOptions: { globals: { ...globals.browser, ...globals.node } },
    rules: {
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', varsIgnorePattern: '^_' }],
      '@typescript-eslint/consistent-type-imports': 'error',
    },
  },
  // Layer rules. Each block lists what the folder must NOT import.
  ...[
    // Files at the top of src/domain: '../sync' is the sync layer.
    { files: ['src/domain/*'], within: () => [] },
    // Files in a domain area (src/domain/permits/…): '../sync/…' is a sibling domain area, not a layer.
    { files: ['src/domain/*/**'], within: (name) => [`!../${name}`, `!../${name}/**`] },
  ].map(({ files, within }) => ({
    files,
    rules: restrict(
      'src/domain is pure: no I/O, no UI, no other layer.',
      dexie,
      ui,
      ['storage', 'sync', 'ui', 'protocol', 'server'].map((name) => [...layer(name), ...within(name)]),
      {
        group: ['node:*', 'fs', 'path', 'pg', 'better-sqlite3', 'workbox-*'],
        message: 'src/domain does no I/O.',
      },
    ),
  })),
  {
    files: ['src/protocol/**'],
    rules: restrict('src/protocol may import only src/domain.', dexie, ui, [
      layer('storage'),
      layer('sync'),
      layer('ui'),
      layer('server'),
    ]),
  },
  {
    files: ['src/storage/**'],
    rules: restrict('src/storage may import only src/domain (and dexie).', ui, [
      layer('sync'),
      layer('ui'),
      layer('protocol'),
      layer('server'),
    ]),
  },
  {
    files: ['src/sync/**'],
    rules: restrict('src/sync may import storage, protocol and domain.', dexie, ui, [
      layer('ui'),
      layer('server'),
    ]),
  },
  {
    files: ['src/ui/**'],
    rules: restrict('src/ui must not reach into the server.', dexie, [layer('server')]),
  },
  {
    files: ['sw/**'],
    languageOptions: { globals: { ...globals.serviceworker } },
    rules: restrict('sw/ may import only src/protocol (and workbox).', dexie, ui, [
      layer('storage'),
      layer('sync'),
      layer('ui'),
      layer('domain'),
      layer('server'),
    ]),
  },
  {
    files: ['server/**'],
    rules: restrict('server/ may import only src/domain and src/protocol.', dexie, ui, [
      layer('src/storage'),
      layer('src/sync'),
      layer('src/ui'),
      ['**/sw/**'],
    ]),
  },
);
