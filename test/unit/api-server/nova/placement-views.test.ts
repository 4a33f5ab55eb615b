// Nova's placement views from Kubernetes: hypervisors and nova-compute services from Nodes (usage
// from the Servers on them), disabling a service cordons its Node, aggregates in one guarded
// registry projected onto node labels, migrations from resize actions, usage from launched servers.
import assert from 'node:assert/strict';
import { API_VERSION, Resources } from '../../../../crds/resources.js';
import { AGGREGATE_LABEL_PREFIX, DISABLED_REASON_ANNOTATION, ZONE_BEFORE_AGGREGATE_ANNOTATION, ZONE_LABEL } from '../../../../crds/naming.js';
import type { Node } from '../../../../crds/kube-types.js';
import type { InstanceAction, Server } from '../../../../crds/types.generated.js';
import { capacityOf, hostId, hostUuid, quantity } from '../../../../api-server/src/services/nova/hypervisors/hypervisors.hosts.js';
import { hypervisorVersion, uptimeText } from '../../../../api-server/src/services/nova/hypervisors/hypervisors.view.js';
import { nodePatchFor } from '../../../../api-server/src/services/nova/aggregates/aggregates.placement.js';
import type { Registry } from '../../../../api-server/src/services/nova/aggregates/aggregates.registry.js';
import { addAggregateHost, createAggregate, deleteAggregate, removeAggregateHost, setAggregateMetadata, updateAggregate, type HostFacts } from '../../../../api-server/src/services/nova/aggregates/aggregates.rules.js';
import { hoursIn } from '../../../../api-server/src/services/nova/simple-tenant-usage/simple-tenant-usage.view.js';
import { parseNovaTime } from '../../../../api-server/src/services/nova/simple-tenant-usage/simple-tenant-usage.handlers.js';
import { ApiError } from '../../../../api-server/src/common/errors.js';
import { call, serveApp, type AppWorld } from '../app-fixture.js';

const HEARTBEAT = '2024-05-01T10:00:00Z';
function node(name: string, extra: { zone?: string; ready?: string; cordoned?: boolean; uid?: string } = {}): Node {
  return {
    apiVersion: 'v1', kind: 'Node',
    metadata: { name, uid: extra.uid ?? `uid-${name}`, labels: extra.zone ? { [ZONE_LABEL]: extra.zone } : {}, annotations: { 'kwok.x-k8s.io/node': 'fake' } },
    spec: extra.cordoned ? { unschedulable: true } : {},
    status: {
      conditions: [{ type: 'Ready', status: extra.ready ?? 'True', lastHeartbeatTime: HEARTBEAT, lastTransitionTime: HEARTBEAT }],
      capacity: { cpu: '32', memory: '256Gi', 'ephemeral-storage': '1Ti', pods: '110' },
      addresses: [{ type: 'InternalIP', address: '127.0.10.1' }],
      nodeInfo: { architecture: 'amd64', kubeletVersion: 'v1.33.1' },
    },
  };
}

