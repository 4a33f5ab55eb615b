// Neutron security groups and rules through the whole app: the default group on first use, the
// egress rules every group starts with, rule validation, duplicates refused atomically, and the
// groups a port gets.
import assert from 'node:assert/strict';
import { call, serveApp, type AppWorld } from '../app-fixture.js';

const SGS = '/network/v2.0/security-groups';
const RULES = '/network/v2.0/security-group-rules';

type RuleBody = { direction: string; ethertype: string; remote_group_id: string | null; protocol: string | null; port_range_min: number | null; port_range_max: number | null };

describe('Neutron security groups', () => {
  let w: AppWorld;
  let alice: string;
  let admin: string;
  let web: string;
  before(async () => {
    w = await serveApp();
    alice = await w.login('alice', 'demo');
    admin = await w.login('admin', 'admin');
  });
  after(() => w.close());

  const rule = (r: object): ReturnType<typeof call> => call(w.url, alice, 'POST', RULES, { security_group_rule: { security_group_id: web, ...r } });

  it('When a project first lists its groups, then its default group is there with egress rules and ingress from its own members', async () => {
    const res = await call(w.url, alice, 'GET', SGS);
    assert.equal(res.status, 200);
    const defaults = res.json.security_groups.filter((g: { name: string }) => g.name === 'default');
    assert.equal(defaults.length, 1);
    const rules: RuleBody[] = defaults[0].security_group_rules;
    assert.deepEqual(rules.map((r) => `${r.direction} ${r.ethertype} ${r.remote_group_id === defaults[0].id ? 'self' : String(r.remote_group_id)}`).sort(),
      ['egress IPv4 null', 'egress IPv6 null', 'ingress IPv4 self', 'ingress IPv6 self']);
    const again = await call(w.url, alice, 'GET', SGS);
    assert.equal(again.json.security_groups.filter((g: { name: string }) => g.name === 'default').length, 1, 'made once');
  });

  it('When a group is created, then it has exactly the two egress rules; another default is 409', async () => {
    const res = await call(w.url, alice, 'POST', SGS, { security_group: { name: 'web', description: 'http' } });
    assert.equal(res.status, 201, res.text);
    web = res.json.security_group.id;
    const rules: RuleBody[] = res.json.security_group.security_group_rules;
    assert.deepEqual(rules.map((r) => `${r.direction} ${r.ethertype} ${String(r.protocol)}`).sort(), ['egress IPv4 null', 'egress IPv6 null']);
    assert.equal((await call(w.url, alice, 'POST', SGS, { security_group: { name: 'default' } })).status, 409);
    const renamed = await call(w.url, alice, 'PUT', `${SGS}/${web}`, { security_group: { name: 'default' } });
    assert.equal(renamed.status, 409, 'no other group may be named default');
    assert.equal(renamed.json.NeutronError.type, 'SecurityGroupDefaultAlreadyExists');
  });

  it('When the CLI adds an SSH rule, then it is stored and listed; the same rule again is 409 SecurityGroupRuleExists', async () => {
    const ssh = { direction: 'ingress', ethertype: 'IPv4', protocol: 'tcp', port_range_min: 22, port_range_max: 22, remote_ip_prefix: '0.0.0.0/0' };
    const res = await rule(ssh);
    assert.equal(res.status, 201, res.text);
    assert.equal(res.json.security_group_rule.protocol, 'tcp');
    assert.equal(res.json.security_group_rule.security_group_id, web);
    const dup = await rule({ ...ssh, description: 'again' });
    assert.equal(dup.status, 409);
    assert.equal(dup.json.NeutronError.type, 'SecurityGroupRuleExists');
    assert.match(dup.json.NeutronError.message, new RegExp(res.json.security_group_rule.id));
    const listed = await call(w.url, alice, 'GET', `${RULES}?security_group_id=${web}&direction=ingress`);
    assert.deepEqual(listed.json.security_group_rules.map((r: { id: string }) => r.id), [res.json.security_group_rule.id]);
    const shown = (await call(w.url, alice, 'GET', `${SGS}/${web}`)).json.security_group;
    assert.equal(shown.security_group_rules.length, 3);
  });

  it('When the same rule is created five times at once, then one is made and four are 409', async () => {
    const icmp = { direction: 'ingress', protocol: 'icmp', remote_ip_prefix: '10.0.0.0/8' };
    const results = await Promise.all(Array.from({ length: 5 }, () => rule(icmp)));
    assert.deepEqual(results.map((r) => r.status).sort(), [201, 409, 409, 409, 409]);
  });

  const bad: { name: string; r: object; status: number }[] = [
    { name: 'an unknown direction', r: { direction: 'sideways' }, status: 400 },
    { name: 'an unknown protocol', r: { direction: 'ingress', protocol: 'carrier-pigeon' }, status: 400 },
    { name: 'ports without a protocol', r: { direction: 'ingress', port_range_min: 80 }, status: 400 },
    { name: 'ports on a protocol without them', r: { direction: 'ingress', protocol: 'gre', port_range_min: 1 }, status: 400 },
    { name: 'a minimum above the maximum', r: { direction: 'ingress', protocol: 'tcp', port_range_min: 90, port_range_max: 80 }, status: 400 },
    { name: 'a TCP maximum without a minimum', r: { direction: 'ingress', protocol: 'tcp', port_range_max: 6 }, status: 400 },
    { name: 'an ICMP type above 255', r: { direction: 'ingress', protocol: 'icmp', port_range_min: 300 }, status: 400 },
    { name: 'both remotes', r: { direction: 'ingress', remote_ip_prefix: '10.0.0.0/8', remote_group_id: 'x' }, status: 400 },
    { name: 'an IPv6 prefix on an IPv4 rule', r: { direction: 'ingress', ethertype: 'IPv4', remote_ip_prefix: '2001:db8::/64' }, status: 400 },
    { name: 'an unknown remote group', r: { direction: 'ingress', remote_group_id: '00000000-0000-0000-0000-000000000000' }, status: 404 },
  ];
  for (const c of bad) {
    it(`When a rule has ${c.name}, then ${c.status} and the group is unchanged`, async () => {
      const before = (await call(w.url, alice, 'GET', `${SGS}/${web}`)).json.security_group.revision_number;
      const res = await rule(c.r);
      assert.equal(res.status, c.status, res.text);
      assert.ok(res.json.NeutronError);
      assert.equal((await call(w.url, alice, 'GET', `${SGS}/${web}`)).json.security_group.revision_number, before);
    });
  }

  it('When a TCP rule gives only a minimum, then it means that one port; protocol numbers are kept as numbers', async () => {
    const one = await rule({ direction: 'ingress', protocol: 'tcp', port_range_min: 443 });
    assert.equal(one.json.security_group_rule.port_range_max, 443);
    const num = await rule({ direction: 'ingress', protocol: '132' });
    assert.equal(num.json.security_group_rule.protocol, '132');
  });

  it('When a port is created without groups, then it gets the default group; with a group, that one; the group in use cannot go', async () => {
    const net = (await call(w.url, alice, 'POST', '/network/v2.0/networks', { network: { name: 'n' } })).json.network.id;
    await call(w.url, alice, 'POST', '/network/v2.0/subnets', { subnet: { network_id: net, ip_version: 4, cidr: '10.1.0.0/24' } });
    const defaultId = (await call(w.url, alice, 'GET', `${SGS}?name=default`)).json.security_groups[0].id;
    const plain = await call(w.url, alice, 'POST', '/network/v2.0/ports', { port: { network_id: net } });
    assert.deepEqual(plain.json.port.security_groups, [defaultId]);
    const withWeb = await call(w.url, alice, 'POST', '/network/v2.0/ports', { port: { network_id: net, security_groups: [web] } });
    assert.deepEqual(withWeb.json.port.security_groups, [web]);
    const insecure = await call(w.url, alice, 'POST', '/network/v2.0/ports', { port: { network_id: net, port_security_enabled: false } });
    assert.deepEqual(insecure.json.port.security_groups, []);
    const inUse = await call(w.url, alice, 'DELETE', `${SGS}/${web}`);
    assert.equal(inUse.status, 409);
    assert.equal(inUse.json.NeutronError.type, 'SecurityGroupInUse');
    assert.equal((await call(w.url, alice, 'DELETE', `${SGS}/${defaultId}`)).status, 409, 'the project may not delete its default group');
  });

  it('When a rule is deleted, then it is gone from its group; another project cannot see the group', async () => {
    const r = (await rule({ direction: 'egress', protocol: 'udp', port_range_min: 53, port_range_max: 53 })).json.security_group_rule.id;
    assert.equal((await call(w.url, alice, 'DELETE', `${RULES}/${r}`)).status, 204);
    assert.equal((await call(w.url, alice, 'GET', `${RULES}/${r}`)).status, 404);
    assert.equal((await call(w.url, admin, 'GET', `${SGS}/${web}`)).status, 200, 'an admin sees it');
    const adminGroup = (await call(w.url, admin, 'POST', SGS, { security_group: { name: 'ops' } })).json.security_group.id;
    const hidden = await call(w.url, alice, 'GET', `${SGS}/${adminGroup}`);
    assert.equal(hidden.status, 404);
    assert.equal(hidden.json.NeutronError.type, 'SecurityGroupNotFound');
  });
});
