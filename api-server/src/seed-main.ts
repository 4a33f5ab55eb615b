// Seeds DevStack-like defaults into a cluster (the Helm chart runs this as a Job). Passwords come
// from OPENSTACK_SIM_PASSWORD_ADMIN, _DEMO and _ALT_DEMO; nothing is generated or printed here.
import { parseArgs } from 'node:util';
import { HttpKubeClient, loadKubeConfig } from '../../crds/client/http-client.js';
import { DEFAULT_SYSTEM_NAMESPACE } from '../../crds/naming.js';
import { seed } from './bootstrap/seed.js';
import { defaultSeedPlan } from './bootstrap/seed-plan.js';

const { values } = parseArgs({
  options: {
    kubeconfig: { type: 'string', default: process.env.KUBECONFIG },
    'system-namespace': { type: 'string', default: process.env.OPENSTACK_SIM_SYSTEM_NAMESPACE ?? DEFAULT_SYSTEM_NAMESPACE },
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
