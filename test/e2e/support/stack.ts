// One running deployment shared by every end-to-end test file: the real cluster, the operator and
// the API server as child processes, exactly as `npm start` runs them.
import { join } from 'node:path';
import { startStack, type Stack } from '../../../hack/lib/stack.js';
import { run } from '../../../hack/lib/exec.js';

const root = join(import.meta.dirname, '..', '..', '..');
let stack: Promise<Stack> | undefined;

export const E2E_PORT = Number(process.env.OPENSTACK_SIM_E2E_PORT ?? 5080);

export function e2eStack(): Promise<Stack> {
  stack ??= startStack({
    root,
    stateDir: process.env.OPENSTACK_SIM_STATE ?? join(root, '.openstack-sim', 'test'),
    port: E2E_PORT,
    log: (m) => console.error(`      [stack] ${m}`),
  });
  return stack;
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
