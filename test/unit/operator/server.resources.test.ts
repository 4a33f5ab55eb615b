import assert from 'node:assert/strict';
import {
  DEFAULT_CONTAINER_IMAGE,
  desiredPod,
  instanceName,
  macAddress,
} from '../../../operator/src/controllers/server/server.resources.js';
import type { Server } from '../../../crds/types.generated.js';
import { API_VERSION } from '../../../crds/resources.js';
import { hostnameLabel, SERVER_GROUP_LABEL } from '../../../crds/naming.js';
import { flavor, image, server, SERVER_ID } from './fixtures.js';

describe('desiredPod', () => {
  it('When built, then the pod has the server name and namespace and a controller reference to the server', () => {
    const s = server();
    const p = desiredPod(s, flavor(), image());
    assert.equal(p.metadata.name, SERVER_ID);
    assert.equal(p.metadata.namespace, 'os-p1');
    assert.deepEqual(p.metadata.ownerReferences, [
      { apiVersion: API_VERSION, kind: 'Server', name: SERVER_ID, uid: 'uid-server', controller: true, blockOwnerDeletion: true },
    ]);
  });

  it('When built, then it carries the managed-by, server-id and project-id labels and the server name annotation', () => {
    const p = desiredPod(server(), flavor(), image());
    assert.deepEqual(p.metadata.labels, {
      'app.kubernetes.io/managed-by': 'openstack-sim',
      'openstack.sim/server-id': SERVER_ID,
      'openstack.sim/project-id': 'p1',
    });
    assert.equal(p.metadata.annotations?.['openstack.sim/server-name'], 'vm1');
  });

  const sizes: { name: string; vcpus: number; ram: number; want: { cpu: string; memory: string } }[] = [
    { name: 'm1.tiny', vcpus: 1, ram: 512, want: { cpu: '1', memory: '512Mi' } },
    { name: 'm1.large', vcpus: 4, ram: 8192, want: { cpu: '4', memory: '8192Mi' } },
  ];
  for (const c of sizes) {
    it(`When the flavor is ${c.name}, then requests equal limits (Guaranteed QoS) at its vcpus and RAM`, () => {
      const [container] = desiredPod(server(), flavor('f1', c.vcpus, c.ram), image()).spec.containers;
      assert.equal(container.name, 'server');
      assert.deepEqual(container.resources, { requests: c.want, limits: c.want });
    });
  }

  const images: { name: string; img: ReturnType<typeof image> | undefined; want: string; command: boolean }[] = [
    { name: 'the image names a container image, then it runs that image', img: image('img1', 'quay.io/cirros:6'), want: 'quay.io/cirros:6', command: false },
    { name: 'the image names no container image, then it runs the default', img: image('img1'), want: DEFAULT_CONTAINER_IMAGE, command: true },
    { name: 'the server boots from a volume, then it runs the default', img: undefined, want: DEFAULT_CONTAINER_IMAGE, command: true },
  ];
  for (const c of images) {
    it(`When ${c.name}`, () => {
      const [container] = desiredPod(server(), flavor(), c.img).spec.containers;
      assert.equal(container.image, c.want);
      assert.equal(container.command !== undefined, c.command, 'the default image gets a keep-alive command');
    });
  }

  const zones: { name: string; az: string | undefined; want: string[] | undefined }[] = [
    { name: 'no zone is requested, then there is no affinity', az: undefined, want: undefined },
    { name: 'Nova\'s default zone "nova" is requested, then there is no affinity', az: 'nova', want: undefined },
    { name: 'zone az1 is requested, then the pod requires nodes labelled with az1', az: 'az1', want: ['az1'] },
  ];
  for (const c of zones) {
    it(`When ${c.name}`, () => {
      const p = desiredPod(server({ availabilityZone: c.az }), flavor(), image());
      const terms = p.spec.affinity?.nodeAffinity?.requiredDuringSchedulingIgnoredDuringExecution?.nodeSelectorTerms;
      if (!c.want) return assert.equal(p.spec.affinity, undefined);
      assert.deepEqual(terms, [{ matchExpressions: [{ key: 'topology.kubernetes.io/zone', operator: 'In', values: c.want }] }]);
    });
  }

  it('When a server that ran on a node is started again, then its pod prefers that node and still requires its zone', () => {
    const s = server({ availabilityZone: 'az1' });
    const p = desiredPod({ ...s, status: { status: 'SHUTOFF', host: 'node-3' } }, flavor(), image());
    assert.deepEqual(p.spec.affinity?.nodeAffinity?.preferredDuringSchedulingIgnoredDuringExecution, [
      { weight: 100, preference: { matchExpressions: [{ key: 'kubernetes.io/hostname', operator: 'In', values: ['node-3'] }] } },
    ]);
    assert.equal(p.spec.affinity?.nodeAffinity?.requiredDuringSchedulingIgnoredDuringExecution?.nodeSelectorTerms.length, 1);
  });

  const moves: { name: string; migration: NonNullable<Server['spec']['migration']>; bootSerial: number; want: { required: object[]; preferred: boolean } }[] = [
    { name: 'a migration\'s boot, then the pod must leave the node (and not prefer it), still in its zone', migration: { kind: 'Cold', serial: 2, fromHost: 'node-3' }, bootSerial: 2, want: { required: [{ key: 'topology.kubernetes.io/zone', operator: 'In', values: ['az1'] }, { key: 'kubernetes.io/hostname', operator: 'NotIn', values: ['node-3'] }], preferred: false } },
    { name: 'a migration to a named host, then the pod must be on that one', migration: { kind: 'Live', serial: 2, fromHost: 'node-3', toHost: 'node-5' }, bootSerial: 2, want: { required: [{ key: 'topology.kubernetes.io/zone', operator: 'In', values: ['az1'] }, { key: 'kubernetes.io/hostname', operator: 'NotIn', values: ['node-3'] }, { key: 'kubernetes.io/hostname', operator: 'In', values: ['node-5'] }], preferred: false } },
    { name: 'a later boot than the migration\'s, then the pod prefers where the server runs again', migration: { kind: 'Cold', serial: 2, fromHost: 'node-3' }, bootSerial: 3, want: { required: [{ key: 'topology.kubernetes.io/zone', operator: 'In', values: ['az1'] }], preferred: true } },
  ];
  for (const c of moves) {
    it(`When ${c.name}`, () => {
      const s = server({ availabilityZone: 'az1', migration: c.migration, boot: { serial: c.bootSerial, kind: 'HardReboot' } });
      const aff = desiredPod({ ...s, status: { status: 'ACTIVE', host: 'node-3' } }, flavor(), image()).spec.affinity?.nodeAffinity;
      assert.deepEqual(aff?.requiredDuringSchedulingIgnoredDuringExecution?.nodeSelectorTerms, [{ matchExpressions: c.want.required }]);
      assert.equal(aff?.preferredDuringSchedulingIgnoredDuringExecution !== undefined, c.want.preferred);
    });
  }

  it('When a server was renamed, then its Pod keeps the hostname kept from its create (spec.hostname), as Nova keeps an instance\'s', () => {
    assert.equal(desiredPod(server({ name: 'Renamed Later', hostname: 'first-name' }), flavor(), image()).spec.hostname, 'first-name');
    assert.equal(desiredPod(server({ name: 'No Hostname Kept' }), flavor(), image()).spec.hostname, 'no-hostname-kept');
  });

  it('When built, then it restarts always and terminates quickly', () => {
    const p = desiredPod(server(), flavor(), image());
    assert.equal(p.spec.restartPolicy, 'Always');
    assert.ok((p.spec.terminationGracePeriodSeconds ?? 30) <= 10);
  });

  it('When built twice from the same input, then the result is identical and the input is untouched', () => {
    const s = server();
    const before = structuredClone(s);
    assert.deepEqual(desiredPod(s, flavor(), image()), desiredPod(s, flavor(), image()));
    assert.deepEqual(s, before);
  });
});

