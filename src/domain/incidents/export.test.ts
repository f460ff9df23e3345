import Papa from 'papaparse';
import { describe, expect, it } from 'vitest';
import type { JsonObject } from '../sync/json-value';
import { id } from '../sync/test-helpers';
import { contentHashOf, GENESIS_HASH, nextLink } from './chain';
import {
  CSV_COLUMNS,
  exportFileName,
  incidentLogsCsv,
  incidentLogsJson,
  verifyLogChain,
  type ExportRecord,
  type IncidentExport,
} from './export';

const INCIDENT = id(1);
const PERIOD = id(2);
const LOG = id(3);

/** A log's entries chained the way the mutator chains them. */
function chain(lines: JsonObject[]): ExportRecord[] {
  let log: JsonObject = {};
  return lines.map((extra, i) => {
    const entryId = id(100 + i);
    const fields: JsonObject = {
      logId: LOG,
      incidentId: INCIDENT,
      eventAt: `2026-03-02T0${i}:15:00.000Z`,
      recordedAt: `2026-03-02T0${i}:16:00.000Z`,
      authorName: 'Rita Moreno',
      ...extra,
    };
    const contentHash = contentHashOf(fields);
    const link = nextLink(log, entryId, contentHash);
    log = { entryCount: link.seq, headHash: link.hash };
    return { id: entryId, dept: 'em', fields: { ...fields, contentHash, ...link } };
  });
}

const entries = chain([
  { text: 'Briefing held, 12 staff' },
  { text: '=cmd|calc, road "A" closed', priority: 'urgent' },
  { text: 'Road A reopened', corrects: id(101), correctionReason: 'Wrong road: it was road B' },
  { text: 'Generator refuelled', transcribed: true, attachmentIds: [id(200), id(201)] },
]);

async function exportOf(exercise: boolean, list = entries): Promise<IncidentExport> {
  return {
    incident: {
      id: INCIDENT,
      dept: 'em',
      fields: { name: 'Ice storm', number: 'IS-2026/01', exercise, startedAt: '2026-03-02T00:00:00Z' },
    },
    periods: [
      {
        id: PERIOD,
        dept: 'em',
        fields: { incidentId: INCIDENT, number: 1, startsAt: '2026-03-02T00:00:00Z', endsAt: 'x' },
      },
    ],
    logs: [
      {
        log: {
          id: LOG,
          dept: 'em',
          fields: {
            incidentId: INCIDENT,
            periodId: PERIOD,
            name: 'EOC Planning',
            icsPosition: 'Planning Section Chief',
            homeAgency: 'City EM',
            resources: [{ name: 'Omar', position: 'SITL', agency: 'PW' }],
            entryCount: list.length,
          },
        },
        entries: list,
        verification: await verifyLogChain(list),
      },
    ],
    exportedAt: '2026-03-02T09:30:00.000Z',
    deviceId: 'device-1',
  };
}

