// A server's networking from the Nova side, through the whole app: os-security-groups (the groups
// of its ports, in Nova's format), the addSecurityGroup/removeSecurityGroup actions (applied to
// every port), and os-interface (list, show, attach by network or port, detach; refused while the
// server is building).
import assert from 'node:assert/strict';
import { Resources } from '../../../../crds/resources.js';
import { projectNamespace } from '../../../../crds/naming.js';
import type { Port, Server } from '../../../../crds/types.generated.js';
import { call, IMAGE_ID, serveApp, type AppWorld } from '../app-fixture.js';

const NET = '/network/v2.0';

describe('Nova server networking (os-security-groups, security group actions, os-interface)', () => {
  let w: AppWorld;
  let alice: string;
  let net: string;
  let server: string;
  const servers = (path = ''): string => `/compute/v2.1/servers/${server}${path}`;
  const portOf = async (id: string): Promise<{ security_groups: string[]; device_id: string }> => (await call(w.url, alice, 'GET', `${NET}/ports/${id}`)).json.port;
  const firstPort = async (): Promise<string> => (await call(w.url, alice, 'GET', `${NET}/ports?device_id=${server}`)).json.ports[0].id;

  async function setStatus(status: string): Promise<void> {
    const ns = projectNamespace(w.ids.projects.demo);
    const cur = w.kube.peek<Server>(Resources.Server, server, ns)!;
    await w.kube.replaceStatus(Resources.Server, { ...cur, status: { ...cur.status, status, vmState: status === 'ACTIVE' ? 'active' : 'building' } });
    // The API reads its informer cache, which sees the write a moment later.
    for (const end = Date.now() + 5_000; Date.now() < end; await new Promise((r) => setTimeout(r, 10))) {
      if ((await call(w.url, alice, 'GET', servers())).json.server.status === status) return;
    }
    throw new Error(`the API never saw status ${status}`);
  }

  before(async () => {
    w = await serveApp();
    alice = await w.login('alice', 'demo');
    net = (await call(w.url, alice, 'POST', `${NET}/networks`, { network: { name: 'private' } })).json.network.id;
    // Random allocations come from .100 up, so the fixed address a test asks for (.77) is never taken by chance.
    await call(w.url, alice, 'POST', `${NET}/subnets`, { subnet: { network_id: net, ip_version: 4, cidr: '10.0.0.0/24', allocation_pools: [{ start: '10.0.0.100', end: '10.0.0.250' }] } });
    const web = (await call(w.url, alice, 'POST', `${NET}/security-groups`, { security_group: { name: 'web' } })).json.security_group.id;
    await call(w.url, alice, 'POST', `${NET}/security-group-rules`, { security_group_rule: { security_group_id: web, direction: 'ingress', protocol: 'tcp', port_range_min: 22, port_range_max: 22, remote_ip_prefix: '0.0.0.0/0' } });
    const res = await call(w.url, alice, 'POST', '/compute/v2.1/servers', { server: { name: 'vm', flavorRef: '1', imageRef: IMAGE_ID, networks: [{ uuid: net }], security_groups: [{ name: 'web' }] } });
    assert.equal(res.status, 202, res.text);
    server = res.json.server.id;
  });
  after(() => w.close());

  it('When os-security-groups is read, then it lists the groups of the server\'s ports with their ingress rules, as Nova shows them', async () => {
    const res = await call(w.url, alice, 'GET', servers('/os-security-groups'));
    assert.equal(res.status, 200, res.text);
    const [web] = res.json.security_groups;
    assert.equal(res.json.security_groups.length, 1);
    assert.equal(web.name, 'web');
    assert.deepEqual(web.rules.map((r: { ip_protocol: string; from_port: number; to_port: number; ip_range: object }) => [r.ip_protocol, r.from_port, r.to_port, r.ip_range]), [['tcp', 22, 22, { cidr: '0.0.0.0/0' }]], 'the egress rules are not shown');
  });

  it('When addSecurityGroup names a group, then every port has it and the server lists it; twice is 400; an unknown one 404', async () => {
    const add = await call(w.url, alice, 'POST', servers('/action'), { addSecurityGroup: { name: 'default' } });
    assert.equal(add.status, 202, add.text);
    const port = await portOf(await firstPort());
    assert.equal(port.security_groups.length, 2);
    const shown = (await call(w.url, alice, 'GET', servers())).json.server;
    assert.deepEqual(shown.security_groups.map((g: { name: string }) => g.name).sort(), ['default', 'web']);
    assert.equal((await call(w.url, alice, 'POST', servers('/action'), { addSecurityGroup: { name: 'default' } })).status, 400);
    assert.equal((await call(w.url, alice, 'POST', servers('/action'), { addSecurityGroup: { name: 'nope' } })).status, 404);
  });

  it('When removeSecurityGroup names a group, then the ports lose it; when it is not there, 400; an unknown action is 400', async () => {
    assert.equal((await call(w.url, alice, 'POST', servers('/action'), { removeSecurityGroup: { name: 'default' } })).status, 202);
    const port = await portOf(await firstPort());
    assert.equal(port.security_groups.length, 1);
    assert.equal((await call(w.url, alice, 'POST', servers('/action'), { removeSecurityGroup: { name: 'default' } })).status, 400);
    const unknown = await call(w.url, alice, 'POST', servers('/action'), { frobnicate: {} });
    assert.equal(unknown.status, 400);
    assert.match(unknown.json.badRequest.message, /There is no such action: frobnicate/);
    assert.equal((await call(w.url, alice, 'POST', servers('/action'), { addSecurityGroup: { nom: 'x' } })).status, 400, 'a bad action body');
    assert.equal((await call(w.url, alice, 'POST', '/compute/v2.1/servers/00000000-0000-4000-8000-000000000000/action', { 'os-stop': null })).status, 404, 'an unknown server first');
  });

  it('When an interface is attached while the server builds, then 409; once ACTIVE, a new port on the network is attached and listed', async () => {
    assert.equal((await call(w.url, alice, 'POST', servers('/os-interface'), { interfaceAttachment: { net_id: net } })).status, 409);
    await setStatus('ACTIVE');
    const res = await call(w.url, alice, 'POST', servers('/os-interface'), { interfaceAttachment: { net_id: net, fixed_ips: [{ ip_address: '10.0.0.77' }] } });
    assert.equal(res.status, 200, res.text);
    const att = res.json.interfaceAttachment;
    assert.deepEqual([att.net_id, att.fixed_ips[0].ip_address], [net, '10.0.0.77']);
    assert.equal((await portOf(att.port_id)).device_id, server);
    assert.deepEqual((await portOf(att.port_id)).security_groups.length, 1, 'the server\'s groups');
    const list = (await call(w.url, alice, 'GET', servers('/os-interface'))).json.interfaceAttachments;
    assert.equal(list.length, 2);
    assert.equal((await call(w.url, alice, 'GET', servers(`/os-interface/${att.port_id}`))).json.interfaceAttachment.mac_addr, att.mac_addr);
  });

  it('When an interface Nova made is detached, then its port is deleted; the user\'s own port is unbound and kept', async () => {
    const list = (await call(w.url, alice, 'GET', servers('/os-interface'))).json.interfaceAttachments as { port_id: string }[];
    const made = list.find((a) => a.port_id !== list[0].port_id)!.port_id;
    assert.equal((await call(w.url, alice, 'DELETE', servers(`/os-interface/${made}`))).status, 202);
    assert.equal((await call(w.url, alice, 'GET', `${NET}/ports/${made}`)).status, 404);
    const own = (await call(w.url, alice, 'POST', `${NET}/ports`, { port: { network_id: net } })).json.port.id;
    assert.equal((await call(w.url, alice, 'POST', servers('/os-interface'), { interfaceAttachment: { port_id: own } })).status, 200);
    assert.equal((await call(w.url, alice, 'DELETE', servers(`/os-interface/${own}`))).status, 202);
    assert.equal((await portOf(own)).device_id, '', 'unbound, not deleted');
    assert.equal(w.kube.peek<Port>(Resources.Port, own, projectNamespace(w.ids.projects.demo)) !== undefined, true);
  });

  it('When the request is wrong, then Nova\'s 400 and 404s', async () => {
    assert.equal((await call(w.url, alice, 'POST', servers('/os-interface'), { interfaceAttachment: { net_id: net, port_id: 'x' } })).status, 400);
    assert.equal((await call(w.url, alice, 'POST', servers('/os-interface'), { interfaceAttachment: { fixed_ips: [{ ip_address: '10.0.0.9' }] } })).status, 400);
    assert.equal((await call(w.url, alice, 'GET', servers('/os-interface/not-attached'))).status, 404);
    assert.equal((await call(w.url, alice, 'DELETE', servers('/os-interface/not-attached'))).status, 404);
    assert.equal((await call(w.url, alice, 'POST', servers('/os-interface'), { interfaceAttachment: { net_id: '00000000-0000-4000-8000-000000000000' } })).status, 404);
  });

  it('When the os-security-groups proxy is read, then it lists the project\'s groups and shows one by id; another id is 404', async () => {
    const list = (await call(w.url, alice, 'GET', '/compute/v2.1/os-security-groups')).json.security_groups as { id: string; name: string }[];
    const web = list.find((g) => g.name === 'web')!;
    assert.ok(web);
    const shown = await call(w.url, alice, 'GET', `/compute/v2.1/os-security-groups/${web.id}`);
    assert.equal(shown.json.security_group.name, 'web');
    assert.equal((await call(w.url, alice, 'GET', '/compute/v2.1/os-security-groups/nope')).status, 404);
  });
});
