// Reads for the Device page: the identity this database was created with.
import type { HoldfastDatabase } from './database';
import { getMeta, type Sentinel } from './meta';

export function readSentinel(db: HoldfastDatabase): Promise<Sentinel | null> {
  return getMeta(db, 'sentinel');
}
