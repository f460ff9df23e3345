// Hashes written before argon2id (scrypt) keep signing their users in, and are replaced by argon2id at the
// first successful sign-in; a wrong password neither signs in nor touches the stored hash.
import { afterEach, describe, expect, it } from 'vitest';
import { scryptHash } from '../test-support/scrypt-hash';
import { testAdapters, type TestAdapter } from '../test-support/adapters';
import { addUser, createTestApp, login, PASSWORD, type TestApp } from '../test-support/test-app';
import { needsRehash, verifyPassword } from './passwords';

describe.each(await testAdapters())('password hash upgrade: $name', ({ create }) => {
  let adapter: TestAdapter;
  let t: TestApp;
  afterEach(async () => {
    await t.app.close();
    await adapter.cleanup();
  });

  it('signs in with an earlier scrypt hash and stores argon2id in its place', async () => {
    adapter = create();
    t = await createTestApp(adapter);
    const user = await addUser(t, 'rita');
    const old = scryptHash(PASSWORD, 14);
    await t.storage.users.update(user.id, { passwordHash: old }, t.clock.now());

    expect((await login(t.app, 'rita', 'not the password at all')).statusCode).toBe(401);
    expect((await t.storage.users.getById(user.id))?.passwordHash).toBe(old);

    expect((await login(t.app, 'rita')).statusCode).toBe(200);
    const upgraded = (await t.storage.users.getById(user.id))?.passwordHash ?? '';
    expect(upgraded).toMatch(/^\$argon2id\$v=19\$m=19456,t=2,p=1\$/);
    expect(needsRehash(upgraded)).toBe(false);
    expect(await verifyPassword(PASSWORD, upgraded)).toBe(true);
    expect((await login(t.app, 'rita')).statusCode).toBe(200);
  });
});
