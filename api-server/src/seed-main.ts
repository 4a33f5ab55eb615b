// Seeds DevStack-like defaults into a cluster (the Helm chart runs this as a Job). Passwords come
// from OPENSTACK_SIM_PASSWORD_ADMIN, _DEMO and _ALT_DEMO; nothing is generated or printed here.
// With --api-url it then waits for the API server and makes DevStack's networks through it.
import { parseArgs } from 'node:util';
import { HttpKubeClient, loadKubeConfig } from '../../crds/client/http-client.js';
import { DEFAULT_SYSTEM_NAMESPACE } from '../../crds/naming.js';
import { seed } from './bootstrap/seed.js';
import { seedNetworks } from './bootstrap/seed-network.js';
import { defaultSeedPlan } from './bootstrap/seed-plan.js';

const { values } = parseArgs({
  options: {
    kubeconfig: { type: 'string', default: process.env.KUBECONFIG },
    'system-namespace': { type: 'string', default: process.env.OPENSTACK_SIM_SYSTEM_NAMESPACE ?? DEFAULT_SYSTEM_NAMESPACE },
    'api-url': { type: 'string' },
  },
});
const passwords: Record<string, string> = {};
for (const user of ['admin', 'demo', 'alt_demo']) {
  const value = process.env[`OPENSTACK_SIM_PASSWORD_${user.toUpperCase()}`];
  if (!value) throw new Error(`OPENSTACK_SIM_PASSWORD_${user.toUpperCase()} is not set`);
  passwords[user] = value;
}
const kube = new HttpKubeClient(loadKubeConfig(values.kubeconfig));
const result = await seed(kube, values['system-namespace'] ?? DEFAULT_SYSTEM_NAMESPACE, defaultSeedPlan(passwords));
process.stdout.write(`${JSON.stringify({ level: 'info', msg: 'seeded', projects: result.projectIds, users: Object.keys(result.userIds) })}\n`);

/** The API server starts beside this Job: its identity endpoint answers once it is ready. */
async function waitForApi(url: string, deadline = Date.now() + 300_000): Promise<void> {
  for (;;) {
    const ok = await fetch(`${url}/identity`).then((r) => r.status === 300, () => false);
    if (ok) return;
    if (Date.now() > deadline) throw new Error(`the API server at ${url} did not answer within 5 minutes`);
    process.stdout.write(`${JSON.stringify({ level: 'info', msg: 'waiting for the API server', url })}\n`);
    await new Promise((r) => setTimeout(r, 5_000));
  }
}

const apiUrl = values['api-url'];
if (apiUrl) {
  await waitForApi(apiUrl);
  const networks = await seedNetworks(apiUrl, { username: 'admin', password: passwords.admin, project: 'admin' }, { username: 'demo', password: passwords.demo, project: 'demo' });
  process.stdout.write(`${JSON.stringify({ level: 'info', msg: 'seeded networks', ...networks })}\n`);
}
