import { describe, expect, it } from 'vitest';
import { applyLocal } from '../sync/apply-local';
import { isRejected } from '../sync/mutation-types';
import { touchedIds } from '../sync/outbox-entry';
import { RECORD_KINDS } from '../sync/registered-kinds';
import { validateFields } from '../sync/record-kinds';
import { stateOf } from '../sync/sync-record';
import { id, makeEntry, TestServer, userCtx } from '../sync/test-helpers';
import { canTransition, isPastExpiry, nextStatuses, PERMIT_STATUSES, PERMIT_TRANSITIONS } from './lifecycle';
import { permitKind } from './permit-kinds';
import { normalizeSearchText, permitSearchTerms } from './search-terms';

const DEPT = 'public-works';
const permitFields = {
  permitType: 'Residential alteration',
  description: 'Attached deck',
  address: '1268 Abbey Crt.',
  applicantName: 'Ana Ruiz',
  appliedDate: '2026-03-01',
  status: 'submitted',
};

const createPermit = (seq: number, fields: Record<string, unknown> = permitFields) =>
  makeEntry(seq, 'record.create', { kind: 'permit', id: id(1), dept: DEPT, fields: fields as never });

const move = (
  seq: number,
  eventId: number,
  from: string,
  to: string,
  device = 'device-a',
  extra: Record<string, unknown> = {},
) =>
  makeEntry(
    seq,
    'entry.append',
    {
      kind: 'permit_status_event',
      id: id(eventId),
      dept: DEPT,
      fields: { permitId: id(1), from, to, ...extra } as never,
    },
    {},
    { clientId: device },
  );

const accounts = { rita: { role: 'clerk' as const, departments: [DEPT] } };

describe('permit lifecycle', () => {
  it('names every status and only moves to known statuses', () => {
    for (const status of PERMIT_STATUSES) {
      for (const next of nextStatuses(status)) expect(PERMIT_STATUSES).toContain(next);
    }
    expect(Object.keys(PERMIT_TRANSITIONS).sort()).toEqual([...PERMIT_STATUSES].sort());
    expect(canTransition('submitted', 'issued')).toBe(true);
    expect(canTransition('withdrawn', 'issued')).toBe(false);
    expect(canTransition('draft', 'finaled')).toBe(false);
  });

  it('flags active permits past their expiry date, not closed ones', () => {
    expect(isPastExpiry({ status: 'issued', expiryDate: '2026-01-01' }, '2026-02-01')).toBe(true);
    expect(isPastExpiry({ status: 'issued', expiryDate: '2026-03-01' }, '2026-02-01')).toBe(false);
    expect(isPastExpiry({ status: 'finaled', expiryDate: '2026-01-01' }, '2026-02-01')).toBe(false);
  });
});

describe('permit validation', () => {
  const check = (fields: Record<string, unknown>, op: 'create' | 'update' = 'create') =>
    validateFields(permitKind, fields as never, { op });

  it('names each missing required field', () => {
    const fields = check({ status: 'submitted' }).map((e) => e.field);
    expect(fields).toEqual(
      expect.arrayContaining(['permitType', 'description', 'address', 'applicantName', 'appliedDate']),
    );
  });

  it('refuses an issue date before the application date, with the field named', () => {
    const errors = check({ ...permitFields, issuedDate: '2026-02-01' });
    expect(errors).toEqual([expect.objectContaining({ field: 'issuedDate', code: 'date_order' })]);
  });

  it('refuses impossible dates, negative valuations and a hand-made official number', () => {
    expect(check({ ...permitFields, appliedDate: '2026-02-30' })[0]).toMatchObject({
      field: 'appliedDate',
      code: 'not_a_date',
    });
    expect(check({ ...permitFields, valuationCents: -5 })[0]).toMatchObject({
      field: 'valuationCents',
      code: 'too_small',
    });
    expect(check({ ...permitFields, number: '26-000001' })[0]).toMatchObject({ field: 'number' });
    expect(check({ ...permitFields, status: 'issued' })[0]).toMatchObject({ field: 'status' });
  });

  it('keeps where a paper intake came from: the form code and a real time it was handed in', () => {
    const paper = {
      ...permitFields,
      paperCode: 'PKT-6C8E9F3A-v1 p31',
      paperReceivedAt: '2026-02-21T14:40:00.000Z',
    };
    expect(check(paper)).toEqual([]);
    expect(check({ ...paper, paperReceivedAt: '2026-02-21 9:7' })[0]).toMatchObject({
      field: 'paperReceivedAt',
      code: 'not_a_date',
      message: 'Received on paper must be a date and time.',
    });
    expect(check({ ...paper, paperCode: 'x'.repeat(61) })[0]).toMatchObject({
      field: 'paperCode',
      code: 'too_long',
    });
  });

  it('lets an import bring its own number and status', () => {
    const imported = { ...permitFields, number: '24-019651', status: 'finaled', importedFrom: 'x.csv' };
    expect(check(imported)).toEqual([]);
  });

  it('does not let record.update change the status or the number', () => {
    const state = stateOf([]);
    const created = applyLocal(state, 'record.create', createPermit(1).args as never, userCtx());
    if (isRejected(created)) throw new Error(created.rejected.message);
    const update = applyLocal(
      created.state,
      'record.update',
      { kind: 'permit', id: id(1), fields: { status: 'issued' } },
      userCtx(),
    );
    expect(isRejected(update) && update.rejected.field).toBe('status');
  });
});

