import { describe, expect, it } from 'vitest';
import { failureGist } from './failure-gist';

describe('failureGist', () => {
  it('keeps the message, the locator Playwright waited for and the test line', () => {
    // As Vitest's JSON report holds a Playwright timeout, colours and all.
    const message = [
      'locator.focus: Timeout 30000ms exceeded.',
      'Call log:',
      "\u001b[2m  - waiting for getByRole('main').getByRole('button', { name: 'Nope' })\u001b[22m",
      '',
      '    at /repo/e2e/contacts-trees.e2e.ts:8:72',
      '    at async file:///repo/node_modules/@vitest/runner/dist/chunk-artifact.js:1903:20',
    ].join('\n');
    expect(failureGist(message, '/repo')).toBe(
      [
        'locator.focus: Timeout 30000ms exceeded.',
        "    - waiting for getByRole('main').getByRole('button', { name: 'Nope' })",
        '    at e2e/contacts-trees.e2e.ts:8:72',
      ].join('\n'),
    );
  });

  it('keeps an assertion message and its line', () => {
    const message = 'AssertionError: expected 1 to be 2\n    at /repo/src/x.test.ts:3:1\n    at other.js:1:1';
    expect(failureGist(message, '/repo')).toBe(
      'AssertionError: expected 1 to be 2\n    at src/x.test.ts:3:1',
    );
  });
});
