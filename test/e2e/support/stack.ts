// One running deployment shared by every end-to-end test file: the real cluster, the operator and
// the API server as child processes, exactly as `npm start` runs them.
import { join } from 'node:path';
import { startStack, type Stack } from '../../../hack/lib/stack.js';
import { run } from '../../../hack/lib/exec.js';
import { passwordLogin } from '../../../hack/lib/keystone-login.js';
import { readFileSync } from 'node:fs';
import yaml from 'js-yaml';

const root = join(import.meta.dirname, '..', '..', '..');
let stack: Promise<Stack> | undefined;

export const E2E_PORT = Number(process.env.OPENSTACK_SIM_E2E_PORT ?? 5080);

export function e2eStack(): Promise<Stack> {
  stack ??= startStack({
    root,
    stateDir: process.env.OPENSTACK_SIM_STATE ?? join(root, '.openstack-sim', 'test'),
    port: E2E_PORT,
    log: (m) => console.error(`      [stack] ${m}`),
  }).then(withSuiteQuotas);
  return stack;
}

/**
 * The suite is one heavy tenant: dozens of files boot servers, groups and volumes in demo, some
 * kept for a whole file. So the deployment's default quota classes are raised, through Nova's and
 * Cinder's os-quota-class-sets as an admin would, above what the suite holds at once; a test that
 * resets a project's quotas (DELETE os-quota-sets) then returns it to these, and the quota tests
 * set their own limits.
 */
async function withSuiteQuotas(s: Stack): Promise<Stack> {
  const admin = await passwordLogin(s.authUrl, 'admin', adminPassword(s.cloudsYaml), 'admin');
  const put = async (path: string, body: object): Promise<void> => {
    const res = await fetch(`${s.apiUrl}${path}`, { method: 'PUT', headers: { 'X-Auth-Token': admin.token, 'Content-Type': 'application/json' }, body: JSON.stringify(body) });
    if (!res.ok) throw new Error(`PUT ${path}: ${res.status} ${await res.text()}`);
  };
  await put('/compute/v2.1/os-quota-class-sets/default', { quota_class_set: { instances: 200, cores: 400, ram: 819200, server_groups: 100, server_group_members: 100, key_pairs: 500 } });
  await put(`/volume/v3/${admin.projectId}/os-quota-class-sets/default`, { quota_class_set: { volumes: 200, snapshots: 200, gigabytes: 10000 } });
  return s;
}

function adminPassword(cloudsYaml: string): string {
  const clouds = yaml.load(readFileSync(cloudsYaml, 'utf8')) as { clouds: Record<string, { auth: { password: string } }> };
  return clouds.clouds['openstack-sim'].auth.password;
}

export async function stopE2eStack(): Promise<void> {
  if (stack) await (await stack).stop();
  stack = undefined;
}

/** Runs the real openstack CLI against the stack; returns stdout, throws with stderr on failure. */
export async function openstack(cloud: string, args: string[]): Promise<string> {
  const s = await e2eStack();
  return run('openstack', ['--os-cloud', cloud, ...args], { quiet: true, env: { ...process.env, OS_CLIENT_CONFIG_FILE: s.cloudsYaml } });
}

export async function openstackJson<T>(cloud: string, args: string[]): Promise<T> {
  return JSON.parse(await openstack(cloud, [...args, '-f', 'json'])) as T;
}

export async function kubectl(args: string[]): Promise<string> {
  const s = await e2eStack();
  return run(join(s.toolsBin, 'kubectl'), ['--kubeconfig', s.kubeconfig, ...args], { quiet: true });
}

export async function tokenFor(cloudUser: 'admin' | 'demo' | 'alt_demo'): Promise<{ token: string; projectId: string }> {
  const s = await e2eStack();
  const out = await run('openstack', ['--os-cloud', cloudUser === 'admin' ? 'openstack-sim' : cloudUser === 'demo' ? 'openstack-sim-demo' : 'openstack-sim-alt-demo', 'token', 'issue', '-f', 'json'], {
    quiet: true,
    env: { ...process.env, OS_CLIENT_CONFIG_FILE: s.cloudsYaml },
  });
  const t = JSON.parse(out) as { id: string; project_id: string };
  return { token: t.id, projectId: t.project_id };
}

/** What is left, by kind, of the networks, routers, security groups and servers named with prefix (a stack's teardown check). */
export async function leftovers(prefix: string): Promise<Record<string, string[]>> {
  const named = async (cloud: string, args: string[]): Promise<string[]> =>
    (await openstackJson<{ Name: string }[]>(cloud, [...args, 'list'])).map((r) => r.Name).filter((n) => n.startsWith(prefix));
  return {
    networks: await named('openstack-sim', ['network']),
    routers: await named('openstack-sim', ['router']),
    securityGroups: await named('openstack-sim-demo', ['security', 'group']),
    servers: await named('openstack-sim-demo', ['server']),
  };
}

/** Polls probe every half second until it returns something, for at most ms; fails naming what it waited for. */
export async function until<T>(what: string, probe: () => Promise<T | undefined>, ms = 20_000): Promise<T> {
  for (const end = Date.now() + ms; Date.now() < end; await new Promise((r) => setTimeout(r, 500))) {
    const got = await probe();
    if (got !== undefined) return got;
  }
  throw new Error(`timed out waiting for ${what}`);
}
