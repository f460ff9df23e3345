// Realistic permits for the Permits figures: the Burlington export (e2e/fixtures/burlington-permits.csv)
// parsed and planned with the app's own import code (src/domain/permits/import), then repeated to any
// count with new ids, shuffled addresses and new, shuffled permit numbers, as records a pull delivers
// (with a server revision, synced, no pending edit). Seeded: every run gets the same permits.
// No Node-only imports: the bench bundle (bench/browser/entry.ts) runs it in the page.
import { v7 as uuidv7 } from 'uuid';
import {
  buildImport,
  parseCsv,
  statusValues,
  suggestMapping,
  suggestStatus,
  suggestStatuses,
} from '../../src/domain/permits/import';
import type { JsonObject } from '../../src/domain/sync/json-value';
import type { SyncRecord } from '../../src/domain/sync/sync-record';
import { seededRandom, type Random } from './random';

export interface PermitTemplates {
  /** The file's permits' fields, as the import plans them. */
  fields: JsonObject[];
  addresses: string[];
}

/** The Burlington file's permits, planned by the import (the same mapping the import page suggests). */
export function permitTemplates(csvText: string, dept: string): PermitTemplates {
  const csv = parseCsv(csvText);
  const mapping = suggestMapping(csv.headers);
  const statuses = suggestStatuses(statusValues(csv, mapping), suggestStatus, 'submitted');
  const plan = buildImport(csv, { mapping, statuses, dept, fileName: 'burlington-permits.csv' });
  if (plan.permits.length === 0) throw new Error('the Burlington file planned no permits');
  const fields = plan.permits.map((p) => p.fields);
  const addresses = fields.map((f) => f.address).filter((a): a is string => typeof a === 'string' && !!a);
  return { fields, addresses };
}

function shuffled<T>(random: Random, items: readonly T[]): T[] {
  const out = [...items];
  for (let i = out.length - 1; i > 0; i--) {
    const j = Math.floor(random() * (i + 1));
    [out[i], out[j]] = [out[j]!, out[i]!];
  }
  return out;
}

export interface GeneratedPermits {
  records: SyncRecord[];
  /** Search texts a clerk would type: address prefixes (number, or street name) and permit numbers. */
  queries: string[];
}

/**
 * `count` permit records of `dept`, as pulled: record i is template i mod n with a new id, an address
 * drawn from the file's (shuffled), and a unique number "YY-NNNNNN" (numbers shuffled over the records).
 * updatedAt spreads over the last year, so the newest-first list is in no id order.
 */
export function generatePermits(
  templates: PermitTemplates,
  options: { count: number; dept: string; userId: string; seed: number; queries?: number },
): GeneratedPermits {
  const random = seededRandom(options.seed);
  const { fields, addresses } = templates;
  const serials = shuffled(
    random,
    Array.from({ length: options.count }, (_, i) => i),
  );
  const addressOrder = shuffled(random, addresses);
  const now = Date.parse('2026-11-01T12:00:00Z');
  const year = 365 * 24 * 3600 * 1000;
  const records: SyncRecord[] = [];
  for (let i = 0; i < options.count; i++) {
    const template = fields[i % fields.length]!;
    const serial = serials[i]!;
    const number = `${20 + (serial % 7)}-${String(100_000 + serial).padStart(6, '0')}`;
    const address = addressOrder[(i * 7919) % addressOrder.length]!;
    const created = new Date(now - Math.floor(random() * year)).toISOString();
    const updated = new Date(
      Date.parse(created) + Math.floor(random() * 30 * 24 * 3600 * 1000),
    ).toISOString();
    records.push({
      id: uuidv7(),
      kind: 'permit',
      dept: options.dept,
      rev: i + 1,
      createdAt: created,
      updatedAt: updated,
      createdBy: options.userId,
      updatedBy: options.userId,
      deleted: false,
      fields: { ...template, number, address },
    });
  }
  // The mix a counter sees: street numbers, street names and whole addresses (prefixes), and numbers.
  const queries: string[] = [];
  const wanted = options.queries ?? 40;
  for (let q = 0; records.length > 0 && q < wanted; q++) {
    const record = records[Math.floor(random() * records.length)]!;
    const address = String(record.fields.address);
    const number = String(record.fields.number);
    const words = address.split(/\s+/).filter(Boolean);
    switch (q % 5) {
      case 0:
        queries.push(number);
        break;
      case 1:
        queries.push(number.slice(0, 5));
        break;
      case 2:
        queries.push(words.slice(0, 2).join(' ') || address);
        break;
      case 3:
        queries.push((words[1] ?? words[0] ?? address).slice(0, 4));
        break;
      default:
        queries.push(words[0] ?? address);
    }
  }
  return { records, queries };
}
