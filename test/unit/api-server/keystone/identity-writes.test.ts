// Keystone's identity writes over the whole app: unique names (409), project hierarchies and
// tags, the deletion safety of a project that still owns resources (409 naming them; cascade),
// users (create, own password change revoking tokens), groups and membership, domains (delete
// only once disabled).
import assert from 'node:assert/strict';
import type { NameClaim, Server } from '../../../../crds/types.generated.js';
import { Resources, typeMeta } from '../../../../crds/resources.js';
import { projectNamespace } from '../../../../crds/naming.js';
import { call, IMAGE_ID, serveApp, type AppWorld } from '../app-fixture.js';
import { passwordAuth } from '../auth/identity-fixture.js';

const K = '/identity/v3';

describe('Keystone identity writes', function () {
  this.timeout(30_000);
  let w: AppWorld;
  let admin: string;
  before(async () => {
    w = await serveApp();
    admin = await w.login('admin', 'admin');
  });
  after(() => w.close());
  const as = (method: string, path: string, body?: unknown, token = admin) => call(w.url, token, method, `${K}${path}`, body);

  it('When two projects are created with one name in a domain, then the second is Keystone\'s 409 and a rename onto it too', async () => {
    const first = await as('POST', '/projects', { project: { name: 'web', description: 'd', tags: ['a'], color: 'blue' } });
    assert.equal(first.status, 201, first.text);
    assert.deepEqual([first.json.project.domain_id, first.json.project.parent_id, first.json.project.color], ['default', 'default', 'blue']);
    const dup = await as('POST', '/projects', { project: { name: 'web' } });
    assert.equal(dup.status, 409);
    assert.equal(dup.json.error.message, 'Conflict occurred attempting to store project - Duplicate entry found with name web at domain ID default.');
    const other = await as('POST', '/projects', { project: { name: 'api' } });
    assert.equal((await as('PATCH', `/projects/${other.json.project.id}`, { project: { name: 'web' } })).status, 409);
    const renamed = await as('PATCH', `/projects/${other.json.project.id}`, { project: { name: 'api2' } });
    assert.equal(renamed.status, 200);
    assert.equal((await as('POST', '/projects', { project: { name: 'api' } })).status, 201, 'the old name is free again');
    const claims = (await w.kube.list<NameClaim>(Resources.NameClaim)).items.filter((c) => c.spec.kind === 'Project').map((c) => c.spec.name).sort();
    assert.deepEqual(claims, ['api', 'api2', 'web']);
  });

  it('When a child project is made, then parents and subtree show it; its parent cannot be deleted (403) nor the child moved', async () => {
    const parent = (await as('POST', '/projects', { project: { name: 'tree-top' } })).json.project;
    const child = await as('POST', '/projects', { project: { name: 'tree-leaf', parent_id: parent.id } });
    assert.equal(child.status, 201, child.text);
    assert.equal(child.json.project.parent_id, parent.id);
    const shown = await as('GET', `/projects/${child.json.project.id}?parents_as_list&parents_as_ids`);
    assert.deepEqual(shown.json.project.parents.map((p: { project: { id: string } }) => p.project.id), [parent.id]);
    const top = await as('GET', `/projects/${parent.id}?subtree_as_ids`);
    assert.deepEqual(top.json.project.subtree, { [child.json.project.id]: null });
    const refused = await as('DELETE', `/projects/${parent.id}`);
    assert.equal(refused.status, 403);
    assert.match(refused.json.error.message, /not a leaf in the hierarchy/);
    assert.equal((await as('PATCH', `/projects/${child.json.project.id}`, { project: { parent_id: w.ids.projects.demo } })).status, 403);
    assert.equal((await as('POST', '/projects', { project: { name: 'orphan', parent_id: 'f'.repeat(32) } })).status, 404);
    assert.equal((await as('DELETE', `/projects/${child.json.project.id}`)).status, 204);
    assert.equal((await as('DELETE', `/projects/${parent.id}`)).status, 204);
  });

  it('When tags are written and filtered, then the tags routes and tags/tags-any/not-tags filters agree', async () => {
    const p = (await as('POST', '/projects', { project: { name: 'tagged', tags: ['red'] } })).json.project;
    assert.equal((await as('PUT', `/projects/${p.id}/tags/blue`)).status, 201);
    assert.deepEqual((await as('GET', `/projects/${p.id}/tags`)).json.tags, ['red', 'blue']);
    assert.equal((await as('GET', `/projects/${p.id}/tags/blue`)).status, 204);
    assert.equal((await as('GET', `/projects/${p.id}/tags/green`)).status, 404);
    const names = async (q: string): Promise<string[]> => (await as('GET', `/projects?${q}`)).json.projects.map((x: { name: string }) => x.name);
    assert.deepEqual(await names('tags=red,blue'), ['tagged']);
    assert.deepEqual(await names('tags=red,green'), []);
    assert.ok((await names('tags-any=green,blue')).includes('tagged'));
    assert.ok(!(await names('not-tags-any=blue')).includes('tagged'));
    assert.equal((await as('DELETE', `/projects/${p.id}/tags/red`)).status, 204);
    assert.deepEqual((await as('PUT', `/projects/${p.id}/tags`, { tags: ['x', 'y'] })).json.tags, ['x', 'y']);
  });

  it('When a project still owns a server, then its delete is a 409 naming it, and with cascade mode it goes with the server', async () => {
    const p = (await as('POST', '/projects', { project: { name: 'busy' } })).json.project;
    // What a member's boot would leave (the API's own server create is tested with Nova).
    const ns = projectNamespace(p.id);
    w.kube.seed(Resources.Server, { ...typeMeta(Resources.Server), metadata: { name: 'vm-1', namespace: ns }, spec: { name: 'vm', projectId: p.id, userId: w.ids.users.admin, flavorId: '1', imageId: IMAGE_ID } } as unknown as Server);
    for (let i = 0; i < 200 && !w.stores.servers.get('vm-1', ns); i++) await new Promise((r) => setTimeout(r, 5));
    const refused = await as('DELETE', `/projects/${p.id}`);
    assert.equal(refused.status, 409);
    assert.equal(refused.json.error.message, 'Project busy still owns 1 server; delete them first, or run the API server with --project-delete-mode=cascade.');
    w.deps.config.projectDeleteMode = 'cascade';
    try {
      assert.equal((await as('DELETE', `/projects/${p.id}`)).status, 204);
    } finally {
      w.deps.config.projectDeleteMode = undefined;
    }
    assert.equal((await as('GET', `/projects/${p.id}`)).status, 404);
    assert.equal(await w.kube.get(Resources.Server, 'vm-1', ns), undefined, 'the cascade deleted the server');
  });

  it('When a user is created and changes its own password, then its old token fails, the new password works, and a wrong original is 401', async () => {
    const made = await as('POST', '/users', { user: { name: 'dora', password: 'old-pw', default_project_id: w.ids.projects.demo, email: 'd@x' } });
    assert.equal(made.status, 201, made.text);
    assert.equal((await as('POST', '/users', { user: { name: 'dora' } })).status, 409);
    const id = made.json.user.id;
    const login = async (pw: string): Promise<{ status: number; token: string }> => {
      const res = await call(w.url, undefined, 'POST', `${K}/auth/tokens`, passwordAuth({ name: 'dora' }, pw, 'unscoped'));
      return { status: res.status, token: res.headers.get('x-subject-token') ?? '' };
    };
    const old = await login('old-pw');
    assert.equal(old.status, 201);
    assert.equal((await as('GET', `/users/${id}`, undefined, old.token)).status, 200, 'a user reads itself');
    assert.equal((await as('GET', `/users/${w.ids.users.alice}`, undefined, old.token)).status, 403);
    assert.equal((await as('POST', `/users/${id}/password`, { user: { original_password: 'nope', password: 'new-pw' } }, old.token)).status, 401);
    // Keystone wants no token here: the original password is the proof, so another user's is refused with 401.
    assert.equal((await as('POST', `/users/${w.ids.users.alice}/password`, { user: { original_password: 'old-pw', password: 'x' } }, old.token)).status, 401);
    // The token provider's clock is the fixture's: the change happens a second later than the old login.
    w.clock.now = Date.now();
    // No token at all: a user whose password expired has none.
    assert.equal((await call(w.url, undefined, 'POST', `${K}/users/${id}/password`, { user: { original_password: 'old-pw', password: 'new-pw' } })).status, 204);
    assert.equal((await as('GET', `/users/${id}`, undefined, old.token)).status, 401, 'the old token is revoked');
    assert.equal((await login('old-pw')).status, 401);
    w.clock.now = Date.now() + 1_000;
    assert.equal((await login('new-pw')).status, 201);
    assert.equal((await as('DELETE', `/users/${id}`)).status, 204);
    assert.equal((await login('new-pw')).status, 401);
  });

  it('When a group gets a member, then membership is checked, listed both ways and removed; deleting the group removes memberships', async () => {
    const g = (await as('POST', '/groups', { group: { name: 'ops', description: 'o' } })).json.group;
    assert.equal((await as('POST', '/groups', { group: { name: 'ops' } })).status, 409);
    const alice = w.ids.users.alice;
    assert.equal((await as('HEAD', `/groups/${g.id}/users/${alice}`)).status, 404);
    assert.equal((await as('PUT', `/groups/${g.id}/users/${alice}`)).status, 204);
    assert.equal((await as('HEAD', `/groups/${g.id}/users/${alice}`)).status, 204);
    assert.deepEqual((await as('GET', `/groups/${g.id}/users`)).json.users.map((u: { id: string }) => u.id), [alice]);
    assert.deepEqual((await as('GET', `/users/${alice}/groups`)).json.groups.map((x: { id: string }) => x.id), [g.id]);
    assert.equal((await as('PUT', `/groups/${g.id}/users/${'f'.repeat(32)}`)).status, 404);
    assert.equal((await as('DELETE', `/groups/${g.id}/users/${alice}`)).status, 204);
    assert.equal((await as('PUT', `/groups/${g.id}/users/${alice}`)).status, 204);
    assert.equal((await as('DELETE', `/groups/${g.id}`)).status, 204);
    assert.deepEqual((await as('GET', `/users/${alice}/groups`)).json.groups, []);
  });

  it('When a domain is deleted while enabled, then 403; disabled, it goes with its users; the default domain stays', async () => {
    const dom = await as('POST', '/domains', { domain: { name: 'acme' } });
    assert.equal(dom.status, 201, dom.text);
    assert.equal((await as('POST', '/domains', { domain: { name: 'acme' } })).status, 409);
    const id = dom.json.domain.id;
    const user = await as('POST', '/users', { user: { name: 'wile', domain_id: id, password: 'pw' } });
    assert.equal(user.status, 201);
    const refused = await as('DELETE', `/domains/${id}`);
    assert.equal(refused.status, 403);
    assert.equal(refused.json.error.message, 'Cannot delete a domain that is enabled, please disable it first.');
    // The token provider's clock is the fixture's: this login comes seconds before the disabling.
    w.clock.now = Date.now() - 5_000;
    const before = await call(w.url, undefined, 'POST', `${K}/auth/tokens`, passwordAuth({ id: user.json.user.id as string }, 'pw', 'unscoped'));
    assert.equal(before.status, 201);
    assert.equal((await as('PATCH', `/domains/${id}`, { domain: { enabled: false } })).status, 200);
    w.clock.now = Date.now();
    assert.equal((await as('GET', `/users/${user.json.user.id as string}`, undefined, before.headers.get('x-subject-token')!)).status, 401, 'its users\' tokens are revoked');
    const login = await call(w.url, undefined, 'POST', `${K}/auth/tokens`, passwordAuth({ id: user.json.user.id as string }, 'pw', 'unscoped'));
    assert.equal(login.status, 401, 'a disabled domain\'s users cannot log in');
    assert.equal((await as('DELETE', `/domains/${id}`)).status, 204);
    assert.equal((await as('GET', `/users/${user.json.user.id}`)).status, 404);
    assert.equal((await as('DELETE', '/domains/default')).status, 403);
    assert.deepEqual((await as('GET', '/domains?name=Default')).json.domains.map((x: { id: string }) => x.id), ['default']);
  });
});
