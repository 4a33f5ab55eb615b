// GET /v3/services, /v3/endpoints and /v3/regions agree with the token's catalog (ids, types,
// names, URLs, interfaces, region), filter as Keystone's, and refuse to change or delete the
// deployment's own entries (catalog-writes.test.ts covers added ones). Also: version 1 token
// payloads (from before scoped tokens) still open.
import assert from 'node:assert/strict';
import { openToken } from '../../../../api-server/src/auth/token-codec.js';
import { fernetEncrypt } from '../../../../api-server/src/auth/fernet.js';
import { newAuditId } from '../../../../api-server/src/auth/token-codec.js';
import { passwordAuth, serveKeystone, type HttpWorld } from '../auth/identity-fixture.js';

type Json = Record<string, any>;

describe('Keystone services, endpoints and regions', () => {
  let w: HttpWorld;
  let admin: { token: string; catalog: Json[] };
  let member: string;
  before(async () => {
    w = await serveKeystone();
    const login = async (user: string, project: string): Promise<Response> =>
      fetch(`${w.url}/identity/v3/auth/tokens`, { method: 'POST', headers: { 'Content-Type': 'application/json' }, body: JSON.stringify(passwordAuth({ name: user }, `${user}-pw`, { project: { name: project, domain: { id: 'default' } } })) });
    const res = await login('admin', 'admin');
    admin = { token: res.headers.get('X-Subject-Token')!, catalog: ((await res.json()) as Json).token.catalog };
    member = (await login('alice', 'demo')).headers.get('X-Subject-Token')!;
  });
  after(() => w.close());

  async function call(method: string, path: string, token: string, body?: unknown): Promise<{ status: number; body: Json }> {
    const res = await fetch(`${w.url}/identity/v3/${path}`, { method, headers: { 'X-Auth-Token': token, 'Content-Type': 'application/json' }, body: body === undefined ? undefined : JSON.stringify(body) });
    const text = await res.text();
    return { status: res.status, body: text ? (JSON.parse(text) as Json) : {} };
  }

  it('When an admin lists services, then they are the catalog\'s, with the same ids, types and names', async () => {
    const { status, body } = await call('GET', 'services', admin.token);
    assert.equal(status, 200);
    const listed = body.services.map((s: Json) => [s.id, s.type, s.name, s.enabled]);
    assert.deepEqual(listed, admin.catalog.map((s) => [s.id, s.type, s.name, true]));
  });

  it('When an admin lists endpoints, then each catalog endpoint appears with its service, interface, region and URL (per-project URLs as templates)', async () => {
    const { body } = await call('GET', 'endpoints', admin.token);
    const fromCatalog = admin.catalog.flatMap((s) => s.endpoints.map((e: Json) => [e.id, s.id, e.interface, e.region_id, e.url]));
    const listed = body.endpoints.map((e: Json) => [e.id, e.service_id, e.interface, e.region_id, e.url.replace('$(project_id)s', w.ids.projects.admin)]);
    assert.deepEqual(listed, fromCatalog);
    assert.ok(body.endpoints.some((e: Json) => e.url.endsWith('/volume/v3/$(project_id)s')));
  });

  const filters = [
    { path: 'services?type=compute', key: 'services', count: 1 },
    { path: 'services?type=nothing', key: 'services', count: 0 },
    { path: 'endpoints?interface=public', key: 'endpoints', count: 6 },
    { path: 'endpoints?region_id=RegionOne&interface=admin', key: 'endpoints', count: 6 },
    { path: 'endpoints?region_id=Elsewhere', key: 'endpoints', count: 0 },
    { path: 'regions', key: 'regions', count: 1 },
    { path: 'regions?parent_region_id=RegionOne', key: 'regions', count: 0 },
  ];
  for (const f of filters) {
    it(`When an admin lists ${f.path}, then ${f.count}`, async () => {
      const { status, body } = await call('GET', f.path, admin.token);
      assert.equal(status, 200);
      assert.equal(body[f.key].length, f.count);
    });
  }

  it('When endpoints are filtered by a service id, then only that service\'s three interfaces', async () => {
    const compute = admin.catalog.find((s) => s.type === 'compute')!;
    const { body } = await call('GET', `endpoints?service_id=${compute.id}`, admin.token);
    assert.deepEqual(body.endpoints.map((e: Json) => e.interface), ['public', 'internal', 'admin']);
    const one = await call('GET', `endpoints/${compute.endpoints[0].id}`, admin.token);
    assert.equal(one.body.endpoint.url, compute.endpoints[0].url);
    assert.equal((await call('GET', `services/${compute.id}`, admin.token)).body.service.type, 'compute');
  });

  const reads = [
    { who: 'a member', path: 'services', status: 403 },
    { who: 'a member', path: 'endpoints', status: 403 },
    { who: 'a member', path: 'regions', status: 200 },
    { who: 'a member', path: 'regions/RegionOne', status: 200 },
    { who: 'an admin', path: 'regions/Elsewhere', status: 404 },
    { who: 'an admin', path: 'services/nope', status: 404 },
    { who: 'an admin', path: 'endpoints/nope', status: 404 },
  ];
  for (const r of reads) {
    it(`When ${r.who} reads ${r.path}, then ${r.status}`, async () => {
      assert.equal((await call('GET', r.path, r.who === 'an admin' ? admin.token : member)).status, r.status);
    });
  }

  const ownEntryWrites: [string, (c: Json[]) => string, object | undefined][] = [
    ['PATCH', (c) => `services/${c[0].id}`, { service: { name: 'x' } }],
    ['DELETE', (c) => `services/${c[0].id}`, undefined],
    ['PATCH', (c) => `endpoints/${c[0].endpoints[0].id}`, { endpoint: { url: 'http://x' } }],
    ['DELETE', (c) => `endpoints/${c[0].endpoints[0].id}`, undefined],
    ['PATCH', () => 'regions/RegionOne', { region: { description: 'x' } }],
    ['DELETE', () => 'regions/RegionOne', undefined],
  ];
  for (const [method, path, body] of ownEntryWrites) {
    it(`When an admin sends ${method} to one of the deployment's own ${path([{ id: '{id}', endpoints: [{ id: '{id}' }] }]).split('/')[0]}, then 403 naming it`, async () => {
      const res = await call(method, path(admin.catalog), admin.token, body);
      assert.equal(res.status, 403);
      assert.match(res.body.error.message, /one of this deployment's own catalog entries/);
    });
  }

  it('When a version 1 token payload (before scoped tokens) is opened, then it reads as before', () => {
    const keys = (w.tokens as unknown as { keyRing: { current(): Parameters<typeof openToken>[0] } }).keyRing.current();
    const audit = newAuditId();
    const payload = [1, w.ids.users.alice, 1, w.ids.projects.demo, w.clock.now + 60_000, [audit]];
    const token = fernetEncrypt(keys.primary, Buffer.from(JSON.stringify(payload)), w.clock.now / 1000);
    const data = openToken(keys, token);
    assert.equal(data?.projectId, w.ids.projects.demo);
    assert.deepEqual(data?.methods, ['password']);
    assert.equal(data?.domainId, undefined);
    assert.equal(data?.appCredId, undefined);
  });
});