describe('Nova placement views: pure parts', () => {
  const quantities: [string | undefined, number][] = [['4', 4], ['3500m', 3.5], ['8Gi', 8 * 2 ** 30], ['16331416Ki', 16331416 * 1024], ['1Ti', 2 ** 40], ['2G', 2e9], [undefined, 0], ['lots', 0]];
  for (const [raw, want] of quantities) it(`When the quantity is ${raw}, then it is ${want} units`, () => assert.equal(quantity(raw), want));

  it('When a node has capacity 32 cpu, 256Gi, 1Ti, then the hypervisor has 32 vCPUs, 262144 MiB, 1024 GiB', () => assert.deepEqual(capacityOf(node('n1')), { vcpus: 32, memoryMb: 262144, localGb: 1024 }));
  it('When ids are derived, then they are stable per uid, positive 31-bit integers, and differ between nodes', () => {
    assert.equal(hostId(node('a')), hostId(node('a')));
    assert.notEqual(hostId(node('a')), hostId(node('b')));
    assert.ok(hostId(node('a')) > 0 && hostId(node('a')) < 2 ** 31);
  });
  it('When the kubelet is v1.33.1, then hypervisor_version is 1033001 (Nova\'s convert_version_to_int)', () => assert.equal(hypervisorVersion(node('a')), 1033001));
  it('When the node has been Ready for 2 days 3 hours 4 minutes, then uptime says so without made-up load', () => {
    assert.equal(uptimeText(node('a'), new Date(Date.parse(HEARTBEAT) + ((2 * 24 + 3) * 60 + 4) * 60_000)), ' 13:04:00 up 2 days, 03:04');
    assert.equal(uptimeText(node('a', { ready: 'False' })), null);
  });

  const period = { start: new Date('2024-05-01T00:00:00Z'), stop: new Date('2024-05-02T00:00:00Z') };
  const hours: [string, string, number][] = [
    ['launched before the period', '2024-04-30T00:00:00Z', 24],
    ['launched inside it', '2024-05-01T18:00:00Z', 6],
    ['launched after it', '2024-05-03T00:00:00Z', 0],
  ];
  for (const [name, launched, want] of hours) it(`When a server was ${name}, then it used ${want} hours`, () => assert.equal(hoursIn(launched, period), want));
  it('When a date is not one of Nova\'s formats, then 400 Invalid datetime string', () => {
    assert.equal(parseNovaTime('2024-05-01T10:00:00.123456', new Date()).toISOString(), '2024-05-01T10:00:00.123Z');
    assert.throws(() => parseNovaTime('yesterday', new Date()), (e: ApiError) => e.status === 400 && /Invalid datetime string/.test(e.message));
  });
});

