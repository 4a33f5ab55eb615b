// `npm start`: one command from a fresh clone to a running openstack-sim. Ctrl-C stops it cleanly.
//   npm start                         local KWOK cluster under .openstack-sim/
//   npm start -- --kubeconfig FILE    an existing cluster instead (never the current context by default)
//   npm start -- --port 5000
import { join } from 'node:path';
import { parseArgs } from 'node:util';
import { startStack } from './lib/stack.js';

const root = join(import.meta.dirname, '..');
const { values } = parseArgs({
  options: {
    kubeconfig: { type: 'string' },
    port: { type: 'string', default: process.env.OPENSTACK_SIM_PORT ?? '5000' },
  },
});
const log = (msg: string): void => console.error(`[start ${new Date().toISOString().slice(11, 19)}] ${msg}`);
const stateDir = process.env.OPENSTACK_SIM_STATE ?? join(root, '.openstack-sim');
const started = Date.now();

let shutdown = (_why: string, _code?: number): void => process.exit(1);
const stack = await startStack({
  root,
  stateDir,
  port: Number(values.port),
  kubeconfig: values.kubeconfig,
  log,
  onComponentExit: (name) => shutdown(`${name} died`, 1),
}).catch((err: Error) => {
  log(`could not start: ${err.message}`);
  process.exit(1);
});
const rel = (p: string): string => p.replace(`${root}/`, '');
console.log(`
openstack-sim is running (ready in ${((Date.now() - started) / 1000).toFixed(1)} s).

  API:        ${stack.apiUrl}  (Keystone ${stack.authUrl})
  clouds:     ${rel(stack.cloudsYaml)}  (clouds: openstack-sim = admin, openstack-sim-demo = demo member)
  kubeconfig: ${rel(stack.kubeconfig)}
  logs:       ${rel(join(stateDir, 'logs'))}/

Try:
  export OS_CLIENT_CONFIG_FILE=${stack.cloudsYaml}
  openstack --os-cloud openstack-sim server create --flavor m1.tiny --image cirros --wait vm1
  ${join(stack.toolsBin, 'kubectl')} --kubeconfig ${rel(stack.kubeconfig)} get servers.openstack.sim -A

Press Ctrl-C to stop (the cluster keeps its state; 'bash hack/cluster.sh down' deletes it).
`);

let stopping = false;
shutdown = (why: string, code = 0): void => {
  if (stopping) return;
  stopping = true;
  log(`${why}: stopping the API server and the operator`);
  void stack.stop().then(() => process.exit(code));
};
process.on('SIGINT', () => shutdown('SIGINT'));
process.on('SIGTERM', () => shutdown('SIGTERM'));
