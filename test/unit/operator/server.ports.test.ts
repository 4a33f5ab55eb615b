// A server on Neutron ports: its status addresses are the ports' (by network name, with MACs),
// and its Pod carries one label per security group of its ports, kept in step as they change.
import assert from 'node:assert/strict';
import type { FloatingIP, Network, Port, Server } from '../../../crds/types.generated.js';
import { API_VERSION, Resources } from '../../../crds/resources.js';
import type { Pod } from '../../../crds/kube-types.js';
import { FakeKube } from '../../support/fake-kube.js';
import { NS, server, SERVER_ID } from './fixtures.js';
import { KEY, markPod, seedBasics, world } from './server-world.js';

const NET = 'n0000000-0000-4000-8000-000000000001';
const PORT = 'p0000000-0000-4000-8000-000000000001';

function network(): Network {
  return { apiVersion: API_VERSION, kind: 'Network', metadata: { name: NET, namespace: NS }, spec: { name: 'private', projectId: 'p1' } };
}

function port(groups: string[], ip = '10.0.0.5'): Port {
  return {
    apiVersion: API_VERSION, kind: 'Port', metadata: { name: PORT, namespace: NS },
    spec: { name: '', projectId: 'p1', networkId: NET, macAddress: 'fa:16:3e:00:00:01', fixedIps: [{ subnetId: 's1', ipAddress: ip }], deviceId: SERVER_ID, deviceOwner: 'compute:nova', securityGroups: groups },
  };
}

const onPort = (): Server => server({ ports: [{ id: PORT, created: true }] }, { finalizers: ['openstack.sim/finalizer'] });

function seed(groups: string[]) {
  return (k: FakeKube): void => {
    seedBasics(k);
    k.seed(Resources.Network, network());
    k.seed(Resources.Port, port(groups));
    k.seed(Resources.Server, onPort());
  };
}

describe('Server on Neutron ports', () => {
  it('When the server runs, then its addresses are its port\'s, under the network\'s name, with the MAC', async () => {
    const w = await world(seed(['g1']));
    await w.r.reconcile(KEY);
    await markPod(w.kube, 'running');
    await new Promise((r) => setTimeout(r, 20));
    await w.r.reconcile(KEY);
    const st = w.stored()?.status;
    assert.equal(st?.status, 'ACTIVE');
    assert.deepEqual(st?.addresses, { private: [{ version: 4, addr: '10.0.0.5', type: 'fixed', macAddr: 'fa:16:3e:00:00:01' }] });
    assert.equal(st?.networks, 'private=10.0.0.5');
    assert.equal(w.kube.peek<Port>(Resources.Port, PORT, NS)?.status?.status, 'ACTIVE', 'the port is ACTIVE with its server');
    await new Promise((r) => setTimeout(r, 20));
    w.actions();
    await w.r.reconcile(KEY);
    assert.deepEqual(w.actions(), [], 'nothing more to write');
  });

  it('When the server is not running yet, then its port stays DOWN and nothing is written to it', async () => {
    const w = await world(seed(['g1']));
    await w.r.reconcile(KEY);
    assert.equal(w.kube.peek<Port>(Resources.Port, PORT, NS)?.status, undefined);
    assert.equal(w.actions().filter((a) => a.includes('Port')).length, 0);
  });

  it('When the Pod is made, then it carries a label per security group of the server\'s ports; when the groups change, the labels follow', async () => {
    const w = await world(seed(['g1', 'g2']));
    await w.r.reconcile(KEY);
    const labels = (): Record<string, string> => w.kube.peek<Pod>(Resources.Pod, SERVER_ID, NS)?.metadata.labels ?? {};
    assert.equal(labels()['sg.openstack.sim/g1'], 'member');
    assert.equal(labels()['sg.openstack.sim/g2'], 'member');
    await w.kube.replace(Resources.Port, { ...port(['g3']), metadata: { ...w.kube.peek<Port>(Resources.Port, PORT, NS)!.metadata } });
    await new Promise((r) => setTimeout(r, 20));
    w.actions();
    await w.r.reconcile(KEY);
    assert.ok(w.actions().includes(`apply Pod ${KEY}`), 'the labels were re-applied');
    assert.equal(labels()['sg.openstack.sim/g3'], 'member');
    assert.equal(labels()['sg.openstack.sim/g1'], undefined, 'the group the port left is no longer on the Pod');
    assert.equal(labels()['sg.openstack.sim/g2'], undefined);
  });

  it('When a floating IP is associated with the port, then the server lists it after the fixed address, with type floating; disassociated, it goes', async () => {
    const fip: FloatingIP = {
      apiVersion: API_VERSION, kind: 'FloatingIP', metadata: { name: 'f1', namespace: NS },
      spec: { projectId: 'p1', floatingNetworkId: 'ext', floatingIpAddress: '172.24.4.9', externalPortId: 'xp', portId: PORT, fixedIpAddress: '10.0.0.5', routerId: 'r1' },
    };
    const w = await world((k) => {
      seed(['g1'])(k);
      k.seed(Resources.FloatingIP, fip);
    });
    await w.r.reconcile(KEY);
    await markPod(w.kube, 'running');
    await new Promise((r) => setTimeout(r, 20));
    await w.r.reconcile(KEY);
    assert.deepEqual(w.stored()?.status?.addresses, {
      private: [{ version: 4, addr: '10.0.0.5', type: 'fixed', macAddr: 'fa:16:3e:00:00:01' }, { version: 4, addr: '172.24.4.9', type: 'floating', macAddr: 'fa:16:3e:00:00:01' }],
    });
    const stored = w.kube.peek<FloatingIP>(Resources.FloatingIP, 'f1', NS)!;
    const unbound = { ...stored.spec };
    delete unbound.portId;
    delete unbound.fixedIpAddress;
    await w.kube.replace(Resources.FloatingIP, { ...stored, spec: unbound });
    await new Promise((r) => setTimeout(r, 20));
    await w.r.reconcile(KEY);
    assert.deepEqual(w.stored()?.status?.addresses?.private.map((a) => a.type), ['fixed']);
  });
});
