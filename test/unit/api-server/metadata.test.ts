// Nova's metadata API through the whole app: a request signed as the metadata proxy signs it
// reads the documents of the instance it names (the same documents a config drive holds), and
// Nova's checks refuse the rest: a missing or repeated header 400, a bad signature 403, an
// instance of another project 404.
import assert from 'node:assert/strict';
import { Resources } from '../../../crds/resources.js';
import { configDriveLayout } from '../../../crds/guest-metadata.js';
import { projectNamespace } from '../../../crds/naming.js';
import type { Server } from '../../../crds/types.generated.js';
import { readSecretValue, type SecretObject } from '../../../api-server/src/auth/secret.js';
import { instanceSignature, METADATA_PROXY_SECRET, SHARED_SECRET_KEY } from '../../../api-server/src/services/metadata/metadata.proxy-secret.js';
import { SYSTEM_NS } from './auth/identity-fixture.js';
import { call, IMAGE_ID, serveApp, type AppWorld } from './app-fixture.js';

const USER_DATA = '#!/bin/sh\necho hi\n';
const KEY = 'ssh-ed25519 AAAAC3NzaC1lZDI1NTE5AAAAIOMqqnkVzrm0SdG6UOoqKLsabgH5C9okWi0dh2l9GKJl me@host';

describe('Nova metadata API (/metadata): signed proxy requests, the documents, Nova\'s refusals', () => {
  let w: AppWorld;
  let id = '';
  let secret = '';
  before(async () => {
    w = await serveApp();
    const alice = await w.login('alice', 'demo');
    const res = await call(w.url, alice, 'POST', '/compute/v2.1/servers', { server: { name: 'web', flavorRef: '1', imageRef: IMAGE_ID, user_data: Buffer.from(USER_DATA).toString('base64'), metadata: { role: 'db' } } });
    id = res.json.server.id;
    await w.kube.mergePatch(Resources.Server, id, ns(), { spec: { keyName: 'k1', keyData: KEY } });
    await w.kube.mergePatch(Resources.Server, id, ns(), { status: { addresses: { private: [{ version: 4, addr: '10.0.0.5', type: 'fixed', macAddr: 'fa:16:3e:00:00:01' }, { version: 4, addr: '172.24.4.9', type: 'floating' }] }, availabilityZone: 'zone-a' } });
    // The first signed request makes the shared secret; the proxy would read it from its Secret.
    await call(w.url, undefined, 'GET', '/metadata/openstack', undefined, { 'X-Instance-ID': id, 'X-Tenant-ID': w.ids.projects.demo, 'X-Instance-ID-Signature': 'x' });
    secret = readSecretValue(w.kube.peek<SecretObject>(Resources.Secret, METADATA_PROXY_SECRET, SYSTEM_NS), SHARED_SECRET_KEY)!;
    for (const end = Date.now() + 5_000; Date.now() < end && !(await get('/metadata/openstack/latest/meta_data.json')).text.includes('k1'); ) await new Promise((r) => setTimeout(r, 10));
  });
  after(() => w.close());

  function ns(): string {
    return projectNamespace(w.ids.projects.demo);
  }
  function get(path: string, headers: Record<string, string> = {}) {
    return call(w.url, undefined, 'GET', path, undefined, { 'X-Instance-ID': id, 'X-Tenant-ID': w.ids.projects.demo, 'X-Instance-ID-Signature': instanceSignature(secret, id), ...headers });
  }
  const stored = (): Server => w.kube.peek<Server>(Resources.Server, id, ns())!;

  it('When the proxy asks for meta_data.json, then it is the instance\'s: id, name, zone, project, metadata and key', async () => {
    const res = await get('/metadata/openstack/latest/meta_data.json');
    assert.equal(res.status, 200, res.text);
    assert.match(res.headers.get('content-type') ?? '', /application\/json/);
    assert.deepEqual({ uuid: res.json.uuid, name: res.json.name, az: res.json.availability_zone, project: res.json.project_id, meta: res.json.meta, keys: res.json.public_keys }, { uuid: id, name: 'web', az: 'zone-a', project: w.ids.projects.demo, meta: { role: 'db' }, keys: { k1: KEY } });
  });

  it('When a document is read through the API, then it is byte for byte the config drive\'s file', async () => {
    const drive = configDriveLayout(stored()).files;
    for (const file of ['meta_data.json', 'network_data.json', 'user_data', 'vendor_data.json']) {
      assert.equal((await get(`/metadata/openstack/2012-08-10/${file}`)).text, drive[file], file);
    }
  });

  const listings: [string, string, RegExp][] = [
    ['the OpenStack versions', '/metadata/openstack', /^2012-08-10\n[\s\S]*\nlatest$/],
    ['a version\'s files', '/metadata/openstack/latest', /meta_data\.json\nnetwork_data\.json\nvendor_data\.json\nvendor_data2\.json\nuser_data/],
    ['the user data', '/metadata/openstack/latest/user_data', /^#!\/bin\/sh\necho hi\n$/],
    ['EC2\'s meta-data listing', '/metadata/latest/meta-data/', /^ami-id\n[\s\S]*\ninstance-id\n[\s\S]*placement\/\npublic-hostname\npublic-ipv4\npublic-keys\/\nreservation-id$/],
    ['EC2\'s public addresses', '/metadata/latest/meta-data/public-ipv4', /^172\.24\.4\.9$/],
    ['EC2\'s keys, as index=name', '/metadata/2009-04-04/meta-data/public-keys', /^0=k1$/],
    ['EC2\'s key', '/metadata/latest/meta-data/public-keys/0/openssh-key', /^ssh-ed25519 /],
    ['EC2\'s zone', '/metadata/latest/meta-data/placement/availability-zone', /^zone-a$/],
    ['EC2\'s user data', '/metadata/latest/user-data', /echo hi/],
  ];
  for (const [what, path, want] of listings) {
    it(`When the proxy asks for ${what}, then 200 with it`, async () => {
      const res = await get(path);
      assert.equal(res.status, 200, res.text);
      assert.match(res.text, want);
    });
  }

  const refusals: [string, string, Record<string, string>, number, RegExp][] = [
    ['no instance id', '/metadata/openstack', { 'X-Instance-ID': '' }, 400, /X-Instance-ID header is missing/],
    ['no signature', '/metadata/openstack', { 'X-Instance-ID-Signature': '' }, 400, /X-Instance-ID-Signature header is missing/],
    ['two instance ids', '/metadata/openstack', { 'X-Instance-ID': 'a, b' }, 400, /Multiple X-Instance-ID headers/],
    ['a signature of another id', '/metadata/openstack', { 'X-Instance-ID-Signature': instanceSignature('other-secret', 'x') }, 403, /Invalid proxy request signature/],
    ['another project', '/metadata/openstack/latest/meta_data.json', { 'X-Tenant-ID': 'f'.repeat(32) }, 404, /does not match/],
    ['an unknown version', '/metadata/openstack/2099-01-01/meta_data.json', {}, 404, /version/],
    ['an unknown file', '/metadata/openstack/latest/password2', {}, 404, /could not be found/],
    ['an unknown EC2 key', '/metadata/latest/meta-data/kernel-id', {}, 404, /could not be found/],
  ];
  for (const [what, path, headers, code, error] of refusals) {
    it(`When a request has ${what}, then ${code}`, async () => {
      const res = await get(path, headers);
      assert.equal(res.status, code, res.text);
      assert.match(res.text, error);
      assert.doesNotMatch(res.text, /ssh-ed25519|echo hi/);
    });
  }
});
