// The project's default security group is made on first use; when many first uses race (ports
// created at once in a project that has none yet), they make one group and its four rules count
// once: the racers claim the same keys, so none is refused over security_group_rule.
import assert from 'node:assert/strict';
import { ensureDefaultGroup } from '../../../../api-server/src/services/neutron/security-groups/security-groups.access.js';
import { call, serveApp, type AppWorld } from '../app-fixture.js';

const RACERS = 20;

describe('Neutron default security group: racing first uses', function () {
  this.timeout(60_000);
  let w: AppWorld;
  let alice: string;
  let admin: string;
  before(async () => {
    w = await serveApp();
    alice = await w.login('alice', 'demo');
    admin = await w.login('admin', 'admin');
  });
  after(() => w.close());

  it(`When ${RACERS} ports are created at once in a project with no default group and room for its four rules only, then all are 201 and one group with four rules is counted`, async () => {
    const demo = w.ids.projects.demo;
    const net = (await call(w.url, alice, 'POST', '/network/v2.0/networks', { network: { name: 'race-net' } })).json.network.id;
    const put = await call(w.url, admin, 'PUT', `/network/v2.0/quotas/${demo}`, { quota: { security_group: 1, security_group_rule: 4 } });
    assert.equal(put.status, 200, put.text);
    const answers = await Promise.all(Array.from({ length: RACERS }, (_, i) => call(w.url, alice, 'POST', '/network/v2.0/ports', { port: { network_id: net, name: `p${i}` } })));
    assert.deepEqual(answers.map((a) => a.status), Array.from({ length: RACERS }, () => 201), answers.find((a) => a.status !== 201)?.text);
    const groups = new Set(answers.map((a) => JSON.stringify(a.json.port.security_groups)));
    assert.equal(groups.size, 1, 'every port has the same default group');
    const details = (await call(w.url, alice, 'GET', `/network/v2.0/quotas/${demo}/details`)).json.quota;
    assert.deepEqual([details.security_group.used, details.security_group_rule.used, details.port.used], [1, 4, RACERS]);
    const shown = (await call(w.url, alice, 'GET', '/network/v2.0/security-groups?name=default')).json.security_groups;
    assert.equal(shown.length, 1);
    assert.equal(shown[0].security_group_rules.length, 4);
  });

  it(`When ${RACERS} callers make the admin project's default group at the same moment (none has seen it yet) with room for four rules, then all get the one group and four rules are counted`, async () => {
    const project = w.ids.projects.admin;
    const put = await call(w.url, admin, 'PUT', `/network/v2.0/quotas/${project}`, { quota: { security_group: 1, security_group_rule: 4 } });
    assert.equal(put.status, 200, put.text);
    const groups = await Promise.all(Array.from({ length: RACERS }, () => ensureDefaultGroup(w.stores, project)));
    assert.equal(new Set(groups.map((g) => g.metadata.name)).size, 1);
    const details = (await call(w.url, admin, 'GET', `/network/v2.0/quotas/${project}/details`)).json.quota;
    assert.deepEqual([details.security_group.used, details.security_group_rule.used], [1, 4]);
  });
});
