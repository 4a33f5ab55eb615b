// Glance images as a user drives them with the real CLI: create one from a local file, save it
// back (byte-identical, its sha512 the image's os_hash_value), set a property, share it with
// another project that accepts it, see the CR with kubectl and the bytes in the store, delete it,
// and nothing is left: not the image, not its data.
import assert from 'node:assert/strict';
import { createHash, randomBytes } from 'node:crypto';
import { existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { e2eStack, kubectl, openstack, openstackJson } from './support/stack.js';

const DEMO = 'openstack-sim-demo';
const ALT = 'openstack-sim-alt-demo';

interface ImageShow {
  id: string;
  name: string;
  status: string;
  size: number;
  checksum: string;
  os_hash_algo?: string;
  os_hash_value?: string;
  visibility: string;
  properties: Record<string, unknown>;
}

/** OSC 6 shows Glance's os_hash_* fields among the properties. */
const hashOf = (i: ImageShow): [unknown, unknown] => [i.os_hash_algo ?? i.properties.os_hash_algo, i.os_hash_value ?? i.properties.os_hash_value];

describe('openstack image (real CLI, real cluster)', () => {
  const name = `e2e-img-${Date.now()}`;
  const dir = mkdtempSync(join(tmpdir(), 'osim-e2e-img-'));
  const bytes = randomBytes(3 * 1024 * 1024 + 17);
  let image: ImageShow | undefined;
  let storeDir = '';

  before(async () => {
    storeDir = join((await e2eStack()).cloudsYaml, '..', 'images');
    writeFileSync(join(dir, 'disk.raw'), bytes);
  });

  after(async () => {
    if (image) await openstack(DEMO, ['image', 'delete', image.id]).catch(() => undefined);
    rmSync(dir, { recursive: true, force: true });
  });

  it('When an image is created from a file, then it is active with the file\'s size, md5 and sha512', async () => {
    image = await openstackJson<ImageShow>(DEMO, ['image', 'create', '--file', join(dir, 'disk.raw'), '--disk-format', 'raw', '--container-format', 'bare', '--private', name]);
    const shown = await openstackJson<ImageShow>(DEMO, ['image', 'show', image.id]);
    assert.equal(shown.status, 'active');
    assert.equal(shown.size, bytes.length);
    assert.equal(shown.checksum, createHash('md5').update(bytes).digest('hex'));
    assert.deepEqual(hashOf(shown), ['sha512', createHash('sha512').update(bytes).digest('hex')]);
    assert.ok(existsSync(join(storeDir, image.id)), 'the bytes are in the image store, not in etcd');
  });

  it('When the image is saved, then the file is byte-identical and its sha512 is the image\'s os_hash_value', async () => {
    const out = join(dir, 'saved.raw');
    await openstack(DEMO, ['image', 'save', '--file', out, image!.id]);
    const saved = readFileSync(out);
    assert.ok(saved.equals(bytes), 'the saved file differs from the uploaded one');
    const shown = await openstackJson<ImageShow>(DEMO, ['image', 'show', image!.id]);
    assert.equal(createHash('sha512').update(saved).digest('hex'), hashOf(shown)[1]);
  });

  it('When a property is set, then show lists it and kubectl shows the CR active with its size', async () => {
    await openstack(DEMO, ['image', 'set', '--property', 'os_distro=cirros', '--property', 'e2e=yes', image!.id]);
    const shown = await openstackJson<ImageShow>(DEMO, ['image', 'show', image!.id]);
    assert.equal(shown.properties.os_distro, 'cirros');
    assert.equal(shown.properties.e2e, 'yes');
    const cr = JSON.parse(await kubectl(['get', 'images.openstack.sim', image!.id, '-o', 'json'])) as { spec: { properties: Record<string, string> }; status: { status: string; size: number } };
    assert.deepEqual([cr.status.status, cr.status.size, cr.spec.properties.os_distro], ['active', bytes.length, 'cirros']);
  });

  it('When the image is shared with another project, then that project sees it, and lists it once it accepts', async () => {
    const listedByAlt = async (): Promise<boolean> => (await openstackJson<{ ID: string }[]>(ALT, ['image', 'list'])).some((i) => i.ID === image!.id);
    await assert.rejects(openstack(ALT, ['image', 'show', image!.id]), 'a private image is invisible to other projects');
    await openstack(DEMO, ['image', 'set', '--shared', image!.id]);
    const altProject = (await openstackJson<{ id: string }>('openstack-sim', ['project', 'show', 'alt_demo'])).id;
    await openstack(DEMO, ['image', 'add', 'project', image!.id, altProject]);
    assert.equal((await openstackJson<ImageShow>(ALT, ['image', 'show', image!.id])).id, image!.id);
    assert.equal(await listedByAlt(), false, 'a pending member does not list it');
    await openstack(ALT, ['image', 'set', '--accept', image!.id]);
    assert.equal(await listedByAlt(), true);
  });

  it('When the image is deleted, then it is gone from the API, kubectl and the image store', async () => {
    await openstack(DEMO, ['image', 'delete', image!.id]);
    await assert.rejects(openstack(DEMO, ['image', 'show', image!.id]));
    await assert.rejects(kubectl(['get', 'images.openstack.sim', image!.id]));
    assert.equal(existsSync(join(storeDir, image!.id)), false);
    image = undefined;
  });
});
