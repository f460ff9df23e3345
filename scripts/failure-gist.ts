// What `npm test` repeats of a failed test in its summary, which is all CI keeps: the message, what
// Playwright was waiting for (its call log names the locator) and the line of the test file it stopped on.

// eslint-disable-next-line no-control-regex
const ANSI = /\u001b\[[0-9;]*m/g;

export function failureGist(message: string, root: string): string {
  const lines = message
    .replace(ANSI, '')
    .split('\n')
    .map((line) => line.trim());
  const kept = [lines[0]?.slice(0, 300) ?? ''];
  const waiting = lines.find((line) => line.startsWith('- waiting for '));
  if (waiting) kept.push(waiting.slice(0, 300));
  const at = lines.find((line) => /^at .*\.(e2e|test)\.tsx?:\d+/.test(line));
  if (at) kept.push(at.replace(`${root}/`, ''));
  return kept.join('\n    ');
}