describe('derived names', () => {
  const hostnames: [string, string][] = [
    ['vm1', 'vm1'],
    ['My Web_Server!', 'my-web-server'],
    ['---', 'server'],
    ['x'.repeat(80), 'x'.repeat(63)],
  ];
  for (const [input, want] of hostnames) {
    it(`When the display name is "${input.slice(0, 20)}", then the hostname is "${want.slice(0, 20)}"`, () => assert.equal(hostnameLabel(input), want));
  }

  it('When the server id is a uuid, then the instance name uses its first 8 hex digits', () => {
    assert.equal(instanceName(SERVER_ID), 'instance-6f0c7a4e');
  });

  it('When a MAC is derived, then it is lowercase, in fa:16:3e and stable per id', () => {
    const mac = macAddress(SERVER_ID);
    assert.match(mac, /^fa:16:3e(:[0-9a-f]{2}){3}$/);
    assert.equal(macAddress(SERVER_ID), mac);
    assert.notEqual(macAddress('another'), mac);
  });
});

describe('desiredPod: the keypair', () => {
  const KEY = 'ssh-ed25519 AAAAC3NzaC1lZDI1NTE5AAAAIGx1dW1vcy1rZXktZm9yLXRlc3RzLW9ubHktMzI= alice@laptop';

  it('When the server names a keypair, then its public key is the Pod annotation a read-only /root/.ssh/authorized_keys shows', () => {
    const p = desiredPod(server({ keyName: 'k1', keyData: KEY }), flavor(), image());
    assert.equal(p.metadata.annotations?.['openstack.sim/authorized-keys'], `${KEY}\n`);
    assert.deepEqual(p.spec.volumes, [
      { name: 'ssh-keys', downwardAPI: { defaultMode: 0o644, items: [{ path: 'authorized_keys', fieldRef: { fieldPath: "metadata.annotations['openstack.sim/authorized-keys']" } }] } },
    ]);
    assert.deepEqual(p.spec.containers[0].volumeMounts, [{ name: 'ssh-keys', mountPath: '/root/.ssh', readOnly: true }]);
  });

  it('When the server names no keypair, then the Pod has no key annotation, volume or mount', () => {
    const p = desiredPod(server(), flavor(), image());
    assert.equal(p.metadata.annotations?.['openstack.sim/authorized-keys'], undefined);
    assert.equal(p.spec.volumes, undefined);
    assert.equal(p.spec.containers[0].volumeMounts, undefined);
  });
});

