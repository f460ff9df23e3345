// Builds the production app once for every browser test file.
import { existsSync } from 'node:fs';
import { buildApp } from './support/build';
import { BUILD_A, CHROMIUM_PATH } from './support/paths';

export default function setup(): void {
  if (!existsSync(CHROMIUM_PATH)) {
    throw new Error(
      `Chromium not found at ${CHROMIUM_PATH}: apt-get install -y chromium (or set CHROMIUM_PATH)`,
    );
  }
  buildApp(BUILD_A, 'e2e-a');
}
