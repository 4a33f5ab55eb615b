// The persona matrix, in the style of Nova's policy tests: every route is called as each default
// persona, and the personas that may call it and those refused with 403 must together be all of
// them. The expectation for each route is written here, independently of the route's declaration,
// so changing a route's policy (or adding a route) fails this test until the table agrees.
import assert from 'node:assert/strict';
import type { Project, RoleAssignment, User, Volume } from '../../crds/types.generated.js';
import { projectNamespace } from '../../crds/naming.js';
import { Resources, typeMeta } from '../../crds/resources.js';
import { hashPassword } from '../../api-server/src/auth/password.js';
import { setUserPasswordHash } from '../../api-server/src/auth/password-store.js';
import type { RouteDef } from '../../api-server/src/common/route.js';
import { allServices } from '../../api-server/src/services/index.js';
import { call, DEFAULT_VOLUME_TYPE_ID, IMAGE_ID, serveApp, type AppWorld } from '../unit/api-server/app-fixture.js';
import { FAST_SCRYPT, passwordAuth, SYSTEM_NS } from '../unit/api-server/auth/identity-fixture.js';

import { EXPECTED, PERSONAS, type Persona } from './personas.expected.js';
import { IDENTITY_PARAMS } from './personas.identity.js';
import { ASSIGNMENT_PARAMS } from './personas.assignment.js';
import { AUTH_PARAMS } from './personas.auth.js';
import { QUOTA_PARAMS } from './personas.quotas.js';

interface Matrix {
  w: AppWorld;
  login(p: Persona): Promise<string>;
  params: Record<string, string>;
}

function cr<T>(res: (typeof Resources)[keyof typeof Resources], name: string, spec: object): T {
  return { ...typeMeta(res), metadata: { name }, spec } as T;
}

/** Adds the personas the shared world lacks: a project admin on demo, a member of another project. */
async function seedPersonas(w: AppWorld): Promise<Record<Persona, { user: string; project: string }>> {
  w.kube.seed(Resources.Project, cr<Project>(Resources.Project, 'alt0000000000000000000000000000a', { name: 'alt', domainId: 'default', enabled: true }));
  const extra = { pat: [w.ids.projects.demo, w.ids.roles.admin], otto: ['alt0000000000000000000000000000a', w.ids.roles.member] } as const;
  for (const [name, [project, role]] of Object.entries(extra)) {
    const id = `${name}000000000000000000000000000`.slice(0, 32);
    w.kube.seed(Resources.User, cr<User>(Resources.User, id, { name, domainId: 'default', enabled: true }));
    await setUserPasswordHash(w.kube, SYSTEM_NS, id, await hashPassword(`${name}-pw`, FAST_SCRYPT));
    w.kube.seed(Resources.RoleAssignment, cr<RoleAssignment>(Resources.RoleAssignment, `${name}-${role.slice(0, 8)}`, { userId: id, projectId: project, roleId: role }));
  }
  const { admin, demo } = w.ids.projects;
  return {
    cloudAdmin: { user: 'admin', project: admin },
    projectAdmin: { user: 'pat', project: demo },
    member: { user: 'alice', project: demo },
    reader: { user: 'rita', project: demo },
    noRole: { user: 'fred', project: demo },
    otherMember: { user: 'otto', project: 'alt0000000000000000000000000000a' },
  };
}

async function token(w: AppWorld, user: string, project: string): Promise<string> {
  const res = await call(w.url, undefined, 'POST', '/identity/v3/auth/tokens', passwordAuth({ name: user }, `${user}-pw`, { project: { id: project } }));
  assert.equal(res.status, 201, `login ${user}: ${res.text}`);
  return res.headers.get('x-subject-token')!;
}

