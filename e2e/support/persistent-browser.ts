// A persistent Chromium profile (a device that survives restarts) that a test may kill like a power cut.
import { spawnSync } from 'node:child_process';
import { chromium, type BrowserContext } from 'playwright-core';
import { CHROMIUM_ARGS, PINNED_TIME } from './browser';
import { CHROMIUM_PATH } from './paths';

export async function launchProfile(userDataDir: string, baseURL: string): Promise<BrowserContext> {
  const context = await chromium.launchPersistentContext(userDataDir, {
    executablePath: CHROMIUM_PATH,
    headless: true,
    args: CHROMIUM_ARGS,
    baseURL,
    locale: 'en-US',
    serviceWorkers: 'allow',
  });
  await context.clock.install({ time: PINNED_TIME });
  return context;
}

/**
 * The browser (main) process of the Chromium using this profile: the one whose command line names the
 * profile and is not a child (`--type=renderer`, `--type=gpu-process`…).
 */
export function browserPid(userDataDir: string): number {
  const ps = spawnSync('ps', ['-eo', 'pid=,args='], { encoding: 'utf8' });
  const matches = ps.stdout
    .split('\n')
    .map((line) => line.trim())
    .filter((line) => line.includes(`--user-data-dir=${userDataDir}`) && !/\s--type=/.test(line));
  if (matches.length !== 1)
    throw new Error(`expected one browser process for ${userDataDir}, found:\n${matches.join('\n')}`);
  return Number.parseInt(matches[0] ?? '', 10);
}

/** SIGKILL, as a power cut or a crash would: nothing gets a chance to flush or clean up. */
export function killBrowser(pid: number): void {
  try {
    process.kill(pid, 'SIGKILL');
  } catch {
    // already gone
  }
}
