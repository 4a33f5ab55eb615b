// Floating IPs realized as Services: the builder (headless, selecting the server's Pod, the address
// in externalIPs, controlled by the floating IP), the status table, and the reconciler as action
// lists: create once, nothing on a no-op pass, apply when the port moves to another server, delete
// on disassociation, refuse a Service that is not ours.
import assert from 'node:assert/strict';
import type { FloatingIP, Port } from '../../../crds/types.generated.js';
import { Informer } from '../../../crds/client/informer.js';
import { API_VERSION, Resources } from '../../../crds/resources.js';
import type { Service } from '../../../crds/kube-types.js';
import { FloatingIpReconciler } from '../../../operator/src/controllers/floating-ip/floating-ip.reconciler.js';
import { desiredService, serviceName } from '../../../operator/src/controllers/floating-ip/floating-ip.resources.js';
import { computeFloatingIpStatus } from '../../../operator/src/controllers/floating-ip/floating-ip.status.js';
import { findCondition } from '../../../operator/src/runtime/conditions.js';
import { TerminalError } from '../../../operator/src/runtime/controller.js';
import { FakeKube } from '../../support/fake-kube.js';
import { MemoryRecorder, NOW } from './fixtures.js';

const NS = 'os-p1';
const ID = '0f1e2d3c-0000-4000-8000-000000000001';
const PORT = 'p0000000-0000-4000-8000-000000000001';
const KEY = `${NS}/${ID}`;
const SVC = `fip-${ID}`;

function fip(associated = true, generation = 1): FloatingIP {
  return {
    apiVersion: API_VERSION, kind: 'FloatingIP', metadata: { name: ID, namespace: NS, uid: `uid-${ID}`, generation },
    spec: { projectId: 'p1', floatingNetworkId: 'ext', floatingIpAddress: '172.24.4.9', externalPortId: 'xp', ...(associated ? { portId: PORT, fixedIpAddress: '10.0.0.5', routerId: 'r1' } : {}) },
  };
}

function port(deviceId = 's1', deviceOwner = 'compute:nova'): Port {
  return { apiVersion: API_VERSION, kind: 'Port', metadata: { name: PORT, namespace: NS }, spec: { name: '', projectId: 'p1', networkId: 'n1', macAddress: 'fa:16:3e:00:00:01', deviceId, deviceOwner } };
}

describe('desiredService', () => {
  it('When built for a server\'s port, then it is headless, selects that server\'s Pod, carries the address and is controlled by the floating IP', () => {
    const s = desiredService(fip(), port());
    assert.equal(s.metadata.name, SVC);
    assert.deepEqual([s.spec.clusterIP, s.spec.selector, s.spec.externalIPs, s.spec.ports], ['None', { 'openstack.sim/server-id': 's1' }, ['172.24.4.9'], undefined]);
    assert.equal(s.metadata.annotations?.['openstack.sim/fixed-ip-address'], '10.0.0.5');
    assert.deepEqual(s.metadata.ownerReferences?.[0], { apiVersion: API_VERSION, kind: 'FloatingIP', name: ID, uid: `uid-${ID}`, controller: true, blockOwnerDeletion: true });
  });

  it('When the port is no server\'s (a router\'s, or bare), then the Service selects nothing', () => {
    assert.equal(desiredService(fip(), port('r1', 'network:router_interface')).spec.selector, undefined);
    assert.equal(desiredService(fip(), undefined).spec.selector, undefined);
  });
});

describe('computeFloatingIpStatus', () => {
  const svc = desiredService(fip(), port());
  const cases: { name: string; f: FloatingIP; service?: Service; conflict?: string; want: [string, string | undefined, string] }[] = [
    { name: 'associated with its Service', f: fip(), service: svc, want: ['ACTIVE', SVC, 'ServiceApplied'] },
    { name: 'unassociated', f: fip(false), want: ['DOWN', undefined, 'Unassociated'] },
    { name: 'associated, Service not there', f: fip(), want: ['DOWN', undefined, 'ServiceApplied'] },
    { name: 'blocked by a Service not its own', f: fip(), conflict: 'not ours', want: ['ERROR', undefined, 'ServiceConflict'] },
  ];
  for (const c of cases) {
    it(`When ${c.name}, then ${c.want[0]}`, () => {
      const st = computeFloatingIpStatus(c.f, c.service, NOW, c.conflict);
      assert.deepEqual([st.status, st.service, findCondition(st.conditions, 'Ready')?.reason], c.want);
      assert.equal(st.observedGeneration, c.f.metadata.generation);
    });
  }
});

