// Tenancy and token checks through the running deployment: a demo member cannot see or delete the
// admin project's servers (404), and expired, tampered or revoked tokens get 401.
import assert from 'node:assert/strict';
import { HttpKubeClient, loadKubeConfig } from '../../crds/client/http-client.js';
import { DEFAULT_SYSTEM_NAMESPACE } from '../../crds/naming.js';
import { Resources } from '../../crds/resources.js';
import { keySetFromSecret, TOKEN_KEYS_SECRET } from '../../api-server/src/auth/token-keys.js';
import type { SecretObject } from '../../api-server/src/auth/secret.js';
import { newAuditId, openToken, sealToken } from '../../api-server/src/auth/token-codec.js';
import { e2eStack, openstack, openstackJson, tokenFor } from './support/stack.js';
import { run, waitFor } from '../../hack/lib/exec.js';

async function get(path: string, token: string): Promise<{ status: number; body: any }> {
  const s = await e2eStack();
  const res = await fetch(`${s.apiUrl}${path}`, { headers: { 'X-Auth-Token': token } });
  const text = await res.text();
  return { status: res.status, body: text ? JSON.parse(text) : undefined };
}

describe('Tenant isolation and tokens (running deployment)', () => {
  let serverId: string;

  before(async () => {
    const created = await openstackJson<{ id: string }>('openstack-sim', ['server', 'create', '--flavor', 'm1.tiny', '--image', 'cirros', '--wait', `admin-only-${Date.now()}`]);
    serverId = created.id;
  });

  after(async () => {
    await openstack('openstack-sim', ['server', 'delete', '--wait', serverId]).catch(() => undefined);
  });

  it('When the demo member shows or deletes an admin-project server, then the CLI reports it does not exist', async () => {
    await assert.rejects(openstack('openstack-sim-demo', ['server', 'show', serverId]), /No server with a name or ID/);
    await assert.rejects(openstack('openstack-sim-demo', ['server', 'delete', serverId]), /No server with a name or ID/);
    const mine = await openstackJson<{ ID: string }[]>('openstack-sim-demo', ['server', 'list']);
    assert.ok(!mine.some((s) => s.ID === serverId));
    const still = await openstackJson<{ status: string }>('openstack-sim', ['server', 'show', serverId]);
    assert.equal(still.status, 'ACTIVE');
  });

  it('When the demo member calls the API directly, then show and delete are 404 itemNotFound', async () => {
    const { token } = await tokenFor('demo');
    const shown = await get(`/compute/v2.1/servers/${serverId}`, token);
    assert.equal(shown.status, 404);
    assert.equal(shown.body.itemNotFound.code, 404);
    const s = await e2eStack();
    const del = await fetch(`${s.apiUrl}/compute/v2.1/servers/${serverId}`, { method: 'DELETE', headers: { 'X-Auth-Token': token } });
    assert.equal(del.status, 404);
  });

  it('When a token is tampered with, then 401', async () => {
    const { token } = await tokenFor('demo');
    const i = Math.floor(token.length / 2);
    const flipped = `${token.slice(0, i)}${token[i] === 'x' ? 'y' : 'x'}${token.slice(i + 1)}`;
    const res = await get('/compute/v2.1/servers', flipped);
    assert.equal(res.status, 401);
    assert.equal(res.body.error.code, 401);
    assert.equal((await get('/compute/v2.1/servers', token)).status, 200);
  });

  it('When a token signed with the real keys has expired, then 401', async () => {
    const s = await e2eStack();
    const kube = new HttpKubeClient(loadKubeConfig(s.kubeconfig));
    const secret = await kube.get<SecretObject>(Resources.Secret, TOKEN_KEYS_SECRET, DEFAULT_SYSTEM_NAMESPACE);
    const keys = keySetFromSecret(secret!)!;
    const { token } = await tokenFor('demo');
    const data = openToken(keys, token)!;
    const past = Date.now() - 2 * 3600_000;
    const expired = sealToken(keys, { ...data, expiresAt: new Date(past + 3600_000), auditIds: [newAuditId()] }, past);
    assert.equal((await get('/compute/v2.1/servers', expired)).status, 401);
    const fresh = sealToken(keys, { ...data, expiresAt: new Date(Date.now() + 600_000), auditIds: [newAuditId()] }, Date.now());
    assert.equal((await get('/compute/v2.1/servers', fresh)).status, 200, 'a token sealed the same way but unexpired must work');
  });

  it('When the keys rotate, then a token stays valid while its key is active and gets 401 once it is dropped', async () => {
    const s = await e2eStack();
    const rotate = (): Promise<string> => run('npx', ['tsx', 'hack/rotate-token-keys.ts', '--kubeconfig', s.kubeconfig], { quiet: true });
    const { token } = await tokenFor('demo');
    assert.match(await rotate(), /rotated token keys/);
    const second = await tokenFor('demo');
    // The old token's key is now a secondary key: still accepted by every replica.
    assert.equal((await get('/compute/v2.1/servers', token)).status, 200);
    assert.equal((await get('/compute/v2.1/servers', second.token)).status, 200);
    await rotate();
    // With three active keys, the second rotation drops the key that signed the first token.
    await waitFor('the API server to drop the old key', async () => (await get('/compute/v2.1/servers', token)).status === 401, 10_000);
    assert.equal((await get('/compute/v2.1/servers', second.token)).status, 200, 'a token signed by a still-active key must keep working');
  });

  it('When a token is revoked with openstack token revoke, then it gets 401', async () => {
    const { token } = await tokenFor('demo');
    assert.equal((await get('/compute/v2.1/servers', token)).status, 200);
    await openstack('openstack-sim-demo', ['token', 'revoke', token]);
    assert.equal((await get('/compute/v2.1/servers', token)).status, 401);
  });
});

