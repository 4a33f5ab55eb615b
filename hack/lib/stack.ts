// Brings up the whole deployment for `npm start` and the end-to-end tests: the local cluster (or a
// given kubeconfig), CRDs, seed data, the operator and the API server, and clouds.yaml.
import { spawn, type ChildProcess } from 'node:child_process';
import { createWriteStream, mkdirSync } from 'node:fs';
import { createServer } from 'node:net';
import { join } from 'node:path';
import type { Project } from '../../crds/types.generated.js';
import { createIfAbsent } from '../../crds/client/client.js';
import { HttpKubeClient, loadKubeConfig } from '../../crds/client/http-client.js';
import { DEFAULT_SYSTEM_NAMESPACE } from '../../crds/naming.js';
import { Resources } from '../../crds/resources.js';
import { seed, type SeedResult } from '../../api-server/src/bootstrap/seed.js';
import { defaultSeedPlan } from '../../api-server/src/bootstrap/seed-plan.js';
import { seedNetworks, type NetworkSeedResult } from '../../api-server/src/bootstrap/seed-network.js';
import { loadOrGeneratePasswords, writeCloudsYaml } from './clouds.js';
import { GiveUp, run, stopChild, waitFor } from './exec.js';

export interface StackOptions {
  root: string;
  stateDir: string;
  port: number;
  /** Use this cluster instead of starting the local one (never the user's context by default). */
  kubeconfig?: string;
  region?: string;
  log: (msg: string) => void;
  /** Called when the operator or the API server dies after start-up. */
  onComponentExit?: (name: string) => void;
}

export interface Stack {
  kubeconfig: string;
  cloudsYaml: string;
  apiUrl: string;
  authUrl: string;
  toolsBin: string;
  seed: SeedResult;
  /** DevStack's public network, private network and router1, made through the API. */
  networks: NetworkSeedResult;
  stop(): Promise<void>;
}

async function ensureCluster(opts: StackOptions): Promise<{ kubeconfig: string; bin: string }> {
  const bin = (await run('bash', [join(opts.root, 'hack/tools/build.sh')])).trim();
  if (opts.kubeconfig) return { kubeconfig: opts.kubeconfig, bin };
  await run('bash', [join(opts.root, 'hack/cluster.sh'), 'up'], { env: { ...process.env, OPENSTACK_SIM_STATE: opts.stateDir } });
  return { kubeconfig: join(opts.stateDir, 'kubeconfig'), bin };
}

export async function installCrds(root: string, kubectl: string, kubeconfig: string): Promise<void> {
  await run(kubectl, ['--kubeconfig', kubeconfig, 'apply', '--server-side', '--force-conflicts', '-f', join(root, 'crds')], { quiet: true });
  await run(kubectl, ['--kubeconfig', kubeconfig, 'wait', '--for=condition=Established', '--timeout=60s', '-f', join(root, 'crds')], { quiet: true });
}

function spawnComponent(opts: StackOptions, name: string, script: string, args: string[]): ChildProcess {
  const logDir = join(opts.stateDir, 'logs');
  mkdirSync(logDir, { recursive: true });
  const out = createWriteStream(join(logDir, `${name}.log`), { flags: 'a' });
  // OPENSTACK_SIM_NODE_ARGS reaches the components' node (e.g. "--cpu-prof --cpu-prof-dir=DIR",
  // which NODE_OPTIONS refuses): how docs/benchmarks.md profiles the operator under load.
  const nodeArgs = (process.env.OPENSTACK_SIM_NODE_ARGS ?? '').split(/\s+/).filter(Boolean);
  const child = spawn(process.execPath, [...nodeArgs, '--import', 'tsx', join(opts.root, script), ...args], { stdio: ['ignore', 'pipe', 'pipe'] });
  child.stdout?.pipe(out);
  child.stderr?.pipe(out);
  child.on('exit', (code, signal) => {
    if (code === 0 || signal === 'SIGTERM') return;
    opts.log(`${name} exited (${code ?? signal}); see ${join(logDir, `${name}.log`)}`);
    opts.onComponentExit?.(name);
  });
  return child;
}

