// User data, config drive and the metadata API with the real CLI: a server created with
// --config-drive, --user-data, --property and --key-name gets its drive as a Secret mounted
// read-only at /mnt/config, its console shows what its user-data script echoes, and the metadata
// API, asked as Neutron's metadata proxy asks (the instance id signed with the shared secret),
// answers the same meta_data.json the drive holds.
import assert from 'node:assert/strict';
import { createHmac } from 'node:crypto';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { e2eStack, E2E_PORT, kubectl, openstack, openstackJson, until } from './support/stack.js';

const DEMO = 'openstack-sim-demo';

interface PodView {
  spec: { volumes?: { name: string; secret?: { secretName: string; items?: { key: string; path: string }[] } }[]; containers: { volumeMounts?: { name: string; mountPath: string; readOnly?: boolean }[] }[] };
}

const fromBase64 = (s: string): string => Buffer.from(s, 'base64').toString('utf8');

describe('user data, config drive and the metadata API (real CLI, real cluster)', () => {
  const stamp = Date.now();
  let dir = '';
  let id = '';
  let ns = '';
  let projectId = '';

  before(async () => {
    await e2eStack();
    dir = mkdtempSync(join(tmpdir(), 'osim-userdata-'));
    writeFileSync(join(dir, 'user-data.sh'), `#!/bin/sh\necho "hello-from-user-data-${stamp}"\n`);
    await openstack(DEMO, ['keypair', 'create', '--private-key', join(dir, 'key'), `e2e-ud-${stamp}`]);
    const created = await openstackJson<{ id: string; project_id: string }>(DEMO, ['server', 'create', '--flavor', 'm1.tiny', '--image', 'cirros', '--config-drive', 'True', '--user-data', join(dir, 'user-data.sh'), '--property', 'role=db', '--key-name', `e2e-ud-${stamp}`, '--wait', `e2e-ud-${stamp}`]);
    id = created.id;
    projectId = created.project_id;
    const rows = await kubectl(['get', 'servers.openstack.sim', '-A', '--no-headers']);
    ns = rows.split('\n').find((l) => l.includes(id))!.trim().split(/\s+/)[0];
  });
  after(async () => {
    if (id) await openstack(DEMO, ['server', 'delete', '--wait', id]).catch(() => undefined);
    await openstack(DEMO, ['keypair', 'delete', `e2e-ud-${stamp}`]).catch(() => undefined);
    rmSync(dir, { recursive: true, force: true });
  });

  const driveFile = async (key: string): Promise<string> => fromBase64(await kubectl(['get', 'secret', `${id}-config-drive`, '-n', ns, '-o', `jsonpath={.data.${key.replace(/\./g, '\\.')}}`]));

  it('When the server is created with --config-drive, then its Pod mounts the drive read-only at /mnt/config, holding its meta_data.json and user data', async () => {
    const pod = JSON.parse(await kubectl(['get', 'pod', id, '-n', ns, '-o', 'json'])) as PodView;
    const volume = pod.spec.volumes?.find((v) => v.secret?.secretName === `${id}-config-drive`);
    assert.ok(volume?.secret?.items?.some((i) => i.path === 'openstack/latest/meta_data.json'), JSON.stringify(pod.spec.volumes));
    assert.deepEqual(pod.spec.containers[0].volumeMounts?.find((m) => m.name === volume!.name), { name: volume!.name, mountPath: '/mnt/config', readOnly: true });
    const meta = JSON.parse(await driveFile('meta_data.json')) as { uuid: string; meta: Record<string, string>; public_keys: Record<string, string> };
    assert.equal(meta.uuid, id);
    assert.deepEqual(meta.meta, { role: 'db' });
    assert.ok(meta.public_keys[`e2e-ud-${stamp}`]?.startsWith('ssh-'));
    assert.match(await driveFile('user_data'), new RegExp(`hello-from-user-data-${stamp}`));
  });

  it('When its console log is shown, then it has what the user-data script echoes', async () => {
    const log = await until('the console log', async () => (await openstack(DEMO, ['console', 'log', 'show', id]).catch(() => '')) || undefined);
    assert.match(log, new RegExp(`^hello-from-user-data-${stamp}$`, 'm'));
  });

  it('When the metadata API is asked as the metadata proxy asks, then it answers the drive\'s meta_data.json; unsigned, 400; badly signed, 403', async () => {
    const url = `http://127.0.0.1:${E2E_PORT}/metadata/openstack/latest/meta_data.json`;
    const headers = (signature: string) => ({ 'X-Instance-ID': id, 'X-Tenant-ID': projectId, 'X-Instance-ID-Signature': signature });
    // A bad signature is refused; asking also makes the shared secret if no request made it yet.
    assert.equal((await fetch(url, { headers: headers('0'.repeat(64)) })).status, 403);
    const shared = fromBase64(await kubectl(['get', 'secret', 'openstack-sim-metadata-proxy', '-n', 'openstack-sim-system', '-o', 'jsonpath={.data.shared-secret}']));
    const signed = await fetch(url, { headers: headers(createHmac('sha256', shared).update(id).digest('hex')) });
    assert.equal(signed.status, 200);
    const api = (await signed.json()) as { uuid: string; meta: Record<string, string>; public_keys: Record<string, string> };
    const drive = JSON.parse(await driveFile('meta_data.json')) as typeof api;
    assert.deepEqual({ uuid: api.uuid, meta: api.meta, keys: api.public_keys }, { uuid: drive.uuid, meta: drive.meta, keys: drive.public_keys });
    assert.equal((await fetch(url, { headers: { 'X-Tenant-ID': projectId } })).status, 400);
  });
});