describe('official numbers', () => {
  it('the server numbers new permits per year and keeps imported numbers; the device never does', () => {
    const server = new TestServer(accounts);
    server.apply(createPermit(1));
    expect(server.records.get(id(1))?.fields.number).toBe('2025-00001');
    server.apply(
      makeEntry(2, 'record.create', {
        kind: 'permit',
        id: id(2),
        dept: DEPT,
        fields: { ...permitFields, number: '24-019651', importedFrom: 'city.csv' } as never,
      }),
    );
    expect(server.records.get(id(2))?.fields.number).toBe('24-019651');
    server.apply(makeEntry(3, 'record.create', { ...createPermit(3).args, id: id(3) } as never));
    expect(server.records.get(id(3))?.fields.number).toBe('2025-00002');
    // The device replaying its own create over the pulled, numbered permit sees nothing to change.
    const replay = applyLocal(
      stateOf([server.records.get(id(1))!]),
      'record.create',
      createPermit(1).args as never,
      userCtx(),
    );
    expect(isRejected(replay) ? replay.rejected : replay.changes).toEqual([]);
    const local = applyLocal(stateOf([]), 'record.create', createPermit(1).args as never, userCtx());
    expect(isRejected(local) ? null : local.changes[0]?.record.fields.number).toBeUndefined();
  });
});

describe('status events', () => {
  it('move the permit and stamp the issue date, in one mutation touching both records', () => {
    const server = new TestServer(accounts);
    server.apply(createPermit(1));
    const entry = move(2, 2, 'submitted', 'issued');
    expect(touchedIds(entry)).toEqual([id(2), id(1)]);
    const applied = server.apply(entry);
    expect(applied.status).toBe('applied');
    expect(server.records.get(id(1))?.fields).toMatchObject({ status: 'issued', issuedDate: '2025-03-04' });
    expect(server.records.get(id(2))?.fields).toMatchObject({ from: 'submitted', to: 'issued' });
  });

  it('two clerks move the same permit from the same state: the second is refused with a plain reason', () => {
    const server = new TestServer(accounts);
    server.apply(createPermit(1));
    expect(server.apply(move(2, 2, 'submitted', 'issued', 'device-a')).status).toBe('applied');
    const second = server.apply(move(1, 3, 'submitted', 'withdrawn', 'device-b', { reason: 'Asked' }));
    expect(second.status).toBe('rejected');
    expect(second.rejected).toMatchObject({ code: 'not_allowed', params: { current: 'issued' } });
    expect(second.rejected?.message).toMatch(/now "Issued"/);
    expect(server.records.get(id(1))?.fields.status).toBe('issued');
    expect(server.records.has(id(3))).toBe(false);
  });

  it('refuses moves the lifecycle does not allow, and moves without a required reason', () => {
    const server = new TestServer(accounts);
    server.apply(createPermit(1));
    expect(server.apply(move(2, 2, 'submitted', 'finaled')).rejected?.code).toBe('not_allowed');
    expect(server.apply(move(3, 3, 'submitted', 'withdrawn')).rejected).toMatchObject({
      code: 'invalid',
      field: 'reason',
    });
  });

  it('refuses an event for a permit that does not exist or is in another department', () => {
    const server = new TestServer({ rita: { role: 'clerk', departments: [DEPT, 'parks'] } });
    expect(server.apply(move(1, 2, 'submitted', 'issued')).rejected?.code).toBe('not_found');
    server.apply(createPermit(2));
    const elsewhere = makeEntry(3, 'entry.append', {
      kind: 'permit_status_event',
      id: id(9),
      dept: 'parks',
      fields: { permitId: id(1), from: 'submitted', to: 'issued' },
    });
    expect(server.apply(elsewhere).rejected).toMatchObject({ code: 'invalid', field: 'dept' });
  });
});

