// The Helm chart on the real cluster: it lints, installs, and its RBAC is enough (and no more):
// the operator, API server and seed run here in-process under tokens of the chart's own
// ServiceAccounts and still take a server from POST to ACTIVE to gone.
import assert from 'node:assert/strict';
import { randomBytes } from 'node:crypto';
import { readFileSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import { KubeConfig } from '@kubernetes/client-node';
import { Registry } from 'prom-client';
import { HttpKubeClient, loadKubeConfig } from '../../crds/client/http-client.js';
import { startOperator, type RunningOperator } from '../../operator/src/operator.js';
import { startApiServer, type RunningApiServer } from '../../api-server/src/server.js';
import { seed } from '../../api-server/src/bootstrap/seed.js';
import { defaultSeedPlan } from '../../api-server/src/bootstrap/seed-plan.js';
import { seedNetworks } from '../../api-server/src/bootstrap/seed-network.js';
import { run, waitFor } from '../../hack/lib/exec.js';
import { passwordLogin } from '../../hack/lib/keystone-login.js';

const root = join(import.meta.dirname, '..', '..');
const chart = join(root, 'charts', 'openstack-sim');
const stateDir = process.env.OPENSTACK_SIM_STATE ?? join(root, '.openstack-sim', 'test');
const adminKubeconfig = join(stateDir, 'kubeconfig');
const quiet = { info: () => undefined, warn: () => undefined, error: () => undefined, debug: () => undefined };

describe('Helm chart (real cluster, chart ServiceAccounts)', () => {
  const release = `it-${randomBytes(3).toString('hex')}`;
  const ns = `openstack-sim-${release}`;
  const fullname = `${release}-openstack-sim`;
  let bin: string;
  let operator: RunningOperator | undefined;
  let apiServer: RunningApiServer | undefined;

  const tool = (name: string, args: string[]): Promise<string> => run(join(bin, name), ['--kubeconfig', adminKubeconfig, ...args], { quiet: true });

  async function clientAs(serviceAccount: string): Promise<HttpKubeClient> {
    const token = (await tool('kubectl', ['-n', ns, 'create', 'token', serviceAccount, '--duration', '1h'])).trim();
    const admin = loadKubeConfig(adminKubeconfig);
    const cluster = admin.getCurrentCluster()!;
    const kc = new KubeConfig();
    kc.loadFromOptions({
      clusters: [{ ...cluster, name: 'local' }],
      users: [{ name: serviceAccount, token }],
      contexts: [{ name: 'sa', cluster: 'local', user: serviceAccount }],
      currentContext: 'sa',
    });
    return new HttpKubeClient(kc);
  }

  before(async function () {
    this.timeout(120_000);
    bin = (await run('bash', [join(root, 'hack/tools/build.sh'), '--with-helm'])).trim();
  });

  after(async function () {
    this.timeout(60_000);
    await apiServer?.stop();
    await operator?.stop();
    await tool('helm', ['uninstall', release, '-n', ns, '--wait']).catch(() => undefined);
    await tool('kubectl', ['delete', 'namespace', ns, '--wait=false']).catch(() => undefined);
  });

  it('When the chart is packaged, then its CRDs are byte-for-byte those in crds/', () => {
    const ours = readdirSync(join(root, 'crds')).filter((f) => f.endsWith('.yaml')).sort();
    assert.deepEqual(readdirSync(join(chart, 'crds')).sort(), ours);
    for (const f of ours) assert.equal(readFileSync(join(chart, 'crds', f), 'utf8'), readFileSync(join(root, 'crds', f), 'utf8'), f);
  });

  it('When linted, then helm finds no error', async () => {
    const out = await run(join(bin, 'helm'), ['lint', chart, '--strict'], { quiet: true });
    assert.match(out, /0 chart\(s\) failed/);
  });

  it('When installed, then the Deployments become available', async function () {
    this.timeout(180_000);
    await tool('helm', ['install', release, chart, '-n', ns, '--create-namespace', '--wait', '--timeout', '2m']);
    const deployments = JSON.parse(await tool('kubectl', ['-n', ns, 'get', 'deployments', '-o', 'json'])) as { items: { metadata: { name: string }; status: { availableReplicas?: number } }[] };
    assert.deepEqual(deployments.items.map((d) => d.metadata.name).sort(), [`${fullname}-api-server`, `${fullname}-operator`]);
    assert.ok(deployments.items.every((d) => d.status.availableReplicas === 1));
    // Glance's image store: a PVC the API server's Pod consumes, so bound (WaitForFirstConsumer).
    const pvc = JSON.parse(await tool('kubectl', ['-n', ns, 'get', 'pvc', `${fullname}-image-store`, '-o', 'json'])) as { status: { phase?: string } };
    assert.equal(pvc.status.phase, 'Bound');
  });

  it('When the API server\'s account asks for Pods or other namespaces\' Secrets, then RBAC says no', async () => {
    const sa = `system:serviceaccount:${ns}:${fullname}-api-server`;
    const can = (args: string[]): Promise<string> => tool('kubectl', ['auth', 'can-i', ...args, '--as', sa]).catch((e: Error) => e.message);
    assert.match(await can(['create', 'pods', '-n', ns]), /no/);
    // A server's console output is its Pod's log: that, and nothing else of Pods.
    assert.match(await can(['get', 'pods', '--subresource=log', '-n', 'default']), /^yes/);
    assert.match(await can(['get', 'pods', '-n', 'default']), /no/);
    assert.match(await can(['get', 'secrets', '-n', 'kube-system']), /no/);
    assert.match(await can(['create', 'servers.openstack.sim', '-n', 'default']), /^yes/);
    // Server actions change the spec; each accepted action is recorded.
    assert.match(await can(['update', 'servers.openstack.sim', '-n', 'default']), /^yes/);
    assert.match(await can(['create', 'instanceactions.openstack.sim', '-n', 'default']), /^yes/);
    assert.match(await can(['update', 'instanceactions.openstack.sim', '--subresource=status', '-n', 'default']), /no/, 'finishing an action is the operator\'s');
    // Expired token revocations are the API server's to sweep.
    assert.match(await can(['delete', 'tokenrevocations.openstack.sim']), /^yes/);
    // Keystone's API deletes users (and their assignments); a server's status is the operator's.
    assert.match(await can(['delete', 'users.openstack.sim']), /^yes/);
    assert.match(await can(['update', 'servers.openstack.sim', '--subresource=status', '-n', 'default']), /no/);
    // os-services cordons Nodes and aggregates label them, by merge patch only; aggregates are one ConfigMap in its namespace.
    assert.match(await can(['patch', 'nodes']), /^yes/);
    assert.match(await can(['update', 'nodes']), /no/);
    assert.match(await can(['delete', 'nodes']), /no/);
    assert.match(await can(['update', 'configmaps', '-n', ns]), /^yes/);
    assert.match(await can(['update', 'configmaps', '-n', 'kube-system']), /no/);
  });

  it('When the operator\'s account writes a config drive Secret, then RBAC lets it create and patch Secrets but never read them', async () => {
    const sa = `system:serviceaccount:${ns}:${fullname}-operator`;
    const can = (args: string[]): Promise<string> => tool('kubectl', ['auth', 'can-i', ...args, '--as', sa]).catch((e: Error) => e.message);
    assert.match(await can(['create', 'secrets', '-n', 'default']), /^yes/);
    assert.match(await can(['patch', 'secrets', '-n', 'default']), /^yes/);
    assert.match(await can(['get', 'secrets', '-n', 'default']), /no/);
    assert.match(await can(['list', 'secrets', '-n', 'kube-system']), /no/);
  });

  it('When seed, operator and API server run as the chart\'s accounts, then DevStack\'s networks are seeded, a server on private goes ACTIVE with a floating IP realized as a Service, and all goes away', async function () {
    this.timeout(180_000);
    const passwords = { admin: randomBytes(12).toString('hex'), demo: randomBytes(12).toString('hex'), alt_demo: randomBytes(12).toString('hex') };
    const ids = await seed(await clientAs(`${fullname}-seed`), ns, defaultSeedPlan(passwords));
    operator = await startOperator({ kube: await clientAs(`${fullname}-operator`), metrics: new Registry(), leaseNamespace: ns, leaderElection: true, log: quiet });
    await operator.leading;
    apiServer = await startApiServer({ kube: await clientAs(`${fullname}-api-server`), config: { publicUrl: '', region: 'RegionOne', systemNamespace: ns, tokenTtlSeconds: 3600 }, host: '127.0.0.1', port: 0, log: quiet });
    const nets = await seedNetworks(apiServer.url, { username: 'admin', password: passwords.admin, project: 'admin' }, { username: 'demo', password: passwords.demo, project: 'demo' });
    const again = await seedNetworks(apiServer.url, { username: 'admin', password: passwords.admin, project: 'admin' }, { username: 'demo', password: passwords.demo, project: 'demo' });
    assert.deepEqual(again, nets, 'seeding twice makes nothing new');
    const { token } = await passwordLogin(`${apiServer.url}/identity`, 'demo', passwords.demo, 'demo');
    const call = async (method: string, path: string, body?: unknown): Promise<Response> =>
      fetch(`${apiServer!.url}${path}`, { method, headers: { 'X-Auth-Token': token, 'Content-Type': 'application/json' }, body: body ? JSON.stringify(body) : undefined });
    let created: Response | undefined;
    let lastAnswer = '';
    const booted = async (): Promise<boolean> => {
      created = await call('POST', '/compute/v2.1/servers', { server: { name: 'rbac-vm', flavorRef: '1', imageRef: ids.imageIds.cirros } });
      lastAnswer = `${created.status} ${await created.clone().text()}`;
      return created.status === 202;
    };
    await waitFor('the demo project to be ready', booted, 30_000).catch((err: Error) => {
      throw new Error(`${err.message}; the last answer: ${lastAnswer}`);
    });
    const id = ((await created!.json()) as { server: { id: string } }).server.id;
    await waitFor('ACTIVE', async () => ((await (await call('GET', `/compute/v2.1/servers/${id}`)).json()) as { server: { status: string } }).server.status === 'ACTIVE', 30_000);
    const port = ((await (await call('GET', `/network/v2.0/ports?device_id=${id}`)).json()) as { ports: { id: string; network_id: string }[] }).ports[0];
    assert.equal(port?.network_id, nets.privateNetworkId, 'the server is on demo\'s only network, private');
    const fipRes = await call('POST', '/network/v2.0/floatingips', { floatingip: { floating_network_id: nets.publicNetworkId, port_id: port.id } });
    assert.equal(fipRes.status, 201, await fipRes.clone().text());
    const fip = ((await fipRes.json()) as { floatingip: { id: string; floating_ip_address: string } }).floatingip;
    await waitFor('the floating IP ACTIVE', async () => ((await (await call('GET', `/network/v2.0/floatingips/${fip.id}`)).json()) as { floatingip: { status: string } }).floatingip.status === 'ACTIVE', 30_000);
    const svc = JSON.parse(await tool('kubectl', ['get', 'svc', `fip-${fip.id}`, '-n', `os-${ids.projectIds.demo}`, '-o', 'json'])) as { spec: { externalIPs: string[] } };
    assert.deepEqual(svc.spec.externalIPs, [fip.floating_ip_address]);
    assert.equal((await call('DELETE', `/network/v2.0/floatingips/${fip.id}`)).status, 204);
    assert.equal((await call('DELETE', `/compute/v2.1/servers/${id}`)).status, 204);
    await waitFor('the server to be gone', async () => (await call('GET', `/compute/v2.1/servers/${id}`)).status === 404, 30_000);
  });
});
