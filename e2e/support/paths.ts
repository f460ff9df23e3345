// Where the browser tests keep their builds and temporary data.
import { fileURLToPath } from 'node:url';
import { join, resolve } from 'node:path';

export const ROOT = fileURLToPath(new URL('../..', import.meta.url));
/** E2E_TMP lets two runs on one machine (say, two people's checks) keep their builds apart. */
export const E2E_TMP = process.env.E2E_TMP ? resolve(ROOT, process.env.E2E_TMP) : join(ROOT, '.tmp', 'e2e');
/** The production build every browser test runs against (build id "e2e-a"). */
export const BUILD_A = join(E2E_TMP, 'dist-a');
/** A second build with a change (build id "e2e-b"), for the update prompt. */
export const BUILD_B = join(E2E_TMP, 'dist-b');
export const CHROMIUM_PATH = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';