describe('Nova aggregates: the rules on the registry', () => {
  const facts = (instances: Record<string, number> = {}): HostFacts => ({ exists: (h) => ['n1', 'n2'].includes(h), instances: (h) => instances[h] ?? 0, ownZone: () => 'zone-a' });
  const empty: Registry = { nextId: 1, aggregates: [] };
  const withTwo = (): Registry => createAggregate(createAggregate(empty, 'a1', 'az1'), 'a2', 'az2');
  const fails = (f: () => unknown, status: number, message: RegExp): void => assert.throws(f, (e: ApiError) => e.status === status && message.test(e.message));

  it('When two aggregates are created, then ids follow the sequence and the zone is metadata', () => {
    const r = withTwo();
    assert.deepEqual(r.aggregates.map((a) => [a.id, a.name, a.metadata]), [[1, 'a1', { availability_zone: 'az1' }], [2, 'a2', { availability_zone: 'az2' }]]);
    assert.equal(r.nextId, 3);
  });

  const refusals: { name: string; run: (r: Registry) => unknown; status: number; message: RegExp }[] = [
    { name: 'a name taken', run: (r) => createAggregate(r, 'a1', null), status: 409, message: /^Aggregate a1 already exists\.$/ },
    { name: 'a rename onto another\'s name', run: (r) => updateAggregate(r, '2', { name: 'a1' }, facts()), status: 409, message: /already exists/ },
    { name: 'an unknown id', run: (r) => setAggregateMetadata(r, '9', {}, facts()), status: 404, message: /^Aggregate 9 could not be found\.$/ },
    { name: 'an unknown host', run: (r) => addAggregateHost(r, '1', 'nope', facts()), status: 404, message: /^Compute host nope could not be found\.$/ },
    { name: 'a host in another zone', run: (r) => addAggregateHost(addAggregateHost(r, '1', 'n1', facts()), '2', 'n1', facts()), status: 409, message: /^Cannot add host to aggregate 2\. Reason: One or more hosts already in availability zone\(s\) \['az1'\]\.$/ },
    { name: 'a host twice', run: (r) => addAggregateHost(addAggregateHost(r, '1', 'n1', facts()), '1', 'n1', facts()), status: 409, message: /^Aggregate 1 already has host n1\.$/ },
    { name: 'a host with servers whose zone would change', run: (r) => addAggregateHost(r, '1', 'n1', facts({ n1: 2 })), status: 409, message: /would change from 'zone-a' to 'az1' but the host already has 2 instance\(s\)/ },
    { name: 'a host not in the aggregate removed', run: (r) => removeAggregateHost(r, '1', 'n2', facts()), status: 404, message: /^Cannot remove host n2 in aggregate 1$/ },
    { name: 'a non-empty aggregate deleted', run: (r) => deleteAggregate(addAggregateHost(r, '1', 'n1', facts()), '1'), status: 400, message: /^Cannot remove host from aggregate 1\. Reason: Host aggregate is not empty\.$/ },
    { name: 'an empty zone set', run: (r) => setAggregateMetadata(r, '1', { availability_zone: null }, facts()), status: 400, message: /does not support empty named availability zone/ },
    { name: 'a zone change moving servers', run: (r) => setAggregateMetadata(addAggregateHost(r, '1', 'n1', facts()), '1', { availability_zone: 'az9' }, facts({ n1: 1 })), status: 400, message: /^Cannot update metadata of aggregate 1\. Reason: One or more hosts contain instances in this zone\.$/ },
  ];
  for (const c of refusals) it(`When ${c.name}, then Nova's ${c.status}`, () => fails(() => c.run(withTwo()), c.status, c.message));

  it('When a host is in a zoned aggregate and a plain one, then the plain one may take a zone only equal to it', () => {
    let r = addAggregateHost(withTwo(), '1', 'n1', facts());
    r = addAggregateHost(createAggregate(r, 'plain', null), '3', 'n1', facts());
    fails(() => updateAggregate(r, '3', { availability_zone: 'az9' }, facts()), 400, /already in availability zone\(s\) \['az1'\]/);
    assert.equal(updateAggregate(r, '3', { availability_zone: 'az1' }, facts()).aggregates[2].metadata.availability_zone, 'az1');
  });

  it('When metadata is set, then keys merge and a null deletes one', () => {
    const r = setAggregateMetadata(setAggregateMetadata(withTwo(), '1', { a: 'x', b: 'y' }, facts()), '1', { a: null }, facts());
    assert.deepEqual(r.aggregates[0].metadata, { availability_zone: 'az1', b: 'y' });
  });

  const projections: { name: string; node: Node; registry: (r: Registry) => Registry; want: ReturnType<typeof nodePatchFor> }[] = [
    {
      name: 'a host added to a zoned aggregate gets its label and zone, keeping the zone it had',
      node: node('n1', { zone: 'zone-a' }), registry: (r) => addAggregateHost(r, '1', 'n1', facts()),
      want: { labels: { [`${AGGREGATE_LABEL_PREFIX}1`]: '', [ZONE_LABEL]: 'az1' }, annotations: { [ZONE_BEFORE_AGGREGATE_ANNOTATION]: 'zone-a' } },
    },
    {
      name: 'a host that left its zoned aggregate gets its own zone back and loses the label',
      node: { ...node('n1', { zone: 'az1' }), metadata: { ...node('n1').metadata, labels: { [ZONE_LABEL]: 'az1', [`${AGGREGATE_LABEL_PREFIX}1`]: '' }, annotations: { [ZONE_BEFORE_AGGREGATE_ANNOTATION]: 'zone-a' } } },
      registry: (r) => r,
      want: { labels: { [`${AGGREGATE_LABEL_PREFIX}1`]: null, [ZONE_LABEL]: 'zone-a' }, annotations: { [ZONE_BEFORE_AGGREGATE_ANNOTATION]: null } },
    },
    { name: 'a node outside every aggregate is left alone', node: node('n2', { zone: 'zone-b' }), registry: (r) => r, want: undefined },
  ];
  for (const c of projections) it(`When ${c.name}`, () => assert.deepEqual(nodePatchFor(c.node, c.registry(withTwo())), c.want));
});

