// The Node half of BENCH_PROFILE (see profile.ts): where the profiles go, and the ProfileLoad the figures
// get from run.ts — null when BENCH_PROFILE is not set, so a normal run profiles nothing.
import { mkdirSync, writeFileSync } from 'node:fs';
import { isAbsolute, join } from 'node:path';
import { ROOT } from '../../e2e/support/paths';
import { captureProfile, profileNote, summarise, type ProfileLoad } from './profile';

export function benchProfiler(dir = process.env.BENCH_PROFILE): ProfileLoad | null {
  if (!dir) return null;
  const out = isAbsolute(dir) ? dir : join(ROOT, dir);
  mkdirSync(out, { recursive: true });
  return async (page, name, selector, load) => {
    const profile = await captureProfile(page, selector, load);
    const file = join(out, `${name}.cpuprofile`);
    writeFileSync(file, JSON.stringify(profile));
    return profileNote(name, summarise(profile), file);
  };
}
