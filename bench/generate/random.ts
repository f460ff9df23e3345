// Seeded randomness for the data generators, so every run (and every machine) gets the same data.
export { pick, seededRandom, type Random } from '../../e2e/support/seeded-random';
import type { Random } from '../../e2e/support/seeded-random';

/** A whole number in [min, max]. */
export function between(random: Random, min: number, max: number): number {
  return min + Math.floor(random() * (max - min + 1));
}

/**
 * A length drawn from a skewed distribution: most values near `typical`, a long tail up to `max`
 * (field notes are mostly a few lines, a few are pages long).
 */
export function skewedLength(random: Random, typical: number, max: number): number {
  const u = random();
  const value = Math.round(typical * Math.exp((u - 0.5) * 2.2) * (u > 0.97 ? 4 : 1));
  return Math.max(0, Math.min(max, value));
}
