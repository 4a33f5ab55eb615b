// The API server and the operator together on a real kube-apiserver, scheduler and
// controller-manager: what the API accepts becomes a Pod, and the Pod's fate becomes the status.
import assert from 'node:assert/strict';
import type { Flavor, Quota, Server } from '../../crds/types.generated.js';
import { API_VERSION, Resources } from '../../crds/resources.js';
import { projectNamespace, ZONE_LABEL } from '../../crds/naming.js';
import { isAlreadyExists, isGone } from '../../crds/client/client.js';
import { waitFor } from '../../hack/lib/exec.js';
import { api, login, startHarness, waitForStatus, type Harness } from './harness.js';

interface PodLike {
  metadata: { ownerReferences?: { kind: string; name: string; controller?: boolean }[]; labels?: Record<string, string> };
  spec: { nodeName?: string; containers: { image: string; resources: { requests: Record<string, string>; limits: Record<string, string> } }[]; affinity?: unknown };
}

/** The project's compute Quota with unlimited cores (the ledger's own object, written as an admin's quota set would). */
async function liftCoresQuota(h: Harness, namespace: string): Promise<void> {
  const quota: Quota = { apiVersion: API_VERSION, kind: 'Quota', metadata: { name: 'compute', namespace }, spec: { service: 'compute', limits: { cores: -1 }, claims: {} } };
  try {
    await h.kube.create(Resources.Quota, quota);
  } catch (err) {
    if (!isAlreadyExists(err)) throw err;
    const current = (await h.kube.get<Quota>(Resources.Quota, 'compute', namespace))!;
    await h.kube.replace(Resources.Quota, { ...current, spec: { ...current.spec, limits: { ...current.spec.limits, cores: -1 } } });
  }
}

describe('Server reconcile on a real cluster', () => {
  let h: Harness;
  let owner: string;
  let other: string;
  let imageId: string;
  let ns: string;

  before(async function () {
    this.timeout(180_000);
    h = await startHarness();
    owner = await login(h, 'owner');
    other = await login(h, 'other');
    imageId = h.ids.imageIds[`it-image-${h.suffix}`];
    ns = projectNamespace(h.ids.projectIds[`it-owner-${h.suffix}`]);
  });
  const created: string[] = [];
  after(async function () {
    this.timeout(60_000);
    if (!h) return;
    // Delete through the API while the operator still runs, so finalizers are released.
    for (const id of created) {
      const res = await api(h, owner, 'DELETE', `/compute/v2.1/servers/${id}`);
      if (res.status !== 204) console.error(`      cleanup: DELETE ${id} -> ${res.status}`);
    }
    await waitFor('test servers to go', async () => (await h.kube.list(Resources.Server, { namespace: ns })).items.length === 0, 30_000).catch(() => undefined);
    await h.stop();
  });

  const boot = async (name: string, extra: object = {}): Promise<string> => {
    const res = await api(h, owner, 'POST', '/compute/v2.1/servers', { server: { name, imageRef: imageId, flavorRef: '1', ...extra } });
    assert.equal(res.status, 202, JSON.stringify(res.json));
    created.push(res.json.server.id as string);
    return res.json.server.id as string;
  };

  it('When a server is created, then a GET right away finds it and it becomes ACTIVE on a Pod sized by its flavor', async () => {
    const id = await boot(`it-vm-${h.suffix}`);
    assert.equal((await api(h, owner, 'GET', `/compute/v2.1/servers/${id}`)).status, 200, 'read-your-writes');
    const server = await waitForStatus(h, owner, id, 'ACTIVE');
    const pod = await h.kube.get<PodLike & { metadata: { name: string } }>(Resources.Pod, id, ns);
    assert.ok(pod, 'no Pod');
    assert.equal(pod.spec.nodeName, (await h.kube.get<Server>(Resources.Server, id, ns))!.status!.host);
    assert.deepEqual(pod.spec.containers[0].resources.requests, { cpu: '1', memory: '512Mi' });
    assert.deepEqual(pod.spec.containers[0].resources.limits, pod.spec.containers[0].resources.requests);
    assert.ok(pod.metadata.ownerReferences?.some((o) => o.kind === 'Server' && o.name === id && o.controller));
    assert.ok(server.addresses.private[0].addr, 'no fixed address');
  });

  it('When a server asks for an availability zone, then it lands on a node of that zone', async () => {
    const id = await boot(`it-az-${h.suffix}`, { availability_zone: 'zone-b' });
    const server = await waitForStatus(h, owner, id, 'ACTIVE');
    assert.equal(server['OS-EXT-AZ:availability_zone'], 'zone-b');
    const cr = await h.kube.get<Server>(Resources.Server, id, ns);
    const node = await h.kube.get<{ metadata: { name: string; labels: Record<string, string> } }>(Resources.Node, cr!.status!.host!);
    assert.equal(node!.metadata.labels[ZONE_LABEL], 'zone-b');
  });

  it('When no node can hold the flavor, then the server goes to ERROR with Nova\'s fault', async () => {
    const flavorId = `it-huge-${h.suffix}`;
    // 4096 cores are past the default quota (20): this test is about placement, so lift it.
    await liftCoresQuota(h, ns);
    await h.kube.create<Flavor>(Resources.Flavor, { apiVersion: API_VERSION, kind: 'Flavor', metadata: { name: flavorId }, spec: { name: flavorId, vcpus: 4096, ramMiB: 1024, diskGiB: 1 } });
    try {
      await waitFor('the API to see the new flavor', async () => (await api(h, owner, 'GET', `/compute/v2.1/flavors/${flavorId}`)).status === 200, 10_000);
      const res = await api(h, owner, 'POST', '/compute/v2.1/servers', { server: { name: 'too-big', imageRef: imageId, flavorRef: flavorId } });
      assert.equal(res.status, 202, JSON.stringify(res.json));
      created.push(res.json.server.id as string);
      const server = await waitForStatus(h, owner, res.json.server.id as string, 'ERROR');
      assert.match(server.fault.message, /No valid host was found/);
      assert.equal(server.fault.code, 500);
    } finally {
      await h.kube.delete(Resources.Flavor, flavorId);
    }
  });

  it('When another project\'s member looks, then the server is 404 and absent from their list', async () => {
    const id = await boot(`it-private-${h.suffix}`);
    assert.equal((await api(h, other, 'GET', `/compute/v2.1/servers/${id}`)).status, 404);
    assert.equal((await api(h, other, 'DELETE', `/compute/v2.1/servers/${id}`)).status, 404);
    const list = await api(h, other, 'GET', '/compute/v2.1/servers');
    assert.ok(!list.json.servers.some((s: { id: string }) => s.id === id));
  });

  it('When a server is deleted, then its Pod goes first and then the server itself (404)', async () => {
    const id = await boot(`it-del-${h.suffix}`);
    await waitForStatus(h, owner, id, 'ACTIVE');
    assert.equal((await api(h, owner, 'DELETE', `/compute/v2.1/servers/${id}`)).status, 204);
    await waitFor('the server to 404', async () => (await api(h, owner, 'GET', `/compute/v2.1/servers/${id}`)).status === 404, 30_000);
    assert.equal(await h.kube.get(Resources.Pod, id, ns), undefined);
    assert.equal(await h.kube.get(Resources.Server, id, ns), undefined);
  });

  it('When a watch starts from a compacted resourceVersion, then the client reports 410 Gone', async () => {
    const handle = h.kube.watch(Resources.Server, { resourceVersion: '1' }, () => undefined);
    const err = await handle.done;
    handle.stop();
    assert.ok(isGone(err), `expected 410, got ${String(err)}`);
  });
});
