// Checklists on the server (issue 7): the server re-validates every checklist write itself. Only managers
// and admins write templates; a run's outline and start are fixed once started; marks are append-only, a
// "not applicable" needs a reason, and marks from two devices on one run both stand (no conflict).
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { inLanguage } from '../../src/domain/checklists/shipped-template-types';
import { shippedTemplate } from '../../src/domain/checklists/shipped-templates';
import type { JsonObject } from '../../src/domain/sync/json-value';
import type { OutboxEntry } from '../../src/domain/sync/outbox-entry';
import { testAdapters, type TestAdapter } from '../test-support/adapters';
import { entry, pullAll, push, rid, syncUser, type SyncUser } from '../test-support/sync-client';
import { createTestApp, type TestApp } from '../test-support/test-app';

const DEPT = 'public-works';
const RUN = rid(1);
const TEMPLATE = rid(2);

const powerOutage = () => {
  const template = shippedTemplate('power-outage');
  if (!template) throw new Error('the power-outage template is not shipped');
  return template;
};

function runFields(extra: JsonObject = {}): JsonObject {
  const template = powerOutage();
  const { title, sections, items } = inLanguage(template, 'en');
  return {
    title,
    language: 'en',
    templateKey: template.key,
    templateVersion: template.version,
    startedAt: '2030-06-01T08:00:00.000Z',
    startedBy: 'Rita Moreno',
    status: 'active',
    sections: sections as unknown as JsonObject[],
    items: items as unknown as JsonObject[],
    ...extra,
  } as JsonObject;
}

const mark = (who: SyncUser, seq: number, n: number, fields: JsonObject): OutboxEntry =>
  entry(who, seq, 'entry.append', {
    kind: 'checklist_mark',
    id: rid(100 + n),
    dept: DEPT,
    fields: {
      runId: RUN,
      at: `2030-06-01T08:${String(n).padStart(2, '0')}:00.000Z`,
      byName: who.user.username,
      ...fields,
    },
  });

describe.each(await testAdapters())('checklists on the server: $name', ({ create }) => {
  let adapter: TestAdapter;
  let t: TestApp;
  let rita: SyncUser;
  let omar: SyncUser;
  let mia: SyncUser;

  beforeEach(async () => {
    adapter = create();
    t = await createTestApp(adapter);
    rita = await syncUser(t, 'rita', 'clerk', [DEPT]);
    omar = await syncUser(t, 'omar', 'field', [DEPT]);
    mia = await syncUser(t, 'mia', 'manager', [DEPT]);
  });
  afterEach(async () => {
    await t.app.close();
    await adapter.cleanup();
  });

  it('only managers and admins write templates; the server checks the outline itself', async () => {
    const template = powerOutage();
    const { sections, items } = inLanguage(template, 'es');
    const fields = {
      title: 'Corte de luz (obras públicas)',
      language: 'es',
      basedOn: template.key,
      version: 1,
      sections,
      items,
    } as unknown as JsonObject;
    const byClerk = await push(t, rita, [
      entry(rita, 1, 'record.create', { kind: 'checklist_template', id: TEMPLATE, dept: DEPT, fields }),
    ]);
    expect(byClerk.results[0]!.status).toBe('rejected');
    expect(byClerk.results[0]!.reason?.code).toBe('forbidden');

    // A manager's template whose item sits under no section is refused with the row named.
    const broken = { ...fields, items: [{ ...items[0]!, section: 'nowhere' }, ...items.slice(1)] };
    const refused = await push(t, mia, [
      entry(mia, 1, 'record.create', {
        kind: 'checklist_template',
        id: TEMPLATE,
        dept: DEPT,
        fields: broken as unknown as JsonObject,
      }),
    ]);
    expect(refused.results[0]!.status).toBe('rejected');
    expect(JSON.stringify(refused.results[0]!.reason)).toContain('Item 1 is not under one of the sections.');

    const accepted = await push(t, mia, [
      entry(mia, 2, 'record.create', { kind: 'checklist_template', id: TEMPLATE, dept: DEPT, fields }),
    ]);
    expect(accepted.results[0]!.status).toBe('applied');
    const stored = (await t.storage.sync.getRecords([TEMPLATE]))[0]!;
    expect(stored.fields.items).toEqual(items);
  });

  it('marks from two devices on one run all stand; a run keeps its outline; N/A needs a reason', async () => {
    const started = await push(t, rita, [
      entry(rita, 1, 'record.create', { kind: 'checklist_run', id: RUN, dept: DEPT, fields: runFields() }),
    ]);
    expect(started.results[0]!.status).toBe('applied');
    const [first, second, third] = inLanguage(powerOutage(), 'en').items;

    const fromRita = await push(t, rita, [
      mark(rita, 2, 1, { itemId: first!.id, action: 'done' }),
      mark(rita, 3, 3, { itemId: second!.id, action: 'done' }),
    ]);
    const fromOmar = await push(t, omar, [
      mark(omar, 1, 2, { itemId: second!.id, action: 'not_applicable' }),
      mark(omar, 2, 4, { itemId: third!.id, action: 'not_applicable', note: 'No generator at this site.' }),
      mark(omar, 3, 5, { itemId: second!.id, action: 'undone' }),
    ]);
    expect(fromRita.results.map((r) => r.status)).toEqual(['applied', 'applied']);
    expect(fromOmar.results.map((r) => [r.status, r.reason?.code])).toEqual([
      ['rejected', 'invalid'],
      ['applied', undefined],
      ['applied', undefined],
    ]);
    expect(JSON.stringify(fromOmar.results[0]!.reason)).toContain('Say why this item does not apply.');

    // The outline and the start cannot be changed once started; the status can.
    const edits = await push(t, rita, [
      entry(rita, 4, 'record.update', { kind: 'checklist_run', id: RUN, fields: { items: [] } }),
      entry(rita, 5, 'record.update', {
        kind: 'checklist_run',
        id: RUN,
        fields: { status: 'closed', closedAt: '2030-06-01T12:00:00.000Z' },
      }),
      entry(rita, 6, 'record.delete', { kind: 'checklist_run', id: RUN }),
    ]);
    expect(edits.results.map((r) => r.status)).toEqual(['rejected', 'applied', 'rejected']);

    // Every device pulls the same marks, with who and when.
    const records = (await pullAll(t, omar)).flatMap((page) => page.records);
    const marks = records
      .filter((record) => record.kind === 'checklist_mark')
      .map((record) => [record.fields.itemId, record.fields.action, record.fields.byName, record.fields.at]);
    expect(marks).toEqual([
      [first!.id, 'done', 'rita', '2030-06-01T08:01:00.000Z'],
      [second!.id, 'done', 'rita', '2030-06-01T08:03:00.000Z'],
      [third!.id, 'not_applicable', 'omar', '2030-06-01T08:04:00.000Z'],
      [second!.id, 'undone', 'omar', '2030-06-01T08:05:00.000Z'],
    ]);
    const run = records.find((record) => record.id === RUN)!;
    expect(run.fields.status).toBe('closed');
    expect((run.fields.items as unknown[]).length).toBe(inLanguage(powerOutage(), 'en').items.length);
  });
});
