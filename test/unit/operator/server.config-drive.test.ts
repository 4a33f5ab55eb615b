// A server's config drive: a Secret of crds/guest-metadata.ts's files, owned by the Server,
// applied as its Pod is made and mounted read-only at /mnt/config with cloud-init's layout; a
// server without config_drive has neither.
import assert from 'node:assert/strict';
import { Resources } from '../../../crds/resources.js';
import { configDriveLayout } from '../../../crds/guest-metadata.js';
import { CONFIG_DRIVE_DIR, configDriveSecretName, desiredConfigDriveSecret } from '../../../operator/src/controllers/server/server.config-drive.js';
import { desiredPod } from '../../../operator/src/controllers/server/server.resources.js';
import type { Pod } from '../../../crds/kube-types.js';
import { flavor, image, NS, server, SERVER_ID } from './fixtures.js';
import { KEY, seedBasics, world } from './server-world.js';

const USER_DATA = Buffer.from('#!/bin/sh\necho hi\n').toString('base64');

describe('config drive', () => {
  it('When the server asks for a config drive, then its Pod mounts the drive read-only at /mnt/config with every document at cloud-init\'s paths', () => {
    const s = server({ configDrive: true, userData: USER_DATA });
    const pod = desiredPod(s, flavor(), image());
    const volume = pod.spec.volumes?.find((v) => v.secret?.secretName === configDriveSecretName(SERVER_ID));
    assert.ok(volume, JSON.stringify(pod.spec.volumes));
    const paths = volume.secret!.items!.map((i) => i.path);
    for (const p of ['openstack/latest/meta_data.json', 'openstack/latest/user_data', 'openstack/2012-08-10/network_data.json', 'ec2/latest/meta-data.json']) assert.ok(paths.includes(p), p);
    const mount = pod.spec.containers[0].volumeMounts?.find((m) => m.name === volume.name);
    assert.deepEqual(mount, { name: volume.name, mountPath: CONFIG_DRIVE_DIR, readOnly: true });
  });

  it('When the server does not ask for one, then its Pod has no drive', () => {
    const pod = desiredPod(server({ userData: USER_DATA }), flavor(), image());
    assert.equal(pod.spec.volumes?.some((v) => v.secret) ?? false, false);
  });

  it('When the drive\'s Secret is built, then it holds each file once, base64, and the Server controls it', () => {
    const s = server({ configDrive: true, userData: USER_DATA });
    const secret = desiredConfigDriveSecret(s);
    const decoded = Object.fromEntries(Object.entries(secret.data).map(([k, v]) => [k, Buffer.from(v, 'base64').toString('utf8')]));
    assert.deepEqual(decoded, configDriveLayout(s).files);
    assert.equal(decoded.user_data, '#!/bin/sh\necho hi\n');
    assert.equal(secret.metadata.ownerReferences?.[0].kind, 'Server');
    assert.equal(secret.metadata.ownerReferences?.[0].controller, true);
  });

  it('When a server with a config drive is reconciled, then the drive\'s Secret is applied before its Pod is created', async () => {
    const w = await world((k) => {
      seedBasics(k);
      k.seed(Resources.Server, server({ configDrive: true }));
    });
    await w.r.reconcile(KEY);
    const writes = w.actions().filter((a) => /Secret|Pod/.test(a));
    assert.deepEqual(writes.slice(0, 2), [`apply Secret ${NS}/${configDriveSecretName(SERVER_ID)}`, `create Pod ${KEY}`]);
    const pod = w.kube.peek<Pod>(Resources.Pod, SERVER_ID, NS)!;
    assert.ok(pod.spec.volumes?.some((v) => v.secret?.secretName === configDriveSecretName(SERVER_ID)));
  });
});
