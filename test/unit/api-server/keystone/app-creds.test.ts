// Application credentials: create (roles, expiry, secret), list, show, delete, and authentication
// with the application_credential method, whose tokens carry only the credential's roles and die
// with the credential, its roles or its expiry.
import assert from 'node:assert/strict';
import { Resources, typeMeta } from '../../../../crds/resources.js';
import type { ApplicationCredential } from '../../../../crds/types.generated.js';
import { APP_CRED_HASH_KEY, appCredSecretName } from '../../../../api-server/src/auth/app-cred-secrets.js';
import { readSecretValue, type SecretObject } from '../../../../api-server/src/auth/secret.js';
import { nameClaimName } from '../../../../api-server/src/common/name-claims.js';
import { credentialNameKey } from '../../../../api-server/src/services/keystone/application-credentials/application-credentials.writes.js';
import { passwordAuth, serveKeystone, SYSTEM_NS, until, type HttpWorld } from '../auth/identity-fixture.js';

type Json = Record<string, any>;

describe('Keystone application credentials', () => {
  let w: HttpWorld;
  before(async () => {
    w = await serveKeystone();
  });
  after(() => w.close());

  async function call(method: string, path: string, token?: string, body?: unknown): Promise<{ status: number; body: Json; token: string }> {
    const headers: Record<string, string> = { 'Content-Type': 'application/json', ...(token ? { 'X-Auth-Token': token } : {}) };
    const res = await fetch(`${w.url}/identity/v3/${path}`, { method, headers, body: body === undefined ? undefined : JSON.stringify(body) });
    const text = await res.text();
    return { status: res.status, body: text ? (JSON.parse(text) as Json) : {}, token: res.headers.get('X-Subject-Token') ?? '' };
  }
  const login = async (user: string, project = 'demo'): Promise<string> => (await call('POST', 'auth/tokens', undefined, passwordAuth({ name: user }, `${user}-pw`, { project: { name: project, domain: { id: 'default' } } }))).token;
  const appCredAuth = (cred: Json, scope?: unknown): Json => ({ auth: { identity: { methods: ['application_credential'], application_credential: cred }, ...(scope ? { scope } : {}) } });
  const create = async (token: string, fields: Json, user = w.ids.users.alice): Promise<{ status: number; body: Json }> =>
    call('POST', `users/${user}/application_credentials`, token, { application_credential: fields });
  const cached = (id: string): Promise<void> => until(() => w.stores.applicationCredentials.get(id) !== undefined, `credential ${id} in the cache`);
  const gone = (id: string): Promise<void> => until(() => w.stores.applicationCredentials.get(id) === undefined, `credential ${id} gone from the cache`);

  it('When alice creates one with defaults, then 201 with a generated secret, her token\'s roles and project; the secret is never shown again nor stored', async () => {
    const { status, body } = await create(await login('alice'), { name: 'ci', description: 'for CI' });
    assert.equal(status, 201, JSON.stringify(body));
    const cred = body.application_credential;
    assert.match(cred.secret, /^[A-Za-z0-9_-]{86}$/);
    assert.deepEqual(cred.roles.map((r: Json) => r.name), ['member']);
    assert.equal(cred.project_id, w.ids.projects.demo);
    assert.equal(cred.user_id, w.ids.users.alice);
    assert.equal(cred.unrestricted, false);
    assert.equal(cred.expires_at, null);
    assert.equal(cred.description, 'for CI');
    await cached(cred.id);
    const shown = await call('GET', `users/${w.ids.users.alice}/application_credentials/${cred.id}`, await login('alice'));
    assert.equal(shown.status, 200);
    assert.equal(shown.body.application_credential.secret, undefined);
    const stored = w.kube.peek<ApplicationCredential>(Resources.ApplicationCredential, cred.id);
    assert.ok(!JSON.stringify(stored).includes(cred.secret));
    const hash = readSecretValue(w.kube.peek<SecretObject>(Resources.Secret, appCredSecretName(cred.id), SYSTEM_NS), APP_CRED_HASH_KEY);
    assert.match(hash ?? '', /^\$scrypt\$/);
  });

  it('When a token is issued by id and secret, then it is scoped to the credential\'s project with its roles and names the credential', async () => {
    const { body } = await create(await login('alice'), { name: 'by-id', secret: 's3cret' });
    const id = body.application_credential.id;
    await cached(id);
    const res = await call('POST', 'auth/tokens', undefined, appCredAuth({ id, secret: 's3cret' }));
    assert.equal(res.status, 201, JSON.stringify(res.body));
    const { token } = res.body;
    assert.deepEqual(token.methods, ['application_credential']);
    assert.equal(token.project.id, w.ids.projects.demo);
    assert.deepEqual(token.roles.map((r: Json) => r.name), ['member']);
    assert.deepEqual(token.application_credential, { id, name: 'by-id', restricted: true });
    assert.ok(token.catalog.length > 0);
    const ctx = await w.tokens.validate(res.token);
    assert.deepEqual(ctx.applicationCredential, { id, name: 'by-id', unrestricted: false });
  });

  const auths = [
    { name: 'by name with the user id', cred: (): Json => ({ name: 'by-name', secret: 'pw1', user: { id: w.ids.users.alice } }), status: 201 },
    { name: 'by name with the user name and domain', cred: (): Json => ({ name: 'by-name', secret: 'pw1', user: { name: 'alice', domain: { name: 'Default' } } }), status: 201 },
    { name: 'by name with another user', cred: (): Json => ({ name: 'by-name', secret: 'pw1', user: { id: w.ids.users.rita } }), status: 401 },
    { name: 'a wrong secret', cred: (): Json => ({ name: 'by-name', secret: 'nope', user: { id: w.ids.users.alice } }), status: 401 },
    { name: 'an unknown id', cred: (): Json => ({ id: 'ffffffffffffffffffffffffffffffff', secret: 'pw1' }), status: 401 },
    { name: 'a name without a user', cred: (): Json => ({ name: 'by-name', secret: 'pw1' }), status: 400 },
    { name: 'neither id nor name', cred: (): Json => ({ secret: 'pw1' }), status: 400 },
  ];
  for (const c of auths) {
    it(`When authenticating ${c.name}, then ${c.status}`, async () => {
      if (!w.stores.applicationCredentials.list().some((a) => a.spec.name === 'by-name')) {
        const made = await create(await login('alice'), { name: 'by-name', secret: 'pw1' });
        await cached(made.body.application_credential.id);
      }
      assert.equal((await call('POST', 'auth/tokens', undefined, appCredAuth(c.cred()))).status, c.status);
    });
  }

  it('When an application credential asks for a scope, then 401', async () => {
    const { body } = await create(await login('alice'), { name: 'scoped', secret: 'x' });
    await cached(body.application_credential.id);
    assert.equal((await call('POST', 'auth/tokens', undefined, appCredAuth({ id: body.application_credential.id, secret: 'x' }, { project: { id: w.ids.projects.demo } }))).status, 401);
  });

  const refusedCreates = [
    { name: 'a role alice does not hold on demo', fields: (): Json => ({ name: 'r1', roles: [{ name: 'admin' }] }), status: 400 },
    { name: 'an unknown role id', fields: (): Json => ({ name: 'r2', roles: [{ id: 'ffffffffffffffffffffffffffffffff' }] }), status: 400 },
    { name: 'an unknown role name', fields: (): Json => ({ name: 'r3', roles: [{ name: 'nosuchrole' }] }), status: 404 },
    { name: 'an expiry in the past', fields: (): Json => ({ name: 'r4', expires_at: '2001-01-01T00:00:00' }), status: 400 },
    { name: 'an expiry that is not a time', fields: (): Json => ({ name: 'r5', expires_at: 'tomorrow' }), status: 400 },
    { name: 'access rules', fields: (): Json => ({ name: 'r6', access_rules: [{ service: 'compute', path: '/v2.1/servers', method: 'GET' }] }), status: 400 },
    { name: 'no name', fields: (): Json => ({ description: 'x' }), status: 400 },
    { name: 'an unknown key', fields: (): Json => ({ name: 'r7', colour: 'blue' }), status: 400 },
  ];
  for (const c of refusedCreates) {
    it(`When alice creates one with ${c.name}, then ${c.status} and nothing is made`, async () => {
      const res = await create(await login('alice'), c.fields());
      assert.equal(res.status, c.status, JSON.stringify(res.body));
      assert.ok(res.body.error.message.length > 0);
      // Neither the name (its claim) nor a credential is left behind.
      const name = String(c.fields().name);
      assert.equal(w.kube.peek(Resources.NameClaim, nameClaimName(credentialNameKey(w.ids.users.alice, name))), undefined);
      assert.ok(!(await w.kube.list<ApplicationCredential>(Resources.ApplicationCredential)).items.some((a) => a.spec.name === name));
    });
  }

  it('When the roles are named (by name or id) from those alice holds, then just those are delegated', async () => {
    const res = await create(await login('admin', 'admin'), { name: 'subset', roles: [{ name: 'member' }] }, w.ids.users.admin);
    assert.equal(res.status, 201, JSON.stringify(res.body));
    assert.deepEqual(res.body.application_credential.roles.map((r: Json) => r.name), ['member']);
    const id = res.body.application_credential.id;
    await cached(id);
    const issued = await call('POST', 'auth/tokens', undefined, appCredAuth({ id, secret: res.body.application_credential.secret }));
    assert.deepEqual(issued.body.token.roles.map((r: Json) => r.name), ['member']);
    // admin holds admin on the admin project, but this token does not: it is no admin.
    assert.equal((await w.tokens.validate(issued.token)).isAdmin, false);
  });

  it('When an expiry is given, then it comes back to the microsecond and caps the tokens it issues', async () => {
    const at = new Date(w.clock.now + 600_000).toISOString().slice(0, 19) + '.123456';
    const res = await create(await login('alice'), { name: 'expiring', expires_at: at, secret: 'e' });
    assert.equal(res.status, 201, JSON.stringify(res.body));
    assert.equal(res.body.application_credential.expires_at, at);
    await cached(res.body.application_credential.id);
    const issued = await call('POST', 'auth/tokens', undefined, appCredAuth({ id: res.body.application_credential.id, secret: 'e' }));
    assert.equal(issued.status, 201);
    assert.ok(Date.parse(issued.body.token.expires_at) <= Date.parse(`${at}Z`));
  });

  it('When a credential has expired, then authenticating with it is 401', async () => {
    const res = await create(await login('alice'), { name: 'short', secret: 'e' });
    const id = res.body.application_credential.id;
    await cached(id);
    const cr = w.kube.peek<ApplicationCredential>(Resources.ApplicationCredential, id)!;
    w.kube.seed(Resources.ApplicationCredential, { ...cr, spec: { ...cr.spec, expiresAt: '2001-01-01T00:00:00.000000Z' } });
    await until(() => w.stores.applicationCredentials.get(id)?.spec.expiresAt?.startsWith('2001') === true, 'the expiry in the cache');
    assert.equal((await call('POST', 'auth/tokens', undefined, appCredAuth({ id, secret: 'e' }))).status, 401);
  });

  it('When alice creates a second one of the same name, then 409; once the first is deleted, the name is free', async () => {
    const token = await login('alice');
    const first = await create(token, { name: 'dup' });
    assert.equal(first.status, 201);
    const second = await create(token, { name: 'dup' });
    assert.equal(second.status, 409);
    assert.match(second.body.error.message, /Conflict occurred attempting to store application_credential/);
    await cached(first.body.application_credential.id);
    assert.equal((await call('DELETE', `users/${w.ids.users.alice}/application_credentials/${first.body.application_credential.id}`, token)).status, 204);
    assert.equal((await create(token, { name: 'dup' })).status, 201);
  });

  const who = [
    { name: 'the owner lists', user: 'alice', project: 'demo', method: 'GET', sub: '', status: 200 },
    { name: 'an admin lists', user: 'admin', project: 'admin', method: 'GET', sub: '', status: 200 },
    { name: 'another user lists', user: 'rita', project: 'demo', method: 'GET', sub: '', status: 403 },
    { name: 'another user shows', user: 'rita', project: 'demo', method: 'GET', sub: '/one', status: 403 },
    { name: 'another user deletes', user: 'rita', project: 'demo', method: 'DELETE', sub: '/one', status: 403 },
    { name: 'an admin creates for alice', user: 'admin', project: 'admin', method: 'POST', sub: '', status: 403 },
    { name: 'the owner shows an unknown one', user: 'alice', project: 'demo', method: 'GET', sub: '/ffffffffffffffffffffffffffffffff', status: 404 },
  ];
  for (const c of who) {
    it(`When ${c.name}, then ${c.status}`, async () => {
      let sub = c.sub;
      if (sub === '/one') {
        const made = await create(await login('alice'), { name: `one-${c.name.length}-${c.method}` });
        sub = `/${made.body.application_credential.id}`;
        await cached(made.body.application_credential.id);
      }
      const body = c.method === 'POST' ? { application_credential: { name: 'x' } } : undefined;
      const res = await call(c.method, `users/${w.ids.users.alice}/application_credentials${sub}`, await login(c.user, c.project), body);
      assert.equal(res.status, c.status, JSON.stringify(res.body));
    });
  }

  it('When listing with ?name=, then only that credential', async () => {
    const token = await login('alice');
    const res = await call('GET', `users/${w.ids.users.alice}/application_credentials?name=ci`, token);
    assert.deepEqual(res.body.application_credentials.map((c: Json) => c.name), ['ci']);
    const all = await call('GET', `users/${w.ids.users.alice}/application_credentials`, token);
    assert.ok(all.body.application_credentials.length > 3);
    assert.ok(all.body.application_credentials.every((c: Json) => c.secret === undefined && c.user_id === w.ids.users.alice));
  });

  it('When a restricted credential\'s token creates or deletes a credential, then 403; an unrestricted one may create', async () => {
    const restricted = await create(await login('alice'), { name: 'restricted', secret: 'r' });
    const open = await create(await login('alice'), { name: 'open', secret: 'o', unrestricted: true });
    await cached(restricted.body.application_credential.id);
    await cached(open.body.application_credential.id);
    const rToken = (await call('POST', 'auth/tokens', undefined, appCredAuth({ id: restricted.body.application_credential.id, secret: 'r' }))).token;
    const oToken = (await call('POST', 'auth/tokens', undefined, appCredAuth({ id: open.body.application_credential.id, secret: 'o' }))).token;
    assert.equal((await create(rToken, { name: 'child' })).status, 403);
    assert.equal((await call('DELETE', `users/${w.ids.users.alice}/application_credentials/${open.body.application_credential.id}`, rToken)).status, 403);
    assert.equal((await create(oToken, { name: 'child' })).status, 201);
    // Nor may a restricted token widen itself by re-scoping.
    const rescope = await call('POST', 'auth/tokens', undefined, { auth: { identity: { methods: ['token'], token: { id: rToken } } } });
    assert.equal(rescope.status, 403);
  });

  it('When the credential is deleted, then its tokens are refused and it no longer authenticates', async () => {
    const res = await create(await login('alice'), { name: 'doomed', secret: 'd' });
    const id = res.body.application_credential.id;
    await cached(id);
    const token = (await call('POST', 'auth/tokens', undefined, appCredAuth({ id, secret: 'd' }))).token;
    assert.equal((await call('GET', 'auth/projects', token)).status, 200);
    assert.equal((await call('DELETE', `users/${w.ids.users.alice}/application_credentials/${id}`, await login('alice'))).status, 204);
    await gone(id);
    assert.equal((await call('GET', 'auth/projects', token)).status, 401);
    assert.equal((await call('POST', 'auth/tokens', undefined, appCredAuth({ id, secret: 'd' }))).status, 401);
    assert.equal(w.kube.peek(Resources.Secret, appCredSecretName(id), SYSTEM_NS), undefined);
  });

  it('When the user loses the delegated role, then the credential\'s tokens are refused', async () => {
    const res = await create(await login('rita'), { name: 'reader-cred', secret: 'r' }, w.ids.users.rita);
    assert.equal(res.status, 201, JSON.stringify(res.body));
    const id = res.body.application_credential.id;
    await cached(id);
    const token = (await call('POST', 'auth/tokens', undefined, appCredAuth({ id, secret: 'r' }))).token;
    assert.equal((await call('GET', 'auth/projects', token)).status, 200);
    const grant = w.stores.roleAssignments.list().find((a) => a.spec.userId === w.ids.users.rita)!;
    await w.kube.delete(Resources.RoleAssignment, grant.metadata.name);
    await until(() => !w.stores.roleAssignments.get(grant.metadata.name), 'the grant gone');
    assert.equal((await call('GET', 'auth/projects', token)).status, 401);
    assert.equal((await call('POST', 'auth/tokens', undefined, appCredAuth({ id, secret: 'r' }))).status, 401);
    w.kube.seed(Resources.RoleAssignment, { ...typeMeta(Resources.RoleAssignment), metadata: { name: grant.metadata.name }, spec: grant.spec });
  });
});