async function setUp(): Promise<Matrix> {
  const w = await serveApp();
  const who = await seedPersonas(w);
  const login = (p: Persona): Promise<string> => token(w, who[p].user, who[p].project);
  const created = await call(w.url, await login('member'), 'POST', '/compute/v2.1/servers', { server: { name: 'vm', flavorRef: '1', imageRef: IMAGE_ID } });
  assert.equal(created.status, 202, created.text);
  const network = await call(w.url, await login('member'), 'POST', '/network/v2.0/networks', { network: { name: 'private' } });
  assert.equal(network.status, 201, network.text);
  const subnet = await call(w.url, await login('member'), 'POST', '/network/v2.0/subnets', { subnet: { network_id: network.json.network.id, ip_version: 4, cidr: '10.9.0.0/24' } });
  assert.equal(subnet.status, 201, subnet.text);
  const port = await call(w.url, await login('member'), 'POST', '/network/v2.0/ports', { port: { network_id: network.json.network.id } });
  assert.equal(port.status, 201, port.text);
  const sg = await call(w.url, await login('member'), 'POST', '/network/v2.0/security-groups', { security_group: { name: 'web' } });
  assert.equal(sg.status, 201, sg.text);
  const router = await call(w.url, await login('member'), 'POST', '/network/v2.0/routers', { router: { name: 'r1' } });
  assert.equal(router.status, 201, router.text);
  const external = await call(w.url, await login('cloudAdmin'), 'POST', '/network/v2.0/networks', { network: { name: 'public', 'router:external': true } });
  assert.equal(external.status, 201, external.text);
  await call(w.url, await login('cloudAdmin'), 'POST', '/network/v2.0/subnets', { subnet: { network_id: external.json.network.id, ip_version: 4, cidr: '172.24.4.0/24' } });
  const fip = await call(w.url, await login('member'), 'POST', '/network/v2.0/floatingips', { floatingip: { floating_network_id: external.json.network.id } });
  assert.equal(fip.status, 201, fip.text);
  const pool = await call(w.url, await login('member'), 'POST', '/network/v2.0/subnetpools', { subnetpool: { name: 'p1', prefixes: ['10.200.0.0/16'] } });
  assert.equal(pool.status, 201, pool.text);
  // The demo project's own shared image: its members pass the ownership checks, other projects see none of it.
  const image = await call(w.url, await login('member'), 'POST', '/image/v2/images', { name: 'matrix', visibility: 'shared' });
  assert.equal(image.status, 201, image.text);
  const volume = await call(w.url, await login('member'), 'POST', `/volume/v3/${w.ids.projects.demo}/volumes`, { volume: { size: 1, name: 'matrix' } });
  assert.equal(volume.status, 202, volume.text);
  // What the operator would write once the volume's claim is bound.
  const made = await w.kube.get<Volume>(Resources.Volume, volume.json.volume.id, projectNamespace(w.ids.projects.demo));
  await w.kube.replaceStatus(Resources.Volume, { ...made!, status: { status: 'available' } });
  const snapshot = await call(w.url, await login('member'), 'POST', `/volume/v3/${w.ids.projects.demo}/snapshots`, { snapshot: { volume_id: volume.json.volume.id } });
  assert.equal(snapshot.status, 202, snapshot.text);
  // A second volume, given away by a transfer (so the first one's state stays as the other routes need it).
  const gift = await call(w.url, await login('member'), 'POST', `/volume/v3/${w.ids.projects.demo}/volumes`, { volume: { size: 1, name: 'gift' } });
  const giftCr = await w.kube.get<Volume>(Resources.Volume, gift.json.volume.id, projectNamespace(w.ids.projects.demo));
  await w.kube.replaceStatus(Resources.Volume, { ...giftCr!, status: { status: 'available' } });
  // The API reads its informer cache, which sees the status a moment later.
  for (let i = 0; i < 500; i++) {
    if ((await call(w.url, await login('member'), 'GET', `/volume/v3/${w.ids.projects.demo}/volumes/${gift.json.volume.id}`)).json.volume.status === 'available') break;
    await new Promise((r) => setTimeout(r, 10));
  }
  const transfer = await call(w.url, await login('member'), 'POST', `/volume/v3/${w.ids.projects.demo}/os-volume-transfer`, { transfer: { volume_id: gift.json.volume.id } });
  assert.equal(transfer.status, 202, transfer.text);
  const params = {
    transferId: transfer.json.transfer.id as string,
    attachmentId: '00000000-0000-4000-8000-00000000a77a',
    memberId: w.ids.projects.admin, networkLabel: 'private', volumeId: volume.json.volume.id as string, snapshotId: snapshot.json.snapshot.id as string, typeId: DEFAULT_VOLUME_TYPE_ID,
    routerId: router.json.router.id, floatingipId: fip.json.floatingip.id, subnetpoolId: pool.json.subnetpool.id,
    portId: port.json.port.id, securityGroupId: sg.json.security_group.id, ruleId: sg.json.security_group.security_group_rules[0].id,
    networkId: network.json.network.id, id: network.json.network.id, tag: 'red', alias: 'external-net', subnetId: subnet.json.subnet.id,
    groupId: '00000000-0000-4000-8000-0000000000aa', serverId: created.json.server.id, requestId: created.headers.get('x-openstack-request-id') ?? '', flavorId: '1', keypairName: 'no-such-key', key: 'hw:cpu_policy', imageId: image.json.id as string,
    hypervisorId: '1', pattern: 'node', aggregateId: '1', tenantId: w.ids.projects.demo,
    projectId: w.ids.projects.demo, userId: w.ids.users.alice, roleId: w.ids.roles.member, domainId: 'default',
    version: 'latest', file: 'meta_data.json', sub: 'availability-zone', leaf: 'openssh-key',
    ...IDENTITY_PARAMS, ...ASSIGNMENT_PARAMS, ...AUTH_PARAMS, ...QUOTA_PARAMS,
  };
  return { w, login, params };
}