async function projectsReady(kube: HttpKubeClient, ids: string[]): Promise<boolean> {
  for (const id of ids) {
    const p = await kube.get<Project>(Resources.Project, id);
    if (!p?.status?.namespace) return false;
  }
  return true;
}

export async function ensureNamespace(kube: HttpKubeClient, name: string): Promise<void> {
  await createIfAbsent(kube, Resources.Namespace, { metadata: { name } });
}

/** On the local KWOK cluster (not a given one), the operator writes the servers' console logs for kwok-controller to serve. */
function consoleArgs(opts: StackOptions): string[] {
  return opts.kubeconfig ? [] : ['--kwok-console-dir', join(opts.stateDir, 'console')];
}

/** Fails fast when the API port is taken (say, by another `npm start`), naming the way out. */
async function ensurePortFree(port: number): Promise<void> {
  await new Promise<void>((resolve, reject) => {
    const probe = createServer();
    probe.once('error', () => reject(new Error(`port ${port} on 127.0.0.1 is in use (another npm start?); choose another with --port`)));
    probe.listen(port, '127.0.0.1', () => probe.close(() => resolve()));
  });
}

export async function startStack(opts: StackOptions): Promise<Stack> {
  await ensurePortFree(opts.port);
  mkdirSync(opts.stateDir, { recursive: true });
  const { kubeconfig, bin } = await ensureCluster(opts);
  opts.log('installing the openstack.sim CRDs');
  await installCrds(opts.root, join(bin, 'kubectl'), kubeconfig);
  const kube = new HttpKubeClient(loadKubeConfig(kubeconfig));
  await ensureNamespace(kube, DEFAULT_SYSTEM_NAMESPACE);
  const cloudsYaml = join(opts.stateDir, 'clouds.yaml');
  const passwords = loadOrGeneratePasswords(cloudsYaml);
  opts.log('seeding roles, projects, users, flavors and the cirros image');
  const seeded = await seed(kube, DEFAULT_SYSTEM_NAMESPACE, defaultSeedPlan(passwords));
  const children: ChildProcess[] = [];
  const stop = async (): Promise<void> => {
    await Promise.all(children.map((c) => stopChild(c)));
  };
  try {
    opts.log('starting the operator');
    children.push(spawnComponent(opts, 'operator', 'operator/src/main.ts', ['--kubeconfig', kubeconfig, '--metrics-bind-address', `127.0.0.1:${opts.port + 1}`, '--leader-elect', ...consoleArgs(opts)]));
    await waitFor('the projects\' namespaces', () => projectsReady(kube, Object.values(seeded.projectIds)), 60_000, opts.log);
    const apiUrl = `http://127.0.0.1:${opts.port}`;
    opts.log(`starting the API server on ${apiUrl}`);
    children.push(spawnComponent(opts, 'api-server', 'api-server/src/main.ts', ['--kubeconfig', kubeconfig, '--port', String(opts.port), '--metrics-port', String(opts.port + 2), '--public-url', apiUrl, '--image-dir', join(opts.stateDir, 'images')]));
    const api = children[children.length - 1];
    await waitFor('the API server', async () => {
      // A server left over from another run could answer on the port: ours must still be alive.
      if (api.exitCode !== null) throw new GiveUp(`the API server exited (${api.exitCode}); see ${join(opts.stateDir, 'logs', 'api-server.log')}`);
      return (await fetch(`${apiUrl}/identity`)).status === 300;
    }, 60_000, opts.log);
    opts.log('seeding DevStack\'s networks through the API: public, private and router1');
    const networks = await seedNetworks(apiUrl, { username: 'admin', password: passwords.admin, project: 'admin' }, { username: 'demo', password: passwords.demo, project: 'demo' });
    writeCloudsYaml(cloudsYaml, `${apiUrl}/identity`, opts.region ?? 'RegionOne', passwords);
    return { kubeconfig, cloudsYaml, apiUrl, authUrl: `${apiUrl}/identity`, toolsBin: bin, seed: seeded, networks, stop };
  } catch (err) {
    await stop();
    throw err;
  }
}
