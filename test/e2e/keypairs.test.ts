// Keypairs as a user drives them with the real CLI: generate one (the private key is written out
// once), import one made by OpenSSH's ssh-keygen (Nova's fingerprint must be OpenSSH's MD5 one),
// boot a server with --key-name, and find the key where sshd would read it in the Pod.
import assert from 'node:assert/strict';
import { execFile } from 'node:child_process';
import { chmod, mkdtemp, readFile, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { e2eStack, kubectl, openstack, openstackJson } from './support/stack.js';

const run = promisify(execFile);

interface KeypairShow {
  name: string;
  fingerprint: string;
  type: string;
  user_id: string;
}

interface PodView {
  metadata: { annotations: Record<string, string> };
  spec: { volumes?: { name: string; downwardAPI?: { items: { path: string; fieldRef: { fieldPath: string } }[] } }[]; containers: { volumeMounts?: { name: string; mountPath: string; readOnly?: boolean }[] }[] };
}

/** ssh-keygen's MD5 fingerprint of a public key file, as Nova shows it (no "MD5:" prefix). */
async function md5Fingerprint(file: string): Promise<string> {
  const { stdout } = await run('ssh-keygen', ['-l', '-E', 'md5', '-f', file]);
  return stdout.split(/\s+/)[1].replace(/^MD5:/, '');
}

describe('openstack keypair and server create --key-name (real CLI, real cluster)', () => {
  const stamp = Date.now();
  const generated = `e2e-gen-${stamp}`;
  const imported = `e2e-imp-${stamp}`;
  let dir: string;
  let serverId: string | undefined;

  before(async () => {
    await e2eStack();
    dir = await mkdtemp(join(tmpdir(), 'osim-keys-'));
  });
  after(async () => {
    if (serverId) await openstack('openstack-sim-demo', ['server', 'delete', '--wait', serverId]).catch(() => undefined);
    for (const k of [generated, imported]) await openstack('openstack-sim-demo', ['keypair', 'delete', k]).catch(() => undefined);
    await rm(dir, { recursive: true, force: true });
  });

  it('When a keypair is created without a public key, then the private key written out is one OpenSSH reads, and its public half matches Nova\'s', async () => {
    const privateFile = join(dir, 'gen');
    await openstack('openstack-sim-demo', ['keypair', 'create', '--private-key', privateFile, generated]);
    // As a user would before using it: OpenSSH refuses a private key others can read.
    await chmod(privateFile, 0o600);
    const { stdout: derived } = await run('ssh-keygen', ['-y', '-f', privateFile]);
    const publicKey = (await openstack('openstack-sim-demo', ['keypair', 'show', '--public-key', generated])).trim();
    assert.equal(derived.trim().split(' ').slice(0, 2).join(' '), publicKey.split(' ').slice(0, 2).join(' '));
  });

  it('When an ed25519 key from ssh-keygen is imported, then Nova\'s fingerprint is OpenSSH\'s MD5 one and it is listed', async () => {
    const file = join(dir, 'ed');
    await run('ssh-keygen', ['-q', '-t', 'ed25519', '-N', '', '-C', 'e2e@test', '-f', file]);
    const shown = await openstackJson<KeypairShow>('openstack-sim-demo', ['keypair', 'create', '--public-key', `${file}.pub`, imported]);
    assert.equal(shown.fingerprint, await md5Fingerprint(`${file}.pub`));
    const list = await openstackJson<{ Name: string; Fingerprint: string }[]>('openstack-sim-demo', ['keypair', 'list']);
    assert.ok(list.some((k) => k.Name === imported && k.Fingerprint === shown.fingerprint), JSON.stringify(list));
    await assert.rejects(openstack('openstack-sim-demo', ['keypair', 'create', '--public-key', `${file}.pub`, imported]), /409|already exists/);
  });

  it('When a server is created with --key-name, then it shows the key name and its Pod mounts the key as /root/.ssh/authorized_keys', async () => {
    const server = await openstackJson<{ id: string; key_name: string; status: string }>('openstack-sim-demo', ['server', 'create', '--flavor', 'm1.tiny', '--image', 'cirros', '--key-name', imported, '--wait', `e2e-keyed-${stamp}`]);
    serverId = server.id;
    assert.equal(server.status, 'ACTIVE');
    assert.equal(server.key_name, imported);
    const rows = await kubectl(['get', 'servers.openstack.sim', '-A', '--no-headers']);
    const ns = rows.split('\n').find((l) => l.includes(server.id))!.trim().split(/\s+/)[0];
    const pod = JSON.parse(await kubectl(['get', 'pod', server.id, '-n', ns, '-o', 'json'])) as PodView;
    const key = await readFile(join(dir, 'ed.pub'), 'utf8');
    assert.equal(pod.metadata.annotations['openstack.sim/authorized-keys'], `${key.trim()}\n`);
    const volume = pod.spec.volumes?.find((v) => v.name === 'ssh-keys');
    assert.deepEqual(volume?.downwardAPI?.items, [{ path: 'authorized_keys', fieldRef: { apiVersion: 'v1', fieldPath: "metadata.annotations['openstack.sim/authorized-keys']" } }]);
    assert.deepEqual(pod.spec.containers[0].volumeMounts?.find((m) => m.name === 'ssh-keys'), { name: 'ssh-keys', mountPath: '/root/.ssh', readOnly: true });
  });

  it('When a server names a keypair that does not exist, then the CLI reports Nova\'s 400', async () => {
    await assert.rejects(openstack('openstack-sim-demo', ['server', 'create', '--flavor', 'm1.tiny', '--image', 'cirros', '--key-name', `nope-${stamp}`, `e2e-nokey-${stamp}`]), /Invalid key_name|400/);
  });
});
