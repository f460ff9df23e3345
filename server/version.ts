// The app version reported by /api/health: the "version" field of the root package.json.
import fs from 'node:fs';

let cached: string | null = null;

export function appVersion(): string {
  if (cached === null) {
    const pkg = JSON.parse(fs.readFileSync(new URL('../package.json', import.meta.url), 'utf8')) as {
      version?: string;
    };
    cached = pkg.version ?? '0.0.0';
  }
  return cached;
}
