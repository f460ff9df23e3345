import { describe, expect, it } from 'vitest';
import type { JsonObject } from '../sync/json-value';
import { validateFields } from '../sync/record-kinds';
import { id, makeEntry, TestServer } from '../sync/test-helpers';
import { contactKind, nameKey, successionKind, treeNodeKind } from './contact-kinds';

const DEPT = 'public-works';
const accounts = { rita: { role: 'manager' as const, departments: [DEPT] } };
const errorsOf = (fields: JsonObject, kind = contactKind) =>
  validateFields(kind, fields, { op: 'create' }).map((error) => [error.field, error.message]);

describe('contacts', () => {
  it('keeps phones in international format, labelled, with one primary', () => {
    const phones: JsonObject[] = [
      { label: 'mobile', number: '+18025550134', primary: true },
      { label: 'home', number: '+18025550199' },
    ];
    expect(errorsOf({ name: 'Ana Ruiz', phones })).toEqual([]);
    expect(
      errorsOf({ name: 'Ana Ruiz', phones: [{ label: 'mobile', number: '802-555-0134', primary: true }] }),
    ).toEqual([['phones', 'Phone 1 is not a phone number in international format (like +18025550134).']]);
    expect(errorsOf({ name: 'Ana Ruiz', phones: phones.map((p) => ({ ...p, primary: false })) })).toEqual([
      ['phones', 'Mark exactly one phone number as the primary one.'],
    ]);
    expect(
      errorsOf({ name: 'Ana Ruiz', phones: [phones[0]!, { ...phones[0]!, primary: false, label: 'work' }] }),
    ).toEqual([['phones', 'The same phone number is listed twice.']]);
    expect(
      errorsOf({ name: 'Ana Ruiz', phones: [{ label: 'pager', number: '+18025550134', primary: true }] }),
    ).toHaveLength(1);
    expect(errorsOf({ name: '', email: 'not-an-address' })).toEqual([
      ['name', 'Name is required.'],
      ['email', 'Email is not an email address.'],
    ]);
  });

  it('is found by name words, position, phone and when it was last verified', () => {
    const terms = contactKind.searchTerms!({
      name: "José O'Neil",
      position: 'Public Works Director',
      phones: [{ label: 'mobile', number: '+18025550134', primary: true }],
      lastVerified: '2026-04-01',
    });
    expect(terms).toEqual(
      expect.arrayContaining([
        'jose',
        'oneil',
        'public works director',
        'works director',
        'director',
        '@name=jose oneil',
        '@phone=+18025550134',
        '@verified=2026-04-01',
      ]),
    );
    expect(nameKey('  JOSE  oneil ')).toBe(nameKey("José O'Neil"));
    expect(contactKind.searchTerms!({ name: 'X Y' })).toContain('@verified=0000-00-00');
  });

  it('refuses a person as their own backup, and an order of succession with someone twice', () => {
    expect(
      validateFields(
        treeNodeKind,
        { treeId: id(1), contactId: id(2), backupContactId: id(2), order: 1 },
        { op: 'create' },
      ).map((e) => e.field),
    ).toEqual(['backupContactId']);
    expect(
      validateFields(
        successionKind,
        { position: 'Director', contactIds: [id(2), id(2)] },
        { op: 'create' },
      ).map((e) => e.message),
    ).toEqual(['The same person is in line twice.']);
    expect(
      validateFields(successionKind, { position: 'Director', contactIds: [] }, { op: 'create' }).map(
        (e) => e.field,
      ),
    ).toEqual(['contactIds']);
  });

  it('never deletes a run, and attempts can never be changed', () => {
    const server = new TestServer(accounts);
    const run = server.apply(
      makeEntry(1, 'record.create', {
        kind: 'calldown_run',
        id: id(10),
        dept: DEPT,
        fields: {
          treeId: id(1),
          treeName: 'Public Works after-hours',
          message: 'Water main break: report to the yard.',
          startedAt: '2026-11-26T22:00:00Z',
          plan: [{ nodeId: id(20), contactId: id(30), name: 'Ana Ruiz', phone: '+18025550134' }],
          escalateAfterAttempts: 3,
          escalateAfterMinutes: 15,
          escalateTo: 'backup',
        },
      }),
    );
    expect(run.status).toBe('applied');
    expect(
      server.apply(makeEntry(2, 'record.delete', { kind: 'calldown_run', id: id(10) })).rejected?.code,
    ).toBe('not_allowed');
    const attempt = (seq: number, fields: JsonObject) =>
      server.apply(
        makeEntry(seq, 'entry.append', { kind: 'calldown_attempt', id: id(40 + seq), dept: DEPT, fields }),
      );
    const base = {
      runId: id(10),
      nodeId: id(20),
      contactId: id(30),
      at: '2026-11-26T22:01:00Z',
      callerName: 'Rita',
    };
    expect(attempt(3, { ...base, outcome: 'no_answer' }).status).toBe('applied');
    expect(attempt(4, { ...base, outcome: 'relayed' }).rejected).toMatchObject({ field: 'relayedVia' });
    expect(
      server.apply(
        makeEntry(5, 'record.update', {
          kind: 'calldown_attempt',
          id: id(43),
          fields: { outcome: 'relayed' },
        }),
      ).rejected?.code,
    ).toBe('append_only');
  });
});
