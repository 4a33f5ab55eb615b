import assert from 'node:assert/strict';
import { Resources } from '../../../../crds/resources.js';
import { projectNamespace } from '../../../../crds/naming.js';
import type { Keypair, Server } from '../../../../crds/types.generated.js';
import { generateKeyMaterial } from '../../../../api-server/src/services/nova/keypairs/keypairs.keys.js';
import { call, IMAGE_ID, serveApp, type AppWorld } from '../app-fixture.js';

const V22 = { 'OpenStack-API-Version': 'compute 2.2' };
const IMPORTED = generateKeyMaterial('ssh', 'imported');

describe('Nova /os-keypairs', () => {
  let w: AppWorld;
  let alice: string;
  let carol: string;

  before(async () => {
    w = await serveApp();
    alice = await w.login('alice', 'demo');
    carol = await w.login('carol', 'demo');
  });
  after(async () => w.close());

  const keypairs = async (): Promise<Keypair[]> => (await w.kube.list<Keypair>(Resources.Keypair)).items;

  it('When a keypair is created without a public key at 2.1, then 200 returns the private key once and only the public key is stored', async () => {
    const res = await call(w.url, alice, 'POST', '/compute/v2.1/os-keypairs', { keypair: { name: 'gen-key' } });
    assert.equal(res.status, 200, res.text);
    assert.deepEqual(Object.keys(res.json.keypair).sort(), ['fingerprint', 'name', 'private_key', 'public_key', 'user_id']);
    assert.match(res.json.keypair.private_key, /BEGIN RSA PRIVATE KEY/);
    const stored = (await keypairs()).find((k) => k.spec.name === 'gen-key');
    assert.ok(stored);
    assert.equal(stored.spec.publicKey, res.json.keypair.public_key);
    assert.ok(!JSON.stringify(stored).includes('PRIVATE KEY'), 'the private key is never stored');
    const shown = await call(w.url, alice, 'GET', '/compute/v2.1/os-keypairs/gen-key');
    assert.equal(shown.status, 200);
    assert.deepEqual(Object.keys(shown.json.keypair).sort(), ['created_at', 'deleted', 'deleted_at', 'fingerprint', 'id', 'name', 'public_key', 'updated_at', 'user_id']);
    assert.equal(typeof shown.json.keypair.id, 'number');
    assert.equal(shown.json.keypair.private_key, undefined);
  });

  it('When a key file\'s text is imported with its final newline, then the key is kept exactly as sent (clients compare it with their file) and fingerprinted as without it', async () => {
    const sent = `${IMPORTED.publicKey}\n`;
    const res = await call(w.url, alice, 'POST', '/compute/v2.1/os-keypairs', { keypair: { name: 'from-file', public_key: sent } });
    assert.equal(res.status, 200, res.text);
    assert.equal(res.json.keypair.fingerprint, IMPORTED.fingerprint);
    const shown = await call(w.url, alice, 'GET', '/compute/v2.1/os-keypairs/from-file');
    assert.equal(shown.json.keypair.public_key, sent);
    assert.equal((await call(w.url, alice, 'DELETE', '/compute/v2.1/os-keypairs/from-file')).status, 202);
  });

  it('When a public key is imported at 2.2, then 201 with type ssh, Nova\'s fingerprint, and no private key', async () => {
    const res = await call(w.url, alice, 'POST', '/compute/v2.1/os-keypairs', { keypair: { name: 'imported', public_key: IMPORTED.publicKey } }, V22);
    assert.equal(res.status, 201, res.text);
    assert.equal(res.json.keypair.type, 'ssh');
    assert.equal(res.json.keypair.fingerprint, IMPORTED.fingerprint);
    assert.equal(res.json.keypair.private_key, undefined);
    const list = await call(w.url, alice, 'GET', '/compute/v2.1/os-keypairs', undefined, V22);
    const item = list.json.keypairs.find((k: { keypair: { name: string } }) => k.keypair.name === 'imported');
    assert.deepEqual(Object.keys(item.keypair).sort(), ['fingerprint', 'name', 'public_key', 'type']);
  });

  it('When another user lists or reads, then alice\'s keypairs are not theirs: absent from the list, 404 by name', async () => {
    const list = await call(w.url, carol, 'GET', '/compute/v2.1/os-keypairs');
    assert.ok(!list.json.keypairs.some((k: { keypair: { name: string } }) => k.keypair.name === 'imported'));
    assert.equal((await call(w.url, carol, 'GET', '/compute/v2.1/os-keypairs/imported')).status, 404);
    assert.equal((await call(w.url, carol, 'DELETE', '/compute/v2.1/os-keypairs/imported')).status, 404);
  });

  it('When carol creates a keypair of alice\'s name, then it is hers: names are unique per user', async () => {
    const res = await call(w.url, carol, 'POST', '/compute/v2.1/os-keypairs', { keypair: { name: 'imported', public_key: IMPORTED.publicKey } });
    assert.equal(res.status, 200, res.text);
    assert.equal((await keypairs()).filter((k) => k.spec.name === 'imported').length, 2);
  });

  const bad: [string, object, Record<string, string>, number][] = [
    ['a duplicate name', { keypair: { name: 'imported', public_key: IMPORTED.publicKey } }, {}, 409],
    ['invalid key material', { keypair: { name: 'broken', public_key: 'ssh-rsa bm90IGEga2V5 x' } }, {}, 400],
    ['an unsafe name', { keypair: { name: 'a/b' } }, {}, 400],
    ['a 256-character name', { keypair: { name: 'k'.repeat(256) } }, {}, 400],
    ['type at 2.1', { keypair: { name: 'typed', type: 'ssh' } }, {}, 400],
    ['an unknown type', { keypair: { name: 'typed', type: 'pgp' } }, V22, 400],
    ['an SSH key imported as x509', { keypair: { name: 'typed', type: 'x509', public_key: IMPORTED.publicKey } }, V22, 400],
    ['user_id (2.10, not served)', { keypair: { name: 'typed', user_id: 'someone' } }, V22, 400],
    ['no name', { keypair: {} }, {}, 400],
  ];
  for (const [what, body, headers, status] of bad) {
    it(`When the create has ${what}, then ${status} and nothing new is stored`, async () => {
      const before = (await keypairs()).length;
      const res = await call(w.url, alice, 'POST', '/compute/v2.1/os-keypairs', body, headers);
      assert.equal(res.status, status, res.text);
      assert.ok(res.json[status === 409 ? 'conflictingRequest' : 'badRequest']?.message, res.text);
      assert.equal((await keypairs()).length, before);
    });
  }

  it('When a server is created with key_name, then the view names it and the Server carries the public key for the Pod', async () => {
    const res = await call(w.url, alice, 'POST', '/compute/v2.1/servers', { server: { name: 'with-key', imageRef: IMAGE_ID, flavorRef: '1', key_name: 'imported' } });
    assert.equal(res.status, 202, res.text);
    const cr = w.kube.peek<Server>(Resources.Server, res.json.server.id, projectNamespace(w.ids.projects.demo));
    assert.equal(cr?.spec.keyData, IMPORTED.publicKey);
    const shown = await call(w.url, alice, 'GET', `/compute/v2.1/servers/${res.json.server.id}`);
    assert.equal(shown.json.server.key_name, 'imported');
  });

  it('When a server names another user\'s keypair, then 400', async () => {
    const res = await call(w.url, alice, 'POST', '/compute/v2.1/servers', { server: { name: 'x', imageRef: IMAGE_ID, flavorRef: '1', key_name: 'gen-key-of-nobody' } });
    assert.equal(res.status, 400);
  });

  it('When a keypair is deleted, then 202 at 2.1 and 204 at 2.2, and it is gone', async () => {
    assert.equal((await call(w.url, alice, 'DELETE', '/compute/v2.1/os-keypairs/gen-key')).status, 202);
    assert.equal((await call(w.url, alice, 'DELETE', '/compute/v2.1/os-keypairs/imported', undefined, V22)).status, 204);
    assert.equal((await call(w.url, alice, 'GET', '/compute/v2.1/os-keypairs/imported')).status, 404);
    assert.ok(!(await keypairs()).some((k) => k.spec.userId !== w.ids.users.carol), 'only carol\'s keypair is left');
  });
});