describe('fees and inspections', () => {
  const fee = (seq: number, fields: Record<string, unknown>) =>
    makeEntry(seq, 'entry.append', {
      kind: 'permit_fee',
      id: id(100 + seq),
      dept: DEPT,
      fields: { permitId: id(1), code: 'BLD', description: 'Building permit fee', ...fields } as never,
    });

  it('takes a fee owed, refuses a negative amount and a payment without receipt', () => {
    const server = new TestServer(accounts);
    server.apply(createPermit(1));
    expect(server.apply(fee(2, { amountCents: 12_500, status: 'due' })).status).toBe('applied');
    expect(server.apply(fee(3, { amountCents: -100, status: 'due' })).rejected).toMatchObject({
      field: 'amountCents',
    });
    expect(server.apply(fee(4, { amountCents: 100, status: 'paid' })).rejected).toMatchObject({
      field: 'receipt',
    });
  });

  it('a result completes its inspection once; a second result is refused', () => {
    const server = new TestServer(accounts);
    server.apply(createPermit(1));
    server.apply(
      makeEntry(2, 'record.create', {
        kind: 'permit_inspection',
        id: id(5),
        dept: DEPT,
        fields: { permitId: id(1), inspectionType: 'Footing', scheduledDate: '2026-03-10' },
      }),
    );
    const result = (seq: number, n: number) =>
      makeEntry(seq, 'entry.append', {
        kind: 'inspection_result',
        id: id(n),
        dept: DEPT,
        fields: {
          inspectionId: id(5),
          permitId: id(1),
          outcome: 'not_approved',
          corrections: ['Footing too shallow'],
        },
      });
    expect(server.apply(result(3, 6)).status).toBe('applied');
    expect(server.records.get(id(5))?.fields).toMatchObject({ status: 'completed', outcome: 'not_approved' });
    expect(server.apply(result(4, 7)).rejected?.code).toBe('not_allowed');
    expect(RECORD_KINDS.get('inspection_result')?.parent?.kind).toBe('permit_inspection');
  });
});

describe('search terms', () => {
  it('finds a permit by number, by address from the number or the street, and by applicant', () => {
    const terms = permitSearchTerms({
      number: '24-019651',
      provisionalNumber: 'P-7K3Q-0004',
      address: '1268 ABBEY CRT.   ',
      applicantName: 'Ana Ruíz',
    });
    expect(terms).toEqual(
      expect.arrayContaining(['24-019651', 'p-7k3q-0004', '1268 abbey crt', 'abbey crt', 'ana', 'ruiz']),
    );
    expect(normalizeSearchText('  Calle  Álamo, 4 ')).toBe('calle alamo 4');
    // A paper intake is found by the code printed on its form.
    expect(permitSearchTerms({ paperCode: 'PKT-6C8E9F3A-v1 p31' })).toEqual(['pkt-6c8e9f3a-v1 p31']);
    expect(permitSearchTerms({ status: 'issued', appliedDate: '2026-03-01', permitType: 'Deck' })).toEqual([
      '@status=issued',
      '@type=deck',
      '@applied=2026-03-01',
    ]);
    expect(normalizeSearchText('@status=issued')).toBe('status issued');
  });
});
