// Keystone identity writes, continued: the cascade through Neutron and Cinder's own deletes, a
// disabled user's tokens, password expiry, immutable resources, a disabled domain's projects and
// Keystone's rule that a branch is disabled from its leaves up.
import assert from 'node:assert/strict';
import type { Port, Project, RoleAssignment, SecurityGroup } from '../../../../crds/types.generated.js';
import { Resources, typeMeta } from '../../../../crds/resources.js';
import { projectNamespace } from '../../../../crds/naming.js';
import { call, serveApp, type AppWorld } from '../app-fixture.js';
import { passwordAuth } from '../auth/identity-fixture.js';

const K = '/identity/v3';

describe('Keystone identity lifecycle', function () {
  this.timeout(30_000);
  let w: AppWorld;
  let admin: string;
  before(async () => {
    w = await serveApp();
    admin = await w.login('admin', 'admin');
  });
  after(() => w.close());
  /** Identity paths are relative to /identity/v3; other services' paths are given in full. */
  const as = (method: string, path: string, body?: unknown, token = admin) => call(w.url, token, method, path.startsWith('/network/') ? path : `${K}${path}`, body);
  const settle = async (check: () => boolean): Promise<void> => {
    for (let i = 0; i < 400 && !check(); i++) await new Promise((r) => setTimeout(r, 5));
  };

  /** A new project the admin holds the admin role on (as the operator would have made its Namespace), and a token scoped to it. */
  async function ownProject(name: string): Promise<{ id: string; token: string }> {
    const id = (await as('POST', '/projects', { project: { name } })).json.project.id as string;
    const live = await w.kube.get<Project>(Resources.Project, id);
    await w.kube.replaceStatus(Resources.Project, { ...live!, status: { namespace: projectNamespace(id) } });
    w.kube.seed(Resources.RoleAssignment, { ...typeMeta(Resources.RoleAssignment), metadata: { name: `own-${id}` }, spec: { userId: w.ids.users.admin, projectId: id, roleId: w.ids.roles.admin } });
    await settle(() => w.stores.roleAssignments.get(`own-${id}`) !== undefined && w.stores.projects.get(id)?.status?.namespace !== undefined);
    const login = await call(w.url, undefined, 'POST', `${K}/auth/tokens`, passwordAuth({ name: 'admin' }, 'admin-pw', { project: { id } }));
    assert.equal(login.status, 201, login.text);
    return { id, token: login.headers.get('x-subject-token')! };
  }

  it('When a project owns a network, subnet, router interface, port and security group, then delete names them; cascade removes them all', async () => {
    const p = await ownProject('netted');
    const net = await as('POST', '/network/v2.0/networks', { network: { name: 'n' } }, p.token);
    assert.equal(net.status, 201, net.text);
    const subnet = await as('POST', '/network/v2.0/subnets', { subnet: { network_id: net.json.network.id, ip_version: 4, cidr: '10.7.0.0/24' } }, p.token);
    assert.equal(subnet.status, 201, subnet.text);
    const router = await as('POST', '/network/v2.0/routers', { router: { name: 'r' } }, p.token);
    assert.equal((await as('PUT', `/network/v2.0/routers/${router.json.router.id}/add_router_interface`, { subnet_id: subnet.json.subnet.id }, p.token)).status, 200);
    assert.equal((await as('POST', '/network/v2.0/ports', { port: { network_id: net.json.network.id } }, p.token)).status, 201);
    assert.equal((await as('POST', '/network/v2.0/security-groups', { security_group: { name: 'web' } }, p.token)).status, 201);
    const refused = await as('DELETE', `/projects/${p.id}`);
    assert.equal(refused.status, 409);
    assert.equal(refused.json.error.message, 'Project netted still owns 1 network, 1 subnet, 2 ports, 1 router, 1 security group; delete them first, or run the API server with --project-delete-mode=cascade.');
    w.deps.config.projectDeleteMode = 'cascade';
    try {
      const done = await as('DELETE', `/projects/${p.id}`);
      assert.equal(done.status, 204, done.text);
    } finally {
      w.deps.config.projectDeleteMode = undefined;
    }
    const ns = projectNamespace(p.id);
    for (const res of [Resources.Network, Resources.Subnet, Resources.Port, Resources.Router]) {
      assert.deepEqual((await w.kube.list<Port>(res)).items.filter((o) => o.metadata.namespace === ns).map((o) => o.metadata.name), [], res.kind);
    }
    assert.deepEqual((await w.kube.list<SecurityGroup>(Resources.SecurityGroup)).items.filter((g) => g.metadata.namespace === ns && g.spec.name === 'web'), []);
    assert.deepEqual((await w.kube.list<RoleAssignment>(Resources.RoleAssignment)).items.filter((a) => a.spec.projectId === p.id), []);
  });

  it('When an admin disables a user, then its token fails, even once enabled again; a new login works', async () => {
    const u = (await as('POST', '/users', { user: { name: 'temp', password: 'pw' } })).json.user;
    const login = () => call(w.url, undefined, 'POST', `${K}/auth/tokens`, passwordAuth({ name: 'temp' }, 'pw', 'unscoped'));
    const token = (await login()).headers.get('x-subject-token')!;
    assert.equal((await as('GET', `/users/${u.id}`, undefined, token)).status, 200);
    assert.equal((await as('PATCH', `/users/${u.id}`, { user: { enabled: false } })).json.user.enabled, false);
    assert.equal((await as('GET', `/users/${u.id}`, undefined, token)).status, 401);
    assert.equal((await login()).status, 401);
    await as('PATCH', `/users/${u.id}`, { user: { enabled: true } });
    // Tokens issued before the disabling stay revoked, as Keystone's revocation event keeps them.
    assert.equal((await as('GET', `/users/${u.id}`, undefined, token)).status, 401);
    w.clock.now = Date.now() + 1_000;
    assert.equal((await login()).status, 201);
  });

  it('When password_expires_days is set, then a new password shows its expiry, ignore_password_expiry hides it, and the filter finds it', async () => {
    w.deps.config.passwordExpiresDays = 30;
    try {
      const before = Date.now();
      const u = (await as('POST', '/users', { user: { name: 'expiring', password: 'pw' } })).json.user;
      const at = Date.parse(`${u.password_expires_at as string}Z`);
      assert.ok(Math.abs(at - (before + 30 * 86_400_000)) < 60_000, u.password_expires_at);
      assert.match(u.password_expires_at, /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}\.000000$/);
      const filtered = await as('GET', `/users?password_expires_at=gt:${new Date(before).toISOString()}`);
      assert.deepEqual(filtered.json.users.map((x: { name: string }) => x.name), ['expiring']);
      const ignored = await as('PATCH', `/users/${u.id}`, { user: { options: { ignore_password_expiry: true } } });
      assert.equal(ignored.json.user.password_expires_at, null);
      assert.equal((await as('POST', '/users', { user: { name: 'no-pw' } })).json.user.password_expires_at, null);
    } finally {
      w.deps.config.passwordExpiresDays = undefined;
    }
  });

  it('When a project is immutable, then updates other than clearing the option and its delete are 403', async () => {
    const p = (await as('POST', '/projects', { project: { name: 'frozen', options: { immutable: true } } })).json.project;
    assert.deepEqual(p.options, { immutable: true });
    assert.equal((await as('PATCH', `/projects/${p.id}`, { project: { description: 'x' } })).status, 403);
    assert.equal((await as('DELETE', `/projects/${p.id}`)).status, 403);
    assert.equal((await as('PATCH', `/projects/${p.id}`, { project: { options: { immutable: false } } })).status, 200);
    assert.equal((await as('DELETE', `/projects/${p.id}`)).status, 204);
  });

  it('When a parent is disabled before its child, then 403; the child first, then the parent, works; a disabled branch takes no new project', async () => {
    const top = (await as('POST', '/projects', { project: { name: 'branch' } })).json.project;
    const leaf = (await as('POST', '/projects', { project: { name: 'twig', parent_id: top.id } })).json.project;
    assert.equal((await as('PATCH', `/projects/${top.id}`, { project: { enabled: false } })).status, 403);
    assert.equal((await as('PATCH', `/projects/${leaf.id}`, { project: { enabled: false } })).status, 200);
    assert.equal((await as('PATCH', `/projects/${top.id}`, { project: { enabled: false } })).status, 200);
    assert.equal((await as('POST', '/projects', { project: { name: 'bud', parent_id: top.id } })).status, 403);
    assert.equal((await as('PATCH', `/projects/${leaf.id}`, { project: { enabled: true } })).status, 403);
  });

  it('When a project\'s domain is disabled, then a token cannot be scoped to the project', async () => {
    const dom = (await as('POST', '/domains', { domain: { name: 'closed' } })).json.domain;
    const p = (await as('POST', '/projects', { project: { name: 'inside', domain_id: dom.id } })).json.project;
    assert.equal(p.domain_id, dom.id);
    w.kube.seed(Resources.RoleAssignment, { ...typeMeta(Resources.RoleAssignment), metadata: { name: `in-${p.id}` }, spec: { userId: w.ids.users.admin, projectId: p.id, roleId: w.ids.roles.admin } });
    await settle(() => w.stores.roleAssignments.get(`in-${p.id}`) !== undefined);
    const scope = () => call(w.url, undefined, 'POST', `${K}/auth/tokens`, passwordAuth({ name: 'admin' }, 'admin-pw', { project: { id: p.id } }));
    assert.equal((await scope()).status, 201);
    await as('PATCH', `/domains/${dom.id}`, { domain: { enabled: false } });
    assert.equal((await scope()).status, 401);
  });

  it('When a project is created with is_domain, then it is a domain, listed by both APIs, and deleted through the projects API once disabled', async () => {
    const made = await as('POST', '/projects', { project: { name: 'as-domain', is_domain: true } });
    assert.equal(made.status, 201, made.text);
    assert.deepEqual([made.json.project.is_domain, made.json.project.domain_id, made.json.project.parent_id], [true, null, null]);
    const id = made.json.project.id as string;
    assert.ok((await as('GET', '/projects?is_domain=true')).json.projects.some((p: { id: string }) => p.id === id));
    assert.ok(!(await as('GET', '/projects')).json.projects.some((p: { id: string }) => p.id === id));
    assert.equal((await as('GET', `/domains/${id}`)).json.domain.name, 'as-domain');
    assert.equal((await as('DELETE', `/projects/${id}`)).status, 403, 'an enabled domain');
    assert.equal((await as('PATCH', `/projects/${id}`, { project: { enabled: false } })).json.project.enabled, false);
    assert.equal((await as('DELETE', `/projects/${id}`)).status, 204);
    assert.equal((await as('GET', `/domains/${id}`)).status, 404);
  });
});
