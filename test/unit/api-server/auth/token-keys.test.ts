import assert from 'node:assert/strict';
import { FakeKube } from '../../../support/fake-kube.js';
import { KubeApiError } from '../../../../crds/client/client.js';
import { Resources } from '../../../../crds/resources.js';
import { ensureKeys, keySetFromSecret, rotateKeys, TOKEN_KEYS_SECRET } from '../../../../api-server/src/auth/token-keys.js';
import { readSecretValue, type SecretObject } from '../../../../api-server/src/auth/secret.js';
import { SYSTEM_NS } from './identity-fixture.js';

function files(kube: FakeKube): Record<string, string> {
  const secret = kube.peek<SecretObject>(Resources.Secret, TOKEN_KEYS_SECRET, SYSTEM_NS) as SecretObject;
  return Object.fromEntries(Object.keys(secret.data ?? {}).map((k) => [k, readSecretValue(secret, k) as string]));
}

describe('token key repository', () => {
  it('When no repository exists then ensureKeys creates a staged key 0 and a primary key 1', async () => {
    const kube = new FakeKube();
    const secret = await ensureKeys(kube, SYSTEM_NS);
    assert.deepEqual(Object.keys(files(kube)).sort(), ['0', '1']);
    const set = keySetFromSecret(secret);
    assert.equal(set?.all.length, 2);
    assert.ok(set?.primary.signing.equals(Buffer.from(files(kube)['1'], 'base64url').subarray(0, 16)));
  });

  it('When the repository exists then ensureKeys leaves it alone', async () => {
    const kube = new FakeKube();
    await ensureKeys(kube, SYSTEM_NS);
    const before = files(kube);
    await ensureKeys(kube, SYSTEM_NS);
    assert.deepEqual(files(kube), before);
  });

  it('When another replica creates the repository first then ensureKeys reads the winner', async () => {
    const kube = new FakeKube();
    await ensureKeys(kube, SYSTEM_NS);
    const winner = files(kube);
    const origGet = kube.get.bind(kube);
    let first = true;
    // The first read misses (as if the other replica had not created it yet), so create races.
    kube.get = (async (res, name, ns) => {
      if (first) {
        first = false;
        return undefined;
      }
      return origGet(res, name, ns);
    }) satisfies FakeKube['get'];
    const secret = await ensureKeys(kube, SYSTEM_NS);
    assert.equal(readSecretValue(secret, '1'), winner['1']);
  });

  it('When keys rotate then staged becomes primary, a new staged appears and old keys drop beyond three', async () => {
    const kube = new FakeKube();
    await ensureKeys(kube, SYSTEM_NS);
    const k0 = files(kube);
    await rotateKeys(kube, SYSTEM_NS);
    const k1 = files(kube);
    assert.deepEqual(Object.keys(k1).sort(), ['0', '1', '2']);
    assert.equal(k1['2'], k0['0']); // staged promoted
    assert.equal(k1['1'], k0['1']); // old primary kept as secondary
    assert.notEqual(k1['0'], k0['0']);
    await rotateKeys(kube, SYSTEM_NS);
    const k2 = files(kube);
    assert.deepEqual(Object.keys(k2).sort(), ['0', '2', '3']);
    assert.equal(k2['3'], k1['0']);
    assert.ok(!Object.values(k2).includes(k0['1'])); // the oldest primary is gone
  });

  it('When maxActive is larger then more secondary keys are kept', async () => {
    const kube = new FakeKube();
    for (let i = 0; i < 4; i++) await rotateKeys(kube, SYSTEM_NS, 5);
    assert.deepEqual(Object.keys(files(kube)).sort(), ['0', '2', '3', '4', '5']);
  });

  it('When a concurrent rotation wins the write then rotation retries from a fresh read', async () => {
    const kube = new FakeKube();
    await ensureKeys(kube, SYSTEM_NS);
    kube.failNext.set('replace', new KubeApiError(409, 'Conflict', 'the object has been modified'));
    await rotateKeys(kube, SYSTEM_NS);
    assert.deepEqual(Object.keys(files(kube)).sort(), ['0', '1', '2']);
    assert.equal(kube.actions.filter((a) => a.verb === 'replace').length, 2);
  });

  it('When the failure is not a conflict then rotation gives up with it', async () => {
    const kube = new FakeKube();
    await ensureKeys(kube, SYSTEM_NS);
    kube.failNext.set('replace', new KubeApiError(403, 'Forbidden', 'no'));
    await assert.rejects(rotateKeys(kube, SYSTEM_NS), /no/);
  });
});
