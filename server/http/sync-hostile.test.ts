// 1,000 seeded hostile push bodies: each starts from a batch that WOULD apply, gets one defect that must
// make the server refuse it (wrong types, missing fields, bad seqs, prototype-pollution keys, deep nesting,
// oversized, not JSON, ...) plus harmless noise (unicode, long strings, extra keys). Every one must get a
// 4xx, never a 5xx, and leave the records and sync tables exactly as they were.
import crypto from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { testAdapters, type TestAdapter } from '../test-support/adapters';
import { createNote, push, pushRaw, rid, syncUser, type SyncUser } from '../test-support/sync-client';
import { createTestApp, type TestApp } from '../test-support/test-app';

const CASES = 1000;

/** mulberry32: a tiny seeded PRNG, so a failure names a case that can be replayed. */
function prng(seed: number): () => number {
  let a = seed;
  return () => {
    a = (a + 0x6d2b79f5) | 0;
    let t = Math.imul(a ^ (a >>> 15), 1 | a);
    t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

type Json = Record<string, unknown>;
type Body = { json: unknown } | { raw: string; type?: string };

const WEIRD_VALUES: unknown[] = [
  null,
  true,
  0,
  -1,
  1.5,
  1e308,
  -0,
  '',
  ' ',
  '1',
  'x'.repeat(300),
  '\u0000',
  '\ud800',
  '🦆'.repeat(50),
  [],
  [1, 2],
  {},
  { a: { b: { c: {} } } },
];
const UNICODE = ['Zürich', 'مرحبا', '\u202eevil', '🦆🌊', '\ud83d', 'a\u0000b', '\uFEFF', '𝕳𝖔𝖑𝖉'];

function hostileBody(random: () => number, who: SyncUser): Body {
  const pick = <T>(list: readonly T[]): T => list[Math.floor(random() * list.length)]!;
  const entries: Json[] = [3, 4].map((seq, i) => ({ ...createNote(who, seq, 100 + i) }) as unknown as Json);
  const body: Json = { protocol: 1, clientId: who.clientId, entries };
  // Noise that never makes a bad body acceptable.
  const noise = Math.floor(random() * 3);
  for (let n = 0; n < noise; n++) {
    const fields = (entries[0]!.args as Json).fields as Json;
    if (random() < 0.5) fields.title = pick(UNICODE).repeat(1 + Math.floor(random() * 20));
    else body[pick(['extra', 'debug', 'role', 'departments'])] = pick(WEIRD_VALUES);
  }
  const entry = pick(entries);
  const defect = Math.floor(random() * 16);
  switch (defect) {
    case 0:
      return { json: pick([null, 42, 'push', [], true, [body]]) };
    case 1:
      return {
        raw: pick(['{', '{"protocol":1,', 'NaN', '<xml/>', '{"a":1}}', '\u0000', '']),
        type: 'application/json',
      };
    case 2:
      body.protocol = pick(['1', null, 1.5, 1e308, -1, 2, 0, {}, undefined]);
      break;
    case 3:
      body.clientId = pick([
        undefined,
        '',
        'x'.repeat(129),
        7,
        {},
        [],
        'has space',
        'tab\t',
        'nul\u0000',
        'é',
      ]);
      for (const e of entries) e.clientId = body.clientId;
      break;
    case 4:
      body.entries = pick([undefined, {}, 'entries', null, 3, Array.from({ length: 501 }, () => entries[0])]);
      break;
    case 5:
      entries[Math.floor(random() * 2)] = pick(
        WEIRD_VALUES.filter((v) => typeof v !== 'object' || Array.isArray(v) || v === null),
      ) as Json;
      break;
    case 6:
      entry.seq = pick([undefined, 0, -3, 3.5, 1e300, '3', null, Number.MAX_SAFE_INTEGER + 2]);
      break;
    case 7:
      entry[pick(['name', 'args', 'baseRevs', 'at', 'userId', 'clientId'])] = pick([
        undefined,
        null,
        12,
        ['x'],
      ]);
      break;
    case 8:
      entry.baseRevs = pick([{ [rid(1)]: -1 }, { [rid(1)]: 1.5 }, { [rid(1)]: '7' }, [], 'none']);
      break;
    case 9:
      entry.at = pick([
        'yesterday',
        '',
        '2030-13-45T99:99:99Z',
        '2030-06-01',
        '1 June 2030',
        'x'.repeat(5000),
      ]);
      break;
    case 10:
      entry.userId = pick(['', 'u'.repeat(129)]);
      break;
    case 11:
      // Out of order, repeated, or starting beyond lastSeq + 1 (409).
      if (random() < 0.5) entries[1]!.seq = pick([3, 2]);
      else for (const e of entries) e.seq = (e.seq as number) + 10;
      break;
    case 12: {
      const text = JSON.stringify(body);
      const key = pick(['"__proto__":{"isAdmin":true},', '"constructor":{"prototype":{"x":1}},']);
      return { raw: text.replace('"args":{', `"args":{${key}`), type: 'application/json' };
    }
    case 13: {
      const depth = 1000 + Math.floor(random() * 50000);
      const nested = `${'['.repeat(depth)}${']'.repeat(depth)}`;
      return {
        raw: JSON.stringify(body).replace(/"entries":\[/, `"entries":[${nested},`),
        type: 'application/json',
      };
    }
    case 14:
      (entry.args as Json).fields = { title: 'x'.repeat(2 * 1024 * 1024) };
      break;
    default:
      return {
        raw: JSON.stringify(body),
        type: pick(['text/plain', 'application/x-www-form-urlencoded', 'application/xml']),
      };
  }
  return { json: body };
}

describe.each(await testAdapters())('sync push hostile bodies: $name', ({ create }) => {
  let adapter: TestAdapter;
  let t: TestApp;
  let rita: SyncUser;
  beforeAll(async () => {
    adapter = create();
    t = await createTestApp(adapter, { env: { SYNC_RATE_LIMIT_PER_MINUTE: '1000000' } });
    rita = await syncUser(t, 'rita');
    await push(t, rita, [createNote(rita, 1, 1), createNote(rita, 2, 2)]);
  });
  afterAll(async () => {
    await t.app.close();
    await adapter.cleanup();
  });

  async function fingerprint(): Promise<string> {
    const records = await t.storage.sync.listRecords({ after: 0, departments: null, limit: 100_000 });
    const state = {
      counts: await t.storage.sync.counts(),
      records,
      client: await t.storage.sync.getClient(rita.clientId),
      results: [...(await t.storage.sync.getResults(rita.clientId, 0, 1_000_000)).values()],
    };
    return crypto.createHash('sha256').update(JSON.stringify(state)).digest('hex');
  }

  it(`answers ${CASES} seeded hostile bodies with 4xx and changes nothing`, async () => {
    const before = await fingerprint();
    const random = prng(20300601);
    const statuses = new Map<number, number>();
    for (let i = 0; i < CASES; i++) {
      const body = hostileBody(random, rita);
      const response =
        'json' in body
          ? await pushRaw(t, rita.cookie, JSON.stringify(body.json) ?? 'undefined', {
              'content-type': 'application/json',
            })
          : await pushRaw(t, rita.cookie, body.raw, body.type ? { 'content-type': body.type } : {});
      statuses.set(response.statusCode, (statuses.get(response.statusCode) ?? 0) + 1);
      if (response.statusCode < 400 || response.statusCode >= 500)
        throw new Error(`case ${i}: ${response.statusCode} ${response.body.slice(0, 300)}`);
    }
    expect(await fingerprint()).toBe(before);
    // The generator reaches every kind of refusal.
    expect([...statuses.keys()].sort()).toEqual([400, 409, 413, 415]);
  });
});
