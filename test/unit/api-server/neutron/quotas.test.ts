// Neutron's quotas through the whole app: the API (limits, defaults, details, the admin's list,
// update with Neutron's value checks, reset, who may read whose) and admission (each counted
// create claims 1 before its CR exists and gives it back on delete or failure; 409 OverQuota).
import assert from 'node:assert/strict';
import { NEUTRON_DEFAULTS } from '../../../../api-server/src/quota/quota.defaults.js';
import { call, serveApp, type AppWorld } from '../app-fixture.js';

const QUOTAS = '/network/v2.0/quotas';

describe('Neutron quotas', function () {
  this.timeout(60_000);
  let w: AppWorld;
  let alice: string;
  let admin: string;
  let demo: string;
  let netId: string;
  before(async () => {
    w = await serveApp();
    alice = await w.login('alice', 'demo');
    admin = await w.login('admin', 'admin');
    demo = w.ids.projects.demo;
    netId = (await call(w.url, alice, 'POST', '/network/v2.0/networks', { network: { name: 'q-net' } })).json.network.id;
    await call(w.url, alice, 'POST', '/network/v2.0/subnets', { subnet: { network_id: netId, ip_version: 4, cidr: '10.1.0.0/24' } });
  });
  after(() => w.close());

  const setQuota = (quota: object): ReturnType<typeof call> => call(w.url, admin, 'PUT', `${QUOTAS}/${demo}`, { quota });
  const details = async (): Promise<Record<string, { used: number; limit: number; reserved: number }>> => (await call(w.url, alice, 'GET', `${QUOTAS}/${demo}/details.json`)).json.quota;
  const createPort = (name: string): ReturnType<typeof call> => call(w.url, alice, 'POST', '/network/v2.0/ports', { port: { network_id: netId, name } });
  const demoPorts = async (): Promise<{ id: string; name: string }[]> => (await call(w.url, alice, 'GET', '/network/v2.0/ports')).json.ports;

  it('When a project has set nothing, then its quota and defaults are Neutron\'s defaults, and its details count what it made', async () => {
    const shown = await call(w.url, alice, 'GET', `${QUOTAS}/${demo}`);
    assert.equal(shown.status, 200, shown.text);
    assert.deepEqual(shown.json.quota, NEUTRON_DEFAULTS);
    assert.deepEqual((await call(w.url, alice, 'GET', `${QUOTAS}/${demo}/default`)).json.quota, NEUTRON_DEFAULTS);
    const d = await details();
    assert.deepEqual(d.network, { used: 1, limit: 100, reserved: 0 });
    assert.deepEqual(d.subnet, { used: 1, limit: 100, reserved: 0 });
  });

  it('When a member asks for another project\'s quota, then 403 PolicyNotAuthorized; the admin may read any', async () => {
    const other = await call(w.url, alice, 'GET', `${QUOTAS}/${w.ids.projects.admin}`);
    assert.equal(other.status, 403);
    assert.equal(other.json.NeutronError.type, 'PolicyNotAuthorized');
    assert.equal((await call(w.url, admin, 'GET', `${QUOTAS}/${demo}/details`)).status, 200);
    assert.equal((await call(w.url, alice, 'PUT', `${QUOTAS}/${demo}`, { quota: { port: 1 } })).status, 403);
  });

  const badValues: { reason: string; quota: object; message: RegExp }[] = [
    { reason: 'a value below -1', quota: { port: -2 }, message: /'-2' is not in range -1 through 2147483647/ },
    { reason: 'a value that is not an integer', quota: { port: 'many' }, message: /'many' is not an integer/ },
    { reason: 'an unknown resource', quota: { trunk: 3 }, message: /./ },
  ];
  for (const c of badValues) {
    it(`When an update has ${c.reason}, then 400 and the limits are unchanged`, async () => {
      const res = await setQuota(c.quota);
      assert.equal(res.status, 400, res.text);
      assert.match(res.json.NeutronError.message, c.message);
      assert.equal((await details()).port.limit, NEUTRON_DEFAULTS.port);
    });
  }

  it('When the admin sets port to "3" (a digit string), then it is 3 for the project, listed among non-default quotas', async () => {
    const res = await setQuota({ port: '3', network: 5 });
    assert.equal(res.status, 200, res.text);
    assert.equal(res.json.quota.port, 3);
    assert.equal(res.json.quota.network, 5);
    assert.equal(res.json.quota.subnet, NEUTRON_DEFAULTS.subnet);
    const listed = (await call(w.url, admin, 'GET', QUOTAS)).json.quotas;
    assert.deepEqual(listed.map((q: { project_id: string; port: number }) => [q.project_id, q.port]), [[demo, 3]]);
  });

  it('When ports fill the quota, then the next is 409 OverQuota naming port; a delete makes room again', async () => {
    for (const name of ['a', 'b', 'c']) assert.equal((await createPort(name)).status, 201);
    const refused = await createPort('d');
    assert.equal(refused.status, 409);
    assert.deepEqual(refused.json, { NeutronError: { type: 'OverQuota', message: "Quota exceeded for resources: ['port'].", detail: '' } });
    assert.deepEqual((await details()).port, { used: 3, limit: 3, reserved: 0 });
    assert.equal((await demoPorts()).length, 3);
    assert.equal((await call(w.url, alice, 'DELETE', `/network/v2.0/ports/${(await demoPorts())[0].id}`)).status, 204);
    assert.equal((await details()).port.used, 2);
    assert.equal((await createPort('e')).status, 201);
  });

  it('When check_limit is set and the new limit is below what is in use, then 400 and nothing changes', async () => {
    const res = await setQuota({ port: 1, check_limit: true });
    assert.equal(res.status, 400, res.text);
    assert.equal((await details()).port.limit, 3);
  });

  it('When a bulk create has room for only part of it, then 409 and none of its ports is left', async () => {
    await setQuota({ port: 4 });
    const bulk = await call(w.url, alice, 'POST', '/network/v2.0/ports', { ports: [{ network_id: netId, name: 'x' }, { network_id: netId, name: 'y' }] });
    assert.equal(bulk.status, 409);
    assert.equal(bulk.json.NeutronError.type, 'OverQuota');
    assert.equal((await demoPorts()).length, 3);
    assert.equal((await details()).port.used, 3);
  });

  it('When twenty ports are created at once with room for two, then exactly two are made and counted', async () => {
    await setQuota({ port: 5 });
    const results = await Promise.all(Array.from({ length: 20 }, (_, i) => createPort(`race-${i}`)));
    assert.equal(results.filter((r) => r.status === 201).length, 2);
    assert.ok(results.every((r) => r.status === 201 || (r.status === 409 && r.json.NeutronError.type === 'OverQuota')));
    assert.equal((await demoPorts()).length, 5);
    assert.equal((await details()).port.used, 5);
  });

  it('When a security group is made, then it and its two egress rules count; a rule past the limit is 409 and its delete frees one', async () => {
    const before = await details();
    assert.equal(before.security_group.used, 1, 'the project\'s default group');
    assert.equal(before.security_group_rule.used, 4, 'the default group\'s four rules');
    await setQuota({ security_group_rule: 6 });
    const sg = await call(w.url, alice, 'POST', '/network/v2.0/security-groups', { security_group: { name: 'web' } });
    assert.equal(sg.status, 201, sg.text);
    const rule = { security_group_id: sg.json.security_group.id, direction: 'ingress', ethertype: 'IPv4', protocol: 'tcp', port_range_min: 22, port_range_max: 22 };
    const refused = await call(w.url, alice, 'POST', '/network/v2.0/security-group-rules', { security_group_rule: rule });
    assert.equal(refused.status, 409);
    assert.equal(refused.json.NeutronError.message, "Quota exceeded for resources: ['security_group_rule'].");
    const egress = sg.json.security_group.security_group_rules[0].id;
    assert.equal((await call(w.url, alice, 'DELETE', `/network/v2.0/security-group-rules/${egress}`)).status, 204);
    assert.equal((await call(w.url, alice, 'POST', '/network/v2.0/security-group-rules', { security_group_rule: rule })).status, 201);
    assert.equal((await call(w.url, alice, 'DELETE', `/network/v2.0/security-groups/${sg.json.security_group.id}`)).status, 204);
    const after = await details();
    assert.deepEqual([after.security_group.used, after.security_group_rule.used], [1, 4]);
  });

  it('When a network past the limit is asked for, then 409 OverQuota naming network and no network is made', async () => {
    await setQuota({ network: 1 });
    const res = await call(w.url, alice, 'POST', '/network/v2.0/networks', { network: { name: 'one-too-many' } });
    assert.equal(res.status, 409);
    assert.equal(res.json.NeutronError.message, "Quota exceeded for resources: ['network'].");
    const names = (await call(w.url, alice, 'GET', '/network/v2.0/networks')).json.networks.map((n: { name: string }) => n.name);
    assert.equal(names.includes('one-too-many'), false);
  });

  it('When the admin deletes the project\'s quota, then 204, the defaults apply again and the list no longer names it', async () => {
    const res = await call(w.url, admin, 'DELETE', `${QUOTAS}/${demo}`);
    assert.equal(res.status, 204);
    assert.deepEqual((await call(w.url, alice, 'GET', `${QUOTAS}/${demo}`)).json.quota, NEUTRON_DEFAULTS);
    assert.deepEqual((await call(w.url, admin, 'GET', QUOTAS)).json.quotas, []);
    assert.equal((await details()).port.used, 5, 'the claims stay');
  });

  it('When the extensions are listed, then quotas and quota_details are there', async () => {
    const aliases = (await call(w.url, alice, 'GET', '/network/v2.0/extensions')).json.extensions.map((e: { alias: string }) => e.alias);
    for (const alias of ['quotas', 'quota_details', 'quota-check-limit']) assert.ok(aliases.includes(alias), alias);
  });
});