function pathOf(mount: string, route: RouteDef, params: Record<string, string>): string {
  return mount + route.path.replace(/:([A-Za-z_]+)/g, (_, p: string) => {
    assert.ok(params[p] !== undefined, `no value for path parameter :${p} in ${route.path}`);
    return params[p];
  });
}

/**
 * Past the policy, another project's server or private network does not exist for its caller: 404
 * (or, for a body route, the 400 the matrix's empty body gets first, which tells nothing either).
 */
function hiddenFromOthers(route: RouteDef, status: number): boolean {
  const foreign = [':imageId', ':serverId', ':networkId', 'networks/:id', ':subnetId', ':portId', ':securityGroupId', ':ruleId', ':routerId', ':floatingipId', ':subnetpoolId', ':volumeId', ':snapshotId', ':transferId', ':attachmentId', '/volume/v3/:projectId'].some((p) => route.path.includes(p));
  return !foreign || status === 404 || (route.body !== null && status === 400);
}

describe('Persona matrix (meta)', function () {
  this.timeout(60_000);
  let m: Matrix;
  let routes: { mount: string; route: RouteDef; key: string }[];
  before(async () => {
    m = await setUp();
    routes = allServices(m.w.deps, m.w.tokens).flatMap(({ mount, service }) =>
      service.routes.map((route) => ({ mount, route, key: `${route.method.toUpperCase()} ${mount}${route.path}` })));
  });
  after(() => m.w.close());

  it('When the routes are walked, then each has an expectation here and each expectation a route', () => {
    const keys = routes.map((r) => r.key);
    assert.deepEqual(keys.filter((k) => !EXPECTED[k]), [], 'routes without an expected persona list');
    assert.deepEqual(Object.keys(EXPECTED).filter((k) => !keys.includes(k)), [], 'expectations for routes that do not exist');
  });

  it('When every route is called as every persona, then exactly the expected personas get past the policy', async () => {
    const wrong: string[] = [];
    for (const { mount, route, key } of routes) {
      for (const persona of PERSONAS) {
        const caller = await m.login(persona);
        const subject = { 'X-Subject-Token': await m.login('cloudAdmin') };
        const body = route.body === null ? undefined : {};
        const res = await call(m.w.url, caller, route.method.toUpperCase(), pathOf(mount, route, m.params), body, subject);
        const allowed = (EXPECTED[key] ?? []).includes(persona);
        if ((res.status === 403) === allowed || res.status >= 500) wrong.push(`${key} as ${persona}: ${res.status} (expected ${allowed ? 'not 403' : '403'})`);
        if (persona === 'otherMember' && allowed && !hiddenFromOthers(route, res.status)) wrong.push(`${key} as ${persona}: ${res.status} (expected 404)`);
      }
    }
    assert.deepEqual(wrong, []);
  });
});
