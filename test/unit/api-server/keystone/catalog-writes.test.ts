// Added catalog entries: services, endpoints and regions created, updated and deleted through the
// API are stored in the catalog registry ConfigMap and appear in the lists and in tokens' catalogs;
// Keystone's validation and reference rules; endpoint groups and policy records.
import assert from 'node:assert/strict';
import { CATALOG_REGISTRY_NAME } from '../../../../crds/naming.js';
import type { ConfigMap } from '../../../../crds/kube-types.js';
import { Resources } from '../../../../crds/resources.js';
import { passwordAuth, serveKeystone, SYSTEM_NS, type HttpWorld } from '../auth/identity-fixture.js';

type Json = Record<string, any>;

describe('Keystone catalog writes (services, endpoints, regions, endpoint groups, policies)', () => {
  let w: HttpWorld;
  let admin: string;
  let member: string;
  before(async () => {
    w = await serveKeystone();
    admin = (await login('admin', 'admin')).headers.get('X-Subject-Token')!;
    member = (await login('alice', 'demo')).headers.get('X-Subject-Token')!;
  });
  after(() => w.close());

  function login(user: string, project: string): Promise<Response> {
    return fetch(`${w.url}/identity/v3/auth/tokens`, { method: 'POST', headers: { 'Content-Type': 'application/json' }, body: JSON.stringify(passwordAuth({ name: user }, `${user}-pw`, { project: { name: project, domain: { id: 'default' } } })) });
  }

  async function call(method: string, path: string, body?: unknown, token = admin): Promise<{ status: number; body: Json }> {
    const res = await fetch(`${w.url}/identity/v3/${path}`, { method, headers: { 'X-Auth-Token': token, 'Content-Type': 'application/json' }, body: body === undefined ? undefined : JSON.stringify(body) });
    const text = await res.text();
    return { status: res.status, body: text ? (JSON.parse(text) as Json) : {} };
  }

  async function created(path: string, body: object): Promise<Json> {
    const res = await call('POST', path, body);
    assert.equal(res.status, 201, JSON.stringify(res.body));
    return res.body;
  }

  async function newService(type = `type-${Math.random().toString(36).slice(2)}`): Promise<string> {
    return (await created('services', { service: { type, name: 'svc', description: 'd1' } })).service.id as string;
  }

  async function tokenCatalog(): Promise<Json[]> {
    return ((await (await login('admin', 'admin')).json()) as Json).token.catalog as Json[];
  }

  it('When an admin creates, updates and shows a service, then the record is kept in the registry ConfigMap and listed by type', async () => {
    const id = await newService('orchestration');
    const patched = await call('PATCH', `services/${id}`, { service: { description: 'd2' } });
    assert.equal(patched.status, 200);
    assert.equal(patched.body.service.description, 'd2');
    const shown = await call('GET', `services/${id}`);
    assert.deepEqual(shown.body.service, patched.body.service);
    const listed = await call('GET', 'services?type=orchestration');
    assert.deepEqual(listed.body.services.map((s: Json) => s.id), [id]);
    const cm = await w.kube.get<ConfigMap>(Resources.ConfigMap, CATALOG_REGISTRY_NAME, SYSTEM_NS);
    assert.ok(cm?.data?.['catalog.json']?.includes(id));
  });

  it('When an endpoint is added with the legacy region, then the region is created and the endpoint is in the list and in a new token\'s catalog', async () => {
    const serviceId = await newService();
    const { endpoint } = await created('endpoints', { endpoint: { service_id: serviceId, interface: 'public', url: 'https://x.example/v1/$(project_id)s', region: 'RegionTwo', enabled: true } });
    assert.equal(endpoint.region, 'RegionTwo');
    assert.equal((await call('GET', 'regions/RegionTwo')).status, 200);
    assert.deepEqual((await call('GET', `endpoints?service_id=${serviceId}`)).body.endpoints.map((e: Json) => e.id), [endpoint.id]);
    const entry = (await tokenCatalog()).find((s) => s.id === serviceId);
    assert.equal(entry?.endpoints[0].url, `https://x.example/v1/${w.ids.projects.admin}`);
    assert.equal(entry?.endpoints[0].region_id, 'RegionTwo');
    // Disabled, it leaves the catalog (and its service with it) but stays listed.
    const off = await call('PATCH', `endpoints/${endpoint.id}`, { endpoint: { enabled: false } });
    assert.equal(off.body.endpoint.enabled, false);
    assert.equal((await tokenCatalog()).some((s) => s.id === serviceId), false);
  });

  const badEndpoints: [string, Json, number][] = [
    ['enabled as the string "False"', { interface: 'public', url: 'http://a', enabled: 'False' }, 400],
    ['an interface outside public, internal, admin', { interface: 'private', url: 'http://a' }, 400],
    ['no url', { interface: 'public' }, 400],
    ['an unknown service_id', { interface: 'public', url: 'http://a', service_id: 'nope' }, 400],
    ['an unknown region_id', { interface: 'public', url: 'http://a', region_id: 'Nowhere' }, 400],
  ];
  for (const [what, body, status] of badEndpoints) {
    it(`When an endpoint is created with ${what}, then ${status} and nothing is stored`, async () => {
      const serviceId = await newService();
      const res = await call('POST', 'endpoints', { endpoint: { service_id: serviceId, ...body } });
      assert.equal(res.status, status, JSON.stringify(res.body));
      assert.deepEqual((await call('GET', `endpoints?service_id=${serviceId}`)).body.endpoints, []);
    });
  }

  it('When an endpoint is updated with enabled "True", then 400', async () => {
    const serviceId = await newService();
    const { endpoint } = await created('endpoints', { endpoint: { service_id: serviceId, interface: 'admin', url: 'http://a' } });
    assert.equal((await call('PATCH', `endpoints/${endpoint.id}`, { endpoint: { enabled: 'True' } })).status, 400);
  });

  it('When a service is deleted, then its endpoints go with it', async () => {
    const serviceId = await newService();
    const { endpoint } = await created('endpoints', { endpoint: { service_id: serviceId, interface: 'internal', url: 'http://a' } });
    assert.equal((await call('DELETE', `services/${serviceId}`)).status, 204);
    assert.equal((await call('GET', `services/${serviceId}`)).status, 404);
    assert.equal((await call('GET', `endpoints/${endpoint.id}`)).status, 404);
  });

  it('When regions form a hierarchy, then the filter, the parent checks and the recursive delete follow Keystone', async () => {
    const parent = (await created('regions', { region: { description: 'p' } })).region;
    const other = (await created('regions', { region: { description: 'o' } })).region;
    const child = (await created('regions', { region: { description: 'c', parent_region_id: parent.id } })).region;
    assert.deepEqual((await call('GET', `regions?parent_region_id=${parent.id}`)).body.regions, [child]);
    assert.deepEqual((await call('GET', 'regions')).body.regions.filter((r: Json) => [parent.id, other.id].includes(r.id)), [parent, other]);
    const moved = await call('PATCH', `regions/${child.id}`, { region: { parent_region_id: other.id, description: 'c2' } });
    assert.equal(moved.body.region.parent_region_id, other.id);
    assert.equal((await call('PATCH', `regions/${other.id}`, { region: { parent_region_id: child.id } })).status, 400);
    assert.equal((await call('POST', 'regions', { region: { parent_region_id: 'Nowhere' } })).status, 404);
    assert.equal((await call('PUT', `regions/${child.id}`, { region: {} })).status, 409);
    assert.equal((await call('DELETE', `regions/${other.id}`)).status, 204);
    assert.equal((await call('GET', `regions/${child.id}`)).status, 404);
  });

  it('When a region is created with PUT, then it has the path\'s id; a different id in the body is 400', async () => {
    const put = await call('PUT', 'regions/Chosen-1', { region: { description: 'x' } });
    assert.equal(put.status, 201);
    assert.equal(put.body.region.id, 'Chosen-1');
    assert.equal((await call('PUT', 'regions/Chosen-2', { region: { id: 'Other' } })).status, 400);
  });

  it('When a region (or a child of it) still has endpoints, then deleting it is 403', async () => {
    const top = (await created('regions', { region: {} })).region;
    const below = (await created('regions', { region: { parent_region_id: top.id } })).region;
    const serviceId = await newService();
    await created('endpoints', { endpoint: { service_id: serviceId, interface: 'public', url: 'http://a', region_id: below.id } });
    const res = await call('DELETE', `regions/${top.id}`);
    assert.equal(res.status, 403);
    assert.match(res.body.error.message, /associated endpoints/);
  });

  it('When a member writes the catalog, then 403 by policy', async () => {
    assert.equal((await call('POST', 'services', { service: { type: 'x' } }, member)).status, 403);
    assert.equal((await call('POST', 'regions', { region: {} }, member)).status, 403);
  });

  it('When endpoint groups are created, listed, checked, updated and deleted, then Keystone\'s documents; an unknown filter is 400', async () => {
    const serviceId = await newService();
    const { endpoint_group: group } = await created('OS-EP-FILTER/endpoint_groups', { endpoint_group: { name: 'g', description: 'd', filters: { service_id: serviceId } } });
    assert.ok((await call('GET', 'OS-EP-FILTER/endpoint_groups')).body.endpoint_groups.some((g: Json) => JSON.stringify(g) === JSON.stringify(group)));
    const head = await fetch(`${w.url}/identity/v3/OS-EP-FILTER/endpoint_groups/${group.id}`, { method: 'HEAD', headers: { 'X-Auth-Token': admin } });
    assert.equal(head.status, 200);
    const updated = await call('PATCH', `OS-EP-FILTER/endpoint_groups/${group.id}`, { endpoint_group: { name: 'g2', filters: { interface: 'admin' } } });
    assert.deepEqual([updated.body.endpoint_group.name, updated.body.endpoint_group.filters], ['g2', { interface: 'admin' }]);
    assert.equal((await call('POST', 'OS-EP-FILTER/endpoint_groups', { endpoint_group: { name: 'bad', filters: { colour: 'red' } } })).status, 400);
    assert.equal((await call('DELETE', `OS-EP-FILTER/endpoint_groups/${group.id}`)).status, 204);
    assert.equal((await call('GET', `OS-EP-FILTER/endpoint_groups/${group.id}`)).status, 404);
  });

  it('When policies are created, updated, filtered and deleted, then their blob and type are kept as given', async () => {
    const { policy } = await created('policies', { policy: { blob: '{"a": 1}', type: 'application/json' } });
    const updated = await call('PATCH', `policies/${policy.id}`, { policy: { type: 'text/plain' } });
    assert.deepEqual([updated.body.policy.blob, updated.body.policy.type], ['{"a": 1}', 'text/plain']);
    assert.deepEqual((await call('GET', 'policies?type=text/plain')).body.policies.map((p: Json) => p.id), [policy.id]);
    assert.equal((await call('POST', 'policies', { policy: { type: 'x' } })).status, 400);
    assert.equal((await call('DELETE', `policies/${policy.id}`)).status, 204);
    assert.equal((await call('GET', `policies/${policy.id}`)).status, 404);
  });
});
