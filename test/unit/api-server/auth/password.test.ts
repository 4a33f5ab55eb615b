import assert from 'node:assert/strict';
import { FakeKube } from '../../../support/fake-kube.js';
import { Resources } from '../../../../crds/resources.js';
import { KubeApiError } from '../../../../crds/client/client.js';
import type { User } from '../../../../crds/types.generated.js';
import { hashPassword, parsePasswordHash, verifyPasswordHash } from '../../../../api-server/src/auth/password.js';
import { passwordSecretName, setUserPassword, setUserPasswordHash } from '../../../../api-server/src/auth/password-store.js';
import { createPasswordVerifier } from '../../../../api-server/src/auth/password-login.js';
import type { SecretObject } from '../../../../api-server/src/auth/secret.js';
import { FAST_SCRYPT, SYSTEM_NS } from './identity-fixture.js';

const user = (id: string, passwordSecretRef?: string): User => ({
  metadata: { name: id },
  spec: { name: id, domainId: 'default', ...(passwordSecretRef ? { passwordSecretRef } : {}) },
});

describe('password hashing', () => {
  it('When a password is hashed then the scrypt parameters are encoded in the hash', async () => {
    const hash = await hashPassword('s3cret', FAST_SCRYPT);
    assert.match(hash, /^\$scrypt\$ln=4,r=8,p=1\$[A-Za-z0-9+/]+=*\$[A-Za-z0-9+/]+=*$/);
    assert.deepEqual(parsePasswordHash(hash)?.params, FAST_SCRYPT);
  });

  it('When the same password is hashed twice then the salts differ', async () => {
    assert.notEqual(await hashPassword('same', FAST_SCRYPT), await hashPassword('same', FAST_SCRYPT));
  });

  const cases = [
    { name: 'the right password', candidate: 's3cret', want: true },
    { name: 'a wrong password', candidate: 's3creT', want: false },
    { name: 'an empty password', candidate: '', want: false },
    { name: 'the password with a suffix', candidate: 's3cret ', want: false },
  ];
  for (const c of cases) {
    it(`When verifying ${c.name} then the result is ${c.want}`, async () => {
      const hash = await hashPassword('s3cret', FAST_SCRYPT);
      assert.equal(await verifyPasswordHash(c.candidate, hash), c.want);
    });
  }

  it('When a hash was made with other parameters then it still verifies with its own', async () => {
    const hash = await hashPassword('pw', { ln: 5, r: 4, p: 2 });
    assert.equal(await verifyPasswordHash('pw', hash), true);
  });

  const malformed = ['', 'plain', '$scrypt$ln=4,r=8,p=1$c2FsdA==', '$bcrypt$ln=4,r=8,p=1$c2FsdHNhbHQ=$aGFzaGhhc2hoYXNoaGFzaA==', '$scrypt$ln=40,r=8,p=1$c2FsdHNhbHQ=$aGFzaGhhc2hoYXNoaGFzaA=='];
  for (const m of malformed) {
    it(`When the stored hash is malformed (${JSON.stringify(m.slice(0, 20))}) then nothing verifies`, async () => {
      assert.equal(await verifyPasswordHash('pw', m), false);
    });
  }
});

describe('password store', () => {
  it('When a password is set then its hash is in the user Secret in the system namespace, not the password', async () => {
    const kube = new FakeKube();
    await setUserPassword(kube, SYSTEM_NS, 'u1', 'correct horse');
    const secret = kube.peek<SecretObject>(Resources.Secret, passwordSecretName('u1'), SYSTEM_NS);
    assert.equal(secret?.metadata.name, 'openstack-sim-user-u1');
    const stored = Buffer.from(secret?.data?.passwordHash ?? '', 'base64').toString();
    assert.match(stored, /^\$scrypt\$ln=15,r=8,p=1\$/);
    assert.ok(!JSON.stringify(secret).includes('correct horse'));
    assert.equal(await createPasswordVerifier(kube, SYSTEM_NS)(user('u1'), 'correct horse'), true);
  });

  it('When a password is set again then the Secret is updated and only the new password verifies', async () => {
    const kube = new FakeKube();
    const verify = createPasswordVerifier(kube, SYSTEM_NS, { params: FAST_SCRYPT });
    await setUserPasswordHash(kube, SYSTEM_NS, 'u1', await hashPassword('old', FAST_SCRYPT));
    await setUserPasswordHash(kube, SYSTEM_NS, 'u1', await hashPassword('new', FAST_SCRYPT));
    assert.equal(await verify(user('u1'), 'old'), false);
    assert.equal(await verify(user('u1'), 'new'), true);
  });

  it('When another writer created the Secret first then the write retries as an update', async () => {
    const kube = new FakeKube();
    kube.failNext.set('create', new KubeApiError(409, 'AlreadyExists', 'already exists'));
    await setUserPasswordHash(kube, SYSTEM_NS, 'u1', await hashPassword('pw', FAST_SCRYPT));
    assert.equal(await createPasswordVerifier(kube, SYSTEM_NS, { params: FAST_SCRYPT })(user('u1'), 'pw'), true);
  });

  it('When the user names its own Secret then that Secret is read', async () => {
    const kube = new FakeKube();
    await setUserPasswordHash(kube, SYSTEM_NS, 'other', await hashPassword('pw', FAST_SCRYPT));
    const verify = createPasswordVerifier(kube, SYSTEM_NS, { params: FAST_SCRYPT });
    assert.equal(await verify(user('u1', passwordSecretName('other')), 'pw'), true);
  });

  it('When the user is unknown or has no Secret then verification fails after a dummy check', async () => {
    const kube = new FakeKube();
    const verify = createPasswordVerifier(kube, SYSTEM_NS, { params: FAST_SCRYPT });
    assert.equal(await verify(undefined, 'pw'), false);
    assert.equal(await verify(user('nobody'), 'pw'), false);
  });
});