describe('incident export', () => {
  it('writes one CSV row per entry with the hashes, the corrected seq and the transcribed mark', async () => {
    const csv = incidentLogsCsv(await exportOf(false));
    expect(csv.startsWith('\uFEFF')).toBe(true);
    const parsed = Papa.parse<string[]>(csv.slice(1), { skipEmptyLines: true });
    const [header, ...rows] = parsed.data;
    expect(header).toEqual([...CSV_COLUMNS]);
    expect(rows).toHaveLength(4);
    const col = (row: string[], name: (typeof CSV_COLUMNS)[number]) => row[CSV_COLUMNS.indexOf(name)];
    expect(rows.map((row) => col(row, 'seq'))).toEqual(['1', '2', '3', '4']);
    expect(rows.map((row) => col(row, 'hash'))).toEqual(entries.map((e) => e.fields.hash));
    expect(col(rows[0]!, 'prev_hash')).toBe(GENESIS_HASH);
    expect(col(rows[1]!, 'prev_hash')).toBe(entries[0]!.fields.hash);
    expect(col(rows[1]!, 'content_hash')).toBe(entries[1]!.fields.contentHash);
    expect(col(rows[2]!, 'corrects')).toBe('2');
    expect(col(rows[2]!, 'corrects_entry_id')).toBe(id(101));
    expect(col(rows[2]!, 'correction_reason')).toBe('Wrong road: it was road B');
    expect(col(rows[3]!, 'transcribed')).toBe('yes');
    // The photos' ids, space-separated; none for an entry without photos.
    expect(col(rows[3]!, 'attachment_ids')).toBe(`${id(200)} ${id(201)}`);
    expect(rows.slice(0, 3).map((row) => col(row, 'attachment_ids'))).toEqual(['', '', '']);
    expect(col(rows[1]!, 'priority')).toBe('urgent');
    expect(col(rows[0]!, 'exercise')).toBe('');
    expect(col(rows[0]!, 'incident_number')).toBe('IS-2026/01');
    // Quotes and commas survive; a formula is written as text, not run by a spreadsheet.
    expect(col(rows[1]!, 'text')).toBe(`'=cmd|calc, road "A" closed`);
  });

  it('says EXERCISE in every CSV row, the JSON and both file names of an exercise incident', async () => {
    const data = await exportOf(true);
    const rows = Papa.parse<string[]>(incidentLogsCsv(data).slice(1), { skipEmptyLines: true }).data;
    for (const row of rows.slice(1)) expect(row[0]).toBe('EXERCISE');
    const json = JSON.parse(incidentLogsJson(data)) as Record<string, unknown>;
    expect(json.exercise).toBe(true);
    expect(json.label).toBe('EXERCISE EXERCISE EXERCISE');
    expect(exportFileName(data.incident, 'csv', '2026-03-02')).toBe(
      'EXERCISE-incident-is-2026-01-logs-2026-03-02.csv',
    );
    const real = (await exportOf(false)).incident;
    expect(exportFileName(real, 'json', '2026-03-02')).toBe('incident-is-2026-01-logs-2026-03-02.json');
    expect(JSON.parse(incidentLogsJson(await exportOf(false)))).not.toHaveProperty('label');
    expect(
      exportFileName({ id: INCIDENT, dept: 'em', fields: { name: 'Crue de la Rivière' } }, 'csv', 'd'),
    ).toBe('incident-crue-de-la-riviere-logs-d.csv');
  });

  it('puts the incident, periods, header blocks, entries with hashes and the verification in the JSON', async () => {
    const json = JSON.parse(incidentLogsJson(await exportOf(false))) as {
      format: string;
      incident: { id: string; name: string };
      periods: { id: string; number: number }[];
      logs: {
        header: Record<string, unknown>;
        entryCount: number;
        finalHash: string;
        verification: { ok: boolean; checked: number; finalHash: string };
        entries: {
          id: string;
          seq: number;
          hash: string;
          prevHash: string;
          contentHash: string;
          attachmentIds?: string[];
        }[];
      }[];
    };
    expect(json.format).toBe('holdfast-incident-logs');
    expect(json.incident).toMatchObject({ id: INCIDENT, name: 'Ice storm' });
    expect(json.periods).toEqual([{ id: PERIOD, number: 1, startsAt: '2026-03-02T00:00:00Z', endsAt: 'x' }]);
    const [log] = json.logs;
    expect(log!.header).toEqual({
      name: 'EOC Planning',
      icsPosition: 'Planning Section Chief',
      homeAgency: 'City EM',
      resources: [{ name: 'Omar', position: 'SITL', agency: 'PW' }],
    });
    expect(log!.entryCount).toBe(4);
    expect(log!.verification).toEqual({ ok: true, checked: 4, finalHash: entries[3]!.fields.hash });
    expect(log!.finalHash).toBe(entries[3]!.fields.hash);
    expect(log!.entries.map((e) => [e.id, e.seq, e.hash, e.prevHash, e.contentHash])).toEqual(
      entries.map((e) => [e.id, e.fields.seq, e.fields.hash, e.fields.prevHash, e.fields.contentHash]),
    );
    expect(log!.entries.map((e) => e.attachmentIds)).toEqual([
      undefined,
      undefined,
      undefined,
      [id(200), id(201)],
    ]);
  });

  it('reports the first broken entry of an altered log', async () => {
    const altered = entries.map((e, i) =>
      i === 2 ? { ...e, fields: { ...e.fields, text: 'Road A reopened at noon' } } : e,
    );
    const json = JSON.parse(incidentLogsJson(await exportOf(false, altered))) as {
      logs: { verification: { ok: boolean; checked: number; firstBroken: unknown } }[];
    };
    expect(json.logs[0]!.verification).toMatchObject({
      ok: false,
      checked: 2,
      firstBroken: { id: id(102), seq: 3, problem: 'content_changed' },
    });
  });
});