describe('Nova placement views through the app', function () {
  this.timeout(20_000);
  let w: AppWorld;
  let admin: string;
  const server = (name: string, host: string, flavorRef: string, extra: Partial<Server['spec']> = {}, status: Partial<NonNullable<Server['status']>> = {}): Server => ({
    apiVersion: API_VERSION, kind: 'Server', metadata: { name, namespace: `os-${w.ids.projects.demo}` },
    spec: { name: `vm-${name}`, projectId: w.ids.projects.demo, userId: w.ids.users.alice, flavorRef, ...extra },
    status: { status: 'ACTIVE', vmState: 'active', host, launchedAt: new Date(Date.now() - 3_600_000).toISOString(), ...status },
  });
  const until = async (f: () => Promise<boolean>): Promise<void> => {
    for (let i = 0; i < 300 && !(await f()); i++) await new Promise((r) => setTimeout(r, 10));
  };
  const get = (path: string, mv = '2.1') => call(w.url, admin, 'GET', `/compute/v2.1${path}`, undefined, { 'OpenStack-API-Version': `compute ${mv}` });
  const send = (method: string, path: string, body: unknown, mv = '2.1') => call(w.url, admin, method, `/compute/v2.1${path}`, body, { 'OpenStack-API-Version': `compute ${mv}` });

  before(async () => {
    w = await serveApp();
    admin = await w.login('admin', 'admin');
    w.kube.seed(Resources.Node, node('node-a', { zone: 'zone-a' }));
    w.kube.seed(Resources.Node, node('node-b', { zone: 'zone-b', cordoned: true }));
    w.kube.seed(Resources.Server, server('11111111-1111-4111-8111-111111111111', 'node-a', '1'));
    w.kube.seed(Resources.Server, server('22222222-2222-4222-8222-222222222222', 'node-a', '2', { resize: { oldFlavorRef: '1' } }, { status: 'VERIFY_RESIZE' }));
    const resize: InstanceAction = {
      apiVersion: API_VERSION, kind: 'InstanceAction', metadata: { name: '22222222-2222-4222-8222-222222222222.req-1', namespace: `os-${w.ids.projects.demo}` },
      spec: { action: 'resize', serverId: '22222222-2222-4222-8222-222222222222', serverGeneration: 2, requestId: 'req-1', userId: w.ids.users.alice, projectId: w.ids.projects.demo, startTime: '2024-05-01T10:00:00Z' },
    };
    w.kube.seed(Resources.InstanceAction, resize);
    await until(async () => (await get('/os-hypervisors')).json?.hypervisors?.length === 2 && (await get('/os-migrations')).json?.migrations?.length === 1);
  });
  after(() => w.close());

  it('When the hypervisors are listed, then one per Node, up when Ready, disabled when cordoned', async () => {
    const res = await get('/os-hypervisors');
    assert.equal(res.status, 200, res.text);
    assert.deepEqual(res.json.hypervisors.map((h: { hypervisor_hostname: string; state: string; status: string }) => [h.hypervisor_hostname, h.state, h.status]).sort(), [['node-a', 'up', 'enabled'], ['node-b', 'up', 'disabled']]);
  });

  it('When a hypervisor is shown, then capacity is the Node\'s and usage its servers\' flavors (m1.tiny 512 MiB 1 GiB + m1.small 2048 MiB 20 GiB)', async () => {
    const id = hostId(node('node-a'));
    const res = await get(`/os-hypervisors/${id}`);
    assert.equal(res.status, 200, res.text);
    const h = res.json.hypervisor;
    assert.deepEqual([h.vcpus, h.vcpus_used, h.memory_mb, h.memory_mb_used, h.local_gb_used, h.running_vms, h.host_ip, h.hypervisor_type], [32, 2, 262144, 2560, 21, 2, '127.0.10.1', 'kwok']);
    assert.equal(typeof h.cpu_info, 'string');
    assert.equal(typeof (await get(`/os-hypervisors/${id}`, '2.28')).json.hypervisor.cpu_info, 'object');
    assert.equal((await get('/os-hypervisors/12345')).status, 404);
    assert.equal((await get('/os-hypervisors/abc')).json.itemNotFound.message, 'Hypervisor with ID \'abc\' could not be found.');
  });

  it('When statistics, search and servers are asked, then they sum and match names', async () => {
    const stats = (await get('/os-hypervisors/statistics')).json.hypervisor_statistics;
    assert.deepEqual([stats.count, stats.vcpus, stats.running_vms], [2, 64, 2]);
    assert.deepEqual((await get('/os-hypervisors/node-a/servers')).json.hypervisors[0].servers.map((s: { name: string }) => s.name).sort(), ['vm-11111111-1111-4111-8111-111111111111', 'vm-22222222-2222-4222-8222-222222222222']);
    assert.equal((await get('/os-hypervisors/node/search')).json.hypervisors.length, 2);
    assert.equal((await get('/os-hypervisors/zzz/search')).json.itemNotFound.message, 'No hypervisor matching \'zzz\' could be found.');
  });

  it('When a page of one hypervisor is asked at 2.33, then a next link follows; below 2.33 limit is ignored', async () => {
    const page = await get('/os-hypervisors?limit=1', '2.33');
    assert.equal(page.json.hypervisors.length, 1);
    assert.match(page.json.hypervisors_links[0].href, /marker=\d+/);
    assert.equal((await get('/os-hypervisors?limit=1')).json.hypervisors.length, 2);
    assert.equal((await get('/os-hypervisors?marker=1', '2.33')).status, 400);
  });

  it('When hypervisors are asked at 2.53, then ids are uuids, with_servers lists servers, a pattern filters, and the 2.1 search route is gone', async () => {
    const listed = await get('/os-hypervisors?with_servers=true', '2.53');
    assert.equal(listed.status, 200, listed.text);
    const a = listed.json.hypervisors.find((h: { hypervisor_hostname: string }) => h.hypervisor_hostname === 'node-a');
    assert.deepEqual([a.id, a.servers.length], [hostUuid(node('node-a'), 'hypervisor'), 2]);
    assert.notEqual(hostUuid(node('node-a'), 'hypervisor'), hostUuid(node('node-a'), 'service'));
    assert.deepEqual((await get('/os-hypervisors?hypervisor_hostname_pattern=node-b', '2.53')).json.hypervisors.map((h: { hypervisor_hostname: string }) => h.hypervisor_hostname), ['node-b']);
    assert.equal((await get('/os-hypervisors?hypervisor_hostname_pattern=node&limit=1', '2.53')).status, 400);
    assert.equal((await get('/os-hypervisors?hypervisor_hostname_pattern=zzz', '2.53')).status, 404);
    assert.equal((await get('/os-hypervisors?bogus=1', '2.53')).status, 400);
    const shown = await get(`/os-hypervisors/${a.id}?with_servers=1`, '2.53');
    assert.deepEqual([shown.status, shown.json.hypervisor.service.id], [200, hostUuid(node('node-a'), 'service')]);
    assert.equal((await get('/os-hypervisors/1', '2.53')).json.badRequest.message, 'Invalid uuid 1');
    assert.equal((await get('/os-hypervisors/node/search', '2.53')).status, 404);
  });

  it('When a service is updated by uuid at 2.53, then the Node is cordoned and the whole service answered; Nova\'s 400s and 404 otherwise', async () => {
    const id = hostUuid(node('node-a'), 'service');
    const res = await send('PUT', `/os-services/${id}`, { status: 'disabled', disabled_reason: 'rack move' }, '2.53');
    assert.equal(res.status, 200, res.text);
    assert.deepEqual([res.json.service.id, res.json.service.status, res.json.service.disabled_reason, res.json.service.forced_down], [id, 'disabled', 'rack move', false]);
    assert.equal((await w.kube.get<Node>(Resources.Node, 'node-a'))?.spec?.unschedulable, true);
    assert.equal((await send('PUT', `/os-services/${id}`, { status: 'enabled' }, '2.53')).json.service.status, 'enabled');
    assert.equal((await w.kube.get<Node>(Resources.Node, 'node-a'))?.spec?.unschedulable, undefined);
    const refusals: [string, object, number, string][] = [
      ['disable', { status: 'disabled' }, 400, 'Invalid uuid disable'],
      ['00000000-0000-4000-8000-000000000000', { status: 'disabled' }, 404, 'Service 00000000-0000-4000-8000-000000000000 could not be found.'],
      [id, { status: 'enabled', disabled_reason: 'x' }, 400, "Specifying 'disabled_reason' with status 'enabled' is invalid."],
      [id, {}, 400, "No updates were requested. Fields 'status' or 'forced_down' should be specified."],
      [id, { host: 'node-a', binary: 'nova-compute' }, 400, "Additional properties are not allowed ('host' was unexpected)"],
    ];
    for (const [path, body, status, message] of refusals) {
      const r = await send('PUT', `/os-services/${path}`, body, '2.53');
      assert.deepEqual([r.status, (Object.values(r.json)[0] as { message: string }).message], [status, message]);
    }
  });

  it('When a member asks for hypervisors, then 403', async () => {
    assert.equal((await call(w.url, await w.login('alice', 'demo'), 'GET', '/compute/v2.1/os-hypervisors')).status, 403);
  });

  it('When nova-compute on a host is disabled with a reason, then its Node is cordoned with the reason, and enable uncordons it', async () => {
    const off = await send('PUT', '/os-services/disable-log-reason', { host: 'node-a', binary: 'nova-compute', disabled_reason: 'maintenance' });
    assert.equal(off.status, 200, off.text);
    assert.deepEqual(off.json.service, { host: 'node-a', binary: 'nova-compute', status: 'disabled', disabled_reason: 'maintenance' });
    const cordoned = await w.kube.get<Node>(Resources.Node, 'node-a');
    assert.deepEqual([cordoned?.spec?.unschedulable, cordoned?.metadata.annotations?.[DISABLED_REASON_ANNOTATION]], [true, 'maintenance']);
    const listed = (await get('/os-services?host=node-a')).json.services;
    assert.deepEqual(listed.map((s: { status: string; disabled_reason: string; zone: string; binary: string }) => [s.binary, s.status, s.disabled_reason, s.zone]), [['nova-compute', 'disabled', 'maintenance', 'zone-a']]);
    assert.equal((await send('PUT', '/os-services/enable', { host: 'node-a', binary: 'nova-compute' })).status, 200);
    const back = await w.kube.get<Node>(Resources.Node, 'node-a');
    assert.deepEqual([back?.spec?.unschedulable, back?.metadata.annotations?.[DISABLED_REASON_ANNOTATION]], [undefined, undefined]);
  });

  const serviceRefusals: [string, string, object, number, string][] = [
    ['an unknown action', 'reboot', { host: 'node-a', binary: 'nova-compute' }, 404, 'Unknown action'],
    ['another binary', 'disable', { host: 'node-a', binary: 'nova-scheduler' }, 400, 'Updating a nova-scheduler service is not supported. Only nova-compute services can be updated.'],
    ['an unknown host', 'disable', { host: 'ghost', binary: 'nova-compute' }, 404, 'Could not find binary nova-compute on host ghost.'],
    ['no reason to log', 'disable-log-reason', { host: 'node-a', binary: 'nova-compute' }, 400, 'Missing disabled reason field'],
  ];
  for (const [name, action, body, status, message] of serviceRefusals) {
    it(`When a service update names ${name}, then Nova's ${status}`, async () => {
      const res = await send('PUT', `/os-services/${action}`, body);
      assert.equal(res.status, status, res.text);
      assert.equal((Object.values(res.json)[0] as { message: string }).message, message);
    });
  }

  it('When forced down at 2.11, then the service is down with forced_down; below 2.11 the action is unknown', async () => {
    assert.equal((await send('PUT', '/os-services/force-down', { host: 'node-b', binary: 'nova-compute', forced_down: true })).status, 400);
    const res = await send('PUT', '/os-services/force-down', { host: 'node-b', binary: 'nova-compute', forced_down: true }, '2.11');
    assert.deepEqual(res.json, { service: { host: 'node-b', binary: 'nova-compute', forced_down: true } });
    await until(async () => (await get('/os-services?host=node-b', '2.11')).json.services[0].state === 'down');
    assert.deepEqual((await get('/os-services?host=node-b', '2.11')).json.services.map((s: { state: string; forced_down: boolean }) => [s.state, s.forced_down]), [['down', true]]);
  });

  it('When an aggregate with a zone takes a host, then the Node carries its label and zone, and both go when it leaves', async () => {
    await w.kube.delete(Resources.Server, '11111111-1111-4111-8111-111111111111', `os-${w.ids.projects.demo}`);
    await w.kube.delete(Resources.Server, '22222222-2222-4222-8222-222222222222', `os-${w.ids.projects.demo}`);
    await until(async () => (await get('/os-hypervisors/statistics')).json.hypervisor_statistics.running_vms === 0);
    const created = await send('POST', '/os-aggregates', { aggregate: { name: 'agg1', availability_zone: 'az9' } });
    assert.equal(created.status, 200, created.text);
    assert.deepEqual([created.json.aggregate.name, created.json.aggregate.availability_zone, 'hosts' in created.json.aggregate], ['agg1', 'az9', false]);
    const id = created.json.aggregate.id;
    const added = await send('POST', `/os-aggregates/${id}/action`, { add_host: { host: 'node-a' } });
    assert.equal(added.status, 200, added.text);
    assert.deepEqual(added.json.aggregate.hosts, ['node-a']);
    const labelled = await w.kube.get<Node>(Resources.Node, 'node-a');
    assert.deepEqual([labelled?.metadata.labels?.[ZONE_LABEL], labelled?.metadata.labels?.[`${AGGREGATE_LABEL_PREFIX}${id}`]], ['az9', '']);
    assert.equal((await send('DELETE', `/os-aggregates/${id}`, undefined)).status, 400);
    assert.equal((await send('POST', `/os-aggregates/${id}/action`, { remove_host: { host: 'node-a' } })).status, 200);
    const restored = await w.kube.get<Node>(Resources.Node, 'node-a');
    assert.deepEqual([restored?.metadata.labels?.[ZONE_LABEL], restored?.metadata.labels?.[`${AGGREGATE_LABEL_PREFIX}${id}`]], ['zone-a', undefined]);
    assert.equal((await send('DELETE', `/os-aggregates/${id}`, undefined)).status, 200);
    assert.equal((await get(`/os-aggregates/${id}`)).status, 404);
    assert.equal((await get('/os-aggregates/x1')).json.badRequest.message, 'Invalid input received: id must be an integer');
  });

  it('When aggregates are created concurrently with one name, then exactly one is made (the other 409)', async () => {
    const results = await Promise.all([1, 2, 3].map(() => send('POST', '/os-aggregates', { aggregate: { name: 'race' } })));
    assert.deepEqual(results.map((r) => r.status).sort(), [200, 409, 409]);
    assert.equal((await get('/os-aggregates')).json.aggregates.filter((a: { name: string }) => a.name === 'race').length, 1);
  });
});
