// IPAM on a real kube-apiserver with two API server processes: the in-process one of the harness
// and a second one started as its own process, as a second replica would run. 100 concurrent port
// creates, alternating between them, on a subnet with 61 free addresses.
import assert from 'node:assert/strict';
import { spawn, type ChildProcess } from 'node:child_process';
import { createServer, type AddressInfo } from 'node:net';
import { join } from 'node:path';
import { Resources } from '../../crds/resources.js';
import type { AddressAllocation } from '../../crds/types.generated.js';
import { stopChild, waitFor } from '../../hack/lib/exec.js';
import { api, login, startHarness, type Harness } from './harness.js';

const root = join(import.meta.dirname, '..', '..');
const stateDir = process.env.OPENSTACK_SIM_STATE ?? join(root, '.openstack-sim', 'test');

async function freePort(): Promise<number> {
  return new Promise((resolve) => {
    const probe = createServer().listen(0, '127.0.0.1', () => {
      const { port } = probe.address() as AddressInfo;
      probe.close(() => resolve(port));
    });
  });
}

async function secondApiServer(): Promise<{ url: string; child: ChildProcess }> {
  const port = await freePort();
  const url = `http://127.0.0.1:${port}`;
  const child = spawn(process.execPath, ['--import', 'tsx', join(root, 'api-server/src/main.ts'), '--kubeconfig', join(stateDir, 'kubeconfig'), '--port', String(port), '--public-url', url], {
    stdio: ['ignore', 'ignore', 'inherit'],
  });
  await waitFor('the second API server', async () => (await fetch(`${url}/network`).catch(() => undefined))?.status === 200, 60_000);
  return { url, child };
}

describe('IPAM across two API server processes on a real cluster', function () {
  this.timeout(300_000);
  let h: Harness;
  let second: { url: string; child: ChildProcess } | undefined;
  let token: string;
  let networkId: string;
  let subnetId: string;

  before(async () => {
    h = await startHarness();
    second = await secondApiServer();
    token = await login(h, 'owner');
    networkId = (await api(h, token, 'POST', '/network/v2.0/networks', { network: { name: `ipam-${h.suffix}` } })).json.network.id;
    const sub = await api(h, token, 'POST', '/network/v2.0/subnets', { subnet: { network_id: networkId, ip_version: 4, cidr: '10.61.0.0/26' } });
    assert.equal(sub.status, 201);
    subnetId = sub.json.subnet.id;
  });
  after(async () => {
    if (networkId) await api(h, token, 'DELETE', `/network/v2.0/networks/${networkId}`);
    if (second) await stopChild(second.child);
    await h?.stop();
  });

  const allocations = async (): Promise<AddressAllocation[]> =>
    (await h.kube.list<AddressAllocation>(Resources.AddressAllocation)).items.filter((a) => a.spec.pool === subnetId);

  it('When 100 ports are created at once through both, then 61 get distinct addresses, 39 get a clean 409, and deleting them leaks nothing', async () => {
    const post = async (i: number): Promise<{ status: number; json: any }> => {
      const base = i % 2 === 0 ? h.api.url : second!.url;
      const res = await fetch(`${base}/network/v2.0/ports`, {
        method: 'POST',
        headers: { 'X-Auth-Token': token, 'Content-Type': 'application/json' },
        body: JSON.stringify({ port: { network_id: networkId } }),
      });
      return { status: res.status, json: await res.json() };
    };
    const started = Date.now();
    const results = await Promise.all(Array.from({ length: 100 }, (_, i) => post(i)));
    console.error(`      100 concurrent port creates took ${((Date.now() - started) / 1000).toFixed(1)} s`);
    const made = results.filter((r) => r.status === 201);
    const refused = results.filter((r) => r.status === 409);
    assert.deepEqual([made.length, refused.length], [61, 39], results.filter((r) => r.status !== 201 && r.status !== 409).map((r) => JSON.stringify(r.json)).join('\n'));
    assert.ok(refused.every((r) => r.json.NeutronError.type === 'IpAddressGenerationFailure'));
    const addresses = made.map((r) => r.json.port.fixed_ips[0].ip_address as string);
    assert.equal(new Set(addresses).size, 61, 'no address allocated twice');
    assert.equal((await allocations()).length, 61, 'one allocation object per address, none from the refused creates');
    for (const r of made) assert.equal((await api(h, token, 'DELETE', `/network/v2.0/ports/${r.json.port.id}`)).status, 204);
    assert.equal((await allocations()).length, 0, 'nothing leaked after the ports went');
  });
});
