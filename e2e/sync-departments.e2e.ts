// Department scopes on the device: after a user leaves a department, the next pull removes that
// department's records from their device; asking the server for a department not theirs is 403.
import type { APIRequestContext, Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { NotesPage } from './pages/notes-page';
import { SyncBar } from './pages/sync-bar';
import { apiSession, setDepartments } from './support/api-session';
import { launchBrowser } from './support/browser';
import { BUILD_A } from './support/paths';
import { addUser, startServer, type TestServer } from './support/server';
import { deviceTable, serverRecords, signedInDevice, type Device } from './support/sync';

const PASSWORD = 'correct horse battery';

describe('department scopes on the device', () => {
  let server: TestServer;
  let browser: Browser;
  let admin: APIRequestContext;
  let fred: Device;

  const deviceDepartments = async () =>
    [...new Set((await deviceTable<{ dept: string }>(fred.page, 'records')).map((r) => r.dept))].sort();

  beforeAll(async () => {
    server = await startServer(BUILD_A);
    addUser(server, { username: 'chief', password: PASSWORD, role: 'admin' });
    addUser(server, { username: 'fred', password: PASSWORD, role: 'field', departments: ['roads', 'parks'] });
    admin = await apiSession(server, 'chief', PASSWORD);
    browser = await launchBrowser();
    fred = await signedInDevice(browser, server, 'fred', PASSWORD);
  });

  afterAll(async () => {
    await admin?.dispose();
    await browser?.close();
    await server?.stop();
  });

  it('removing a user from a department removes its notes from their device at the next pull', async () => {
    const notes = new NotesPage(fred.page);
    const bar = new SyncBar(fred.page);
    await notes.goto();
    await notes.create({ title: 'Sign bent on Route 9', department: 'roads' });
    await notes.goto();
    await notes.create({ title: 'Swing broken at Oak Park', department: 'parks' });
    await notes.addComment('Taped off until Monday.');
    await bar.syncNow();
    await notes.goto();
    await notes.noteLink('Swing broken at Oak Park').waitFor();
    expect(await deviceDepartments()).toEqual(['parks', 'roads']);

    await setDepartments(admin, 'fred', ['roads']);
    await bar.syncNow();
    await notes.noteLink('Swing broken at Oak Park').waitFor({ state: 'detached' });
    await notes.noteLink('Sign bent on Route 9').waitFor();
    // Nothing of Parks is left on the device: not the note, not its comment.
    expect(await deviceDepartments()).toEqual(['roads']);
    // It is still on the server, for those who may read it.
    const all = await serverRecords(admin);
    expect(
      all
        .filter((r) => r.dept === 'parks')
        .map((r) => r.kind)
        .sort(),
    ).toEqual(['note', 'note_comment']);
  });

  it("pulling a department that is not the user's is refused with 403", async () => {
    const refused = await fred.page.request.get('/api/sync/pull?departments=parks');
    expect(refused.status()).toBe(403);
    expect(((await refused.json()) as { error: { code: string } }).error.code).toBe('forbidden');
    const mixed = await fred.page.request.get('/api/sync/pull?departments=roads,parks');
    expect(mixed.status()).toBe(403);
    const own = await fred.page.request.get('/api/sync/pull?departments=roads');
    expect(own.status()).toBe(200);
    const body = (await own.json()) as { records: { dept: string }[]; scope: { departments: string[] } };
    expect(body.scope.departments).toEqual(['roads']);
    expect(body.records.every((r) => r.dept === 'roads')).toBe(true);
  });
});
