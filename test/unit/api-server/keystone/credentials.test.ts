// Keystone's credentials and their OS-EC2 view: blobs kept in Secrets of the system namespace (never
// in a CR or ConfigMap), owned by the user; the owner or an admin manages them; Keystone's ec2 rules.
import assert from 'node:assert/strict';
import { createHash } from 'node:crypto';
import type { ConfigMap } from '../../../../crds/kube-types.js';
import { Resources } from '../../../../crds/resources.js';
import type { SecretObject } from '../../../../api-server/src/auth/secret.js';
import { passwordAuth, serveKeystone, SYSTEM_NS, type HttpWorld } from '../auth/identity-fixture.js';

type Json = Record<string, any>;

describe('Keystone credentials and OS-EC2', () => {
  let w: HttpWorld;
  let admin: string;
  let alice: string;
  let fred: string;
  before(async () => {
    w = await serveKeystone();
    admin = await login('admin', 'admin');
    alice = await login('alice', 'demo');
    fred = await login('fred', 'demo');
  });
  after(() => w.close());

  async function login(user: string, project: string): Promise<string> {
    const res = await fetch(`${w.url}/identity/v3/auth/tokens`, { method: 'POST', headers: { 'Content-Type': 'application/json' }, body: JSON.stringify(passwordAuth({ name: user }, `${user}-pw`, { project: { name: project, domain: { id: 'default' } } })) });
    assert.equal(res.status, 201, `${user}: ${await res.text()}`);
    return res.headers.get('X-Subject-Token')!;
  }

  async function call(method: string, path: string, token: string, body?: unknown): Promise<{ status: number; body: Json }> {
    const res = await fetch(`${w.url}/identity/v3/${path}`, { method, headers: { 'X-Auth-Token': token, 'Content-Type': 'application/json' }, body: body === undefined ? undefined : JSON.stringify(body) });
    const text = await res.text();
    return { status: res.status, body: text ? (JSON.parse(text) as Json) : {} };
  }

  const ec2Blob = (access: string): string => JSON.stringify({ access, secret: `s-${access}` });

  it('When alice creates an ec2 credential, then its id is the SHA-256 of the access key, the blob is only in a Secret, and she can update it to another project', async () => {
    const made = await call('POST', 'credentials', alice, { credential: { user_id: w.ids.users.alice, project_id: w.ids.projects.demo, type: 'ec2', blob: ec2Blob('AK1') } });
    assert.equal(made.status, 201, JSON.stringify(made.body));
    assert.equal(made.body.credential.id, createHash('sha256').update('AK1').digest('hex'));
    const { items } = await w.kube.list<SecretObject>(Resources.Secret, { namespace: SYSTEM_NS });
    const secret = items.find((s) => s.metadata.name.endsWith(made.body.credential.id));
    assert.ok(secret?.data?.blob, 'the blob is in a Secret');
    assert.deepEqual(secret.metadata.ownerReferences?.map((o) => o.name), [w.ids.users.alice]);
    const maps = await w.kube.list<ConfigMap>(Resources.ConfigMap, { namespace: SYSTEM_NS });
    assert.equal(maps.items.some((m) => JSON.stringify(m.data ?? {}).includes('s-AK1')), false);
    const updated = await call('PATCH', `credentials/${made.body.credential.id}`, alice, { credential: { project_id: w.ids.projects.admin, blob: ec2Blob('AK2') } });
    assert.equal(updated.status, 200);
    assert.deepEqual([updated.body.credential.id, updated.body.credential.project_id, JSON.parse(updated.body.credential.blob).access], [made.body.credential.id, w.ids.projects.admin, 'AK2']);
  });

  it('When another user reads, updates, deletes or lists alice\'s credential, then it does not exist for them; an admin sees it', async () => {
    const made = await call('POST', 'credentials', alice, { credential: { user_id: w.ids.users.alice, type: 'totp', blob: 'seed' } });
    const id = made.body.credential.id as string;
    assert.equal((await call('GET', `credentials/${id}`, fred)).status, 404);
    assert.equal((await call('PATCH', `credentials/${id}`, fred, { credential: { blob: 'x' } })).status, 404);
    assert.equal((await call('DELETE', `credentials/${id}`, fred)).status, 404);
    assert.equal((await call('GET', 'credentials', fred)).body.credentials.some((c: Json) => c.id === id), false);
    assert.equal((await call('GET', `credentials?user_id=${w.ids.users.alice}&type=totp`, admin)).body.credentials.some((c: Json) => c.id === id), true);
    assert.equal((await call('DELETE', `credentials/${id}`, admin)).status, 204);
    assert.equal((await call('GET', `credentials/${id}`, alice)).status, 404);
  });

  const refused: [string, string, Json, number][] = [
    ['for another user', 'fred', { user_id: 'ALICE', type: 'totp', blob: 'x' }, 403],
    ['with an ec2 blob that is not JSON', 'alice', { user_id: 'ALICE', project_id: 'DEMO', type: 'ec2', blob: 'nope' }, 400],
    ['with an ec2 blob without access', 'alice', { user_id: 'ALICE', project_id: 'DEMO', type: 'ec2', blob: '{"secret": "s"}' }, 400],
    ['as ec2 without a project', 'alice', { user_id: 'ALICE', type: 'ec2', blob: '{"access": "a9"}' }, 400],
    ['without a blob', 'alice', { user_id: 'ALICE', type: 'totp' }, 400],
    ['for an unknown user (as admin)', 'admin', { user_id: 'nobody', type: 'totp', blob: 'x' }, 404],
  ];
  for (const [what, who, body, status] of refused) {
    it(`When a credential is created ${what}, then ${status}`, async () => {
      const concrete = JSON.parse(JSON.stringify(body).replace('ALICE', w.ids.users.alice).replace('DEMO', w.ids.projects.demo)) as Json;
      const token = who === 'fred' ? fred : who === 'admin' ? admin : alice;
      assert.equal((await call('POST', 'credentials', token, { credential: concrete })).status, status);
    });
  }

  it('When the same ec2 access key is stored twice, then 409', async () => {
    const body = { credential: { user_id: w.ids.users.alice, project_id: w.ids.projects.demo, type: 'ec2', blob: ec2Blob('DUP') } };
    assert.equal((await call('POST', 'credentials', alice, body)).status, 201);
    assert.equal((await call('POST', 'credentials', alice, body)).status, 409);
  });

  it('When alice creates, lists, shows and deletes OS-EC2 pairs, then Keystone\'s documents, found by access key', async () => {
    const base = `users/${w.ids.users.alice}/credentials/OS-EC2`;
    const made = await call('POST', base, alice, { tenant_id: w.ids.projects.demo });
    assert.equal(made.status, 201, JSON.stringify(made.body));
    const { access, secret, user_id, tenant_id } = made.body.credential;
    assert.ok(access && secret);
    assert.deepEqual([user_id, tenant_id], [w.ids.users.alice, w.ids.projects.demo]);
    assert.ok((await call('GET', base, alice)).body.credentials.some((c: Json) => c.access === access));
    assert.deepEqual((await call('GET', `${base}/${access}`, alice)).body.credential, made.body.credential);
    assert.equal((await call('DELETE', `${base}/${access}`, alice)).status, 204);
    assert.equal((await call('GET', `${base}/${access}`, alice)).status, 404);
  });

  const ec2Refusals: [string, string, Json | undefined, number][] = [
    ['fred creates a pair for alice', 'fred', { tenant_id: 'DEMO' }, 403],
    ['fred lists alice\'s pairs', 'fred', undefined, 403],
    ['alice creates one without tenant_id', 'alice', {}, 400],
    ['alice creates one for an unknown project', 'alice', { tenant_id: 'nope' }, 404],
  ];
  for (const [what, who, body, status] of ec2Refusals) {
    it(`When ${what}, then ${status}`, async () => {
      const concrete = body && (JSON.parse(JSON.stringify(body).replace('DEMO', w.ids.projects.demo)) as Json);
      const res = await call(body ? 'POST' : 'GET', `users/${w.ids.users.alice}/credentials/OS-EC2`, who === 'fred' ? fred : alice, concrete);
      assert.equal(res.status, status);
    });
  }
});