async function world(seed: (kube: FakeKube) => void) {
  const kube = new FakeKube();
  seed(kube);
  const floatingIPs = new Informer<FloatingIP>(kube, Resources.FloatingIP);
  const ports = new Informer<Port>(kube, Resources.Port);
  const services = new Informer<Service>(kube, Resources.Service, { labelSelector: 'app.kubernetes.io/managed-by=openstack-sim' });
  await Promise.all([floatingIPs.start(), ports.start(), services.start()]);
  const events = new MemoryRecorder();
  const r = new FloatingIpReconciler({ kube, floatingIPs, ports, services, events, now: () => NOW });
  kube.actions.length = 0;
  after(() => [floatingIPs, ports, services].forEach((i) => i.stop()));
  const settle = async (): Promise<void> => new Promise((res) => setTimeout(res, 20));
  return { kube, r, events, settle, actions: (): string[] => kube.actions.splice(0).map((a) => `${a.verb} ${a.kind} ${a.key}`) };
}

describe('FloatingIpReconciler', () => {
  it('When an associated floating IP has no Service, then it is created and the floating IP is ACTIVE; a second pass writes nothing', async () => {
    const w = await world((k) => {
      k.seed(Resources.FloatingIP, fip());
      k.seed(Resources.Port, port());
    });
    await w.r.reconcile(KEY);
    assert.deepEqual(w.actions(), [`create Service ${NS}/${SVC}`, `replaceStatus FloatingIP ${KEY}`]);
    assert.deepEqual(w.events.reasons, ['CreatedService']);
    assert.equal(w.kube.peek<FloatingIP>(Resources.FloatingIP, ID, NS)?.status?.status, 'ACTIVE');
    await w.settle();
    await w.r.reconcile(KEY);
    assert.deepEqual(w.actions(), [], 'idempotent');
  });

  it('When the port is bound to another server, then the Service is re-applied to select it', async () => {
    const w = await world((k) => {
      k.seed(Resources.FloatingIP, fip());
      k.seed(Resources.Port, port());
    });
    await w.r.reconcile(KEY);
    await w.settle();
    const p = w.kube.peek<Port>(Resources.Port, PORT, NS)!;
    await w.kube.replace(Resources.Port, { ...p, spec: { ...p.spec, deviceId: 's2' } });
    await w.settle();
    w.actions();
    await w.r.reconcile(KEY);
    assert.deepEqual(w.actions(), [`apply Service ${NS}/${SVC}`]);
    assert.deepEqual(w.kube.peek<Service>(Resources.Service, SVC, NS)?.spec.selector, { 'openstack.sim/server-id': 's2' });
  });

  it('When the floating IP is disassociated, then its Service is deleted and it is DOWN', async () => {
    const w = await world((k) => {
      k.seed(Resources.FloatingIP, fip());
      k.seed(Resources.Port, port());
    });
    await w.r.reconcile(KEY);
    await w.settle();
    const f = w.kube.peek<FloatingIP>(Resources.FloatingIP, ID, NS)!;
    await w.kube.replace(Resources.FloatingIP, { ...fip(false, 2), metadata: { ...f.metadata, generation: 2 }, status: f.status });
    await w.settle();
    w.actions();
    await w.r.reconcile(KEY);
    assert.deepEqual(w.actions(), [`delete Service ${NS}/${SVC}`, `replaceStatus FloatingIP ${KEY}`]);
    const st = w.kube.peek<FloatingIP>(Resources.FloatingIP, ID, NS)?.status;
    assert.deepEqual([st?.status, st?.service, st?.observedGeneration], ['DOWN', undefined, 2]);
  });

  it('When a same-named Service is not ours, then the floating IP is in ERROR and the error is terminal', async () => {
    const w = await world((k) => {
      k.seed(Resources.FloatingIP, fip());
      k.seed(Resources.Service, { apiVersion: 'v1', kind: 'Service', metadata: { name: SVC, namespace: NS, labels: { 'app.kubernetes.io/managed-by': 'openstack-sim' } }, spec: { clusterIP: 'None' } });
    });
    await assert.rejects(w.r.reconcile(KEY), TerminalError);
    assert.equal(w.kube.peek<FloatingIP>(Resources.FloatingIP, ID, NS)?.status?.status, 'ERROR');
    assert.deepEqual(w.events.reasons, ['CannotAdoptService']);
    assert.equal(serviceName(fip()), SVC);
  });
});