describe('desiredPod: the server group', () => {
  const GROUP = 'a7c8a0e2-6d7f-4b0e-9c1a-2f3e4d5c6b7a';
  const term = { labelSelector: { matchLabels: { [SERVER_GROUP_LABEL]: GROUP } }, topologyKey: 'kubernetes.io/hostname' };
  const cases = [
    { policy: 'affinity', want: { podAffinity: { requiredDuringSchedulingIgnoredDuringExecution: [term] } } },
    { policy: 'anti-affinity', want: { podAntiAffinity: { requiredDuringSchedulingIgnoredDuringExecution: [term] } } },
    { policy: 'soft-affinity', want: { podAffinity: { preferredDuringSchedulingIgnoredDuringExecution: [{ weight: 100, podAffinityTerm: term }] } } },
    { policy: 'soft-anti-affinity', want: { podAntiAffinity: { preferredDuringSchedulingIgnoredDuringExecution: [{ weight: 100, podAffinityTerm: term }] } } },
  ] as const;
  for (const c of cases) {
    it(`When the server is in an ${c.policy} group, then its Pod carries the group label and that pod affinity per node`, () => {
      const p = desiredPod(server({ serverGroup: { id: GROUP, policy: c.policy } }), flavor(), image());
      assert.equal(p.metadata.labels?.[SERVER_GROUP_LABEL], GROUP);
      assert.deepEqual(p.spec.affinity, c.want);
    });
  }

  it('When a grouped server also asks for a zone, then both the zone and the group hold', () => {
    const p = desiredPod(server({ availabilityZone: 'az1', serverGroup: { id: GROUP, policy: 'anti-affinity' } }), flavor(), image());
    assert.ok(p.spec.affinity?.nodeAffinity?.requiredDuringSchedulingIgnoredDuringExecution);
    assert.deepEqual(p.spec.affinity?.podAntiAffinity?.requiredDuringSchedulingIgnoredDuringExecution, [term]);
  });

  it('When the server is in no group, then no group label and no pod affinity', () => {
    const p = desiredPod(server(), flavor(), image());
    assert.equal(p.metadata.labels?.[SERVER_GROUP_LABEL], undefined);
    assert.equal(p.spec.affinity, undefined);
  });
});
