// The API server and the operator in-process against the real local cluster (started by
// `hack/cluster.sh up`; OPENSTACK_SIM_STATE names its state directory). Each suite seeds a project
// and user of its own, with random names, so suites never see each other's objects.
import { randomBytes } from 'node:crypto';
import { join } from 'node:path';
import { Registry } from 'prom-client';
import { HttpKubeClient, loadKubeConfig } from '../../crds/client/http-client.js';
import { DEFAULT_SYSTEM_NAMESPACE } from '../../crds/naming.js';
import { Resources } from '../../crds/resources.js';
import { startOperator, type RunningOperator } from '../../operator/src/operator.js';
import { startApiServer, type RunningApiServer } from '../../api-server/src/server.js';
import { seed, type SeedResult } from '../../api-server/src/bootstrap/seed.js';
import { DEFAULT_FLAVORS, CIRROS_CONTAINER_IMAGE } from '../../api-server/src/bootstrap/seed-plan.js';
import { run, waitFor } from '../../hack/lib/exec.js';
import { ensureNamespace, installCrds } from '../../hack/lib/stack.js';
import { passwordLogin } from '../../hack/lib/keystone-login.js';
import type { Project } from '../../crds/types.generated.js';

const root = join(import.meta.dirname, '..', '..');
const stateDir = process.env.OPENSTACK_SIM_STATE ?? join(root, '.openstack-sim', 'test');
const quiet = { info: () => undefined, warn: () => undefined, error: () => undefined, debug: () => undefined };

export interface Harness {
  kube: HttpKubeClient;
  api: RunningApiServer;
  operator: RunningOperator;
  ids: SeedResult;
  passwords: Record<string, string>;
  suffix: string;
  stop(): Promise<void>;
}

export async function startHarness(): Promise<Harness> {
  const kubeconfig = join(stateDir, 'kubeconfig');
  const bin = (await run('bash', [join(root, 'hack/tools/build.sh')])).trim();
  await installCrds(root, join(bin, 'kubectl'), kubeconfig);
  const kube = new HttpKubeClient(loadKubeConfig(kubeconfig));
  await ensureNamespace(kube, DEFAULT_SYSTEM_NAMESPACE);
  const suffix = randomBytes(3).toString('hex');
  const passwords = { owner: randomBytes(12).toString('hex'), other: randomBytes(12).toString('hex') };
  const ids = await seed(kube, DEFAULT_SYSTEM_NAMESPACE, {
    roles: ['admin', 'member', 'reader'],
    projects: [`it-owner-${suffix}`, `it-other-${suffix}`],
    users: [
      { name: `it-owner-${suffix}`, password: passwords.owner, project: `it-owner-${suffix}`, roles: ['member'] },
      { name: `it-other-${suffix}`, password: passwords.other, project: `it-other-${suffix}`, roles: ['member'] },
    ],
    flavors: DEFAULT_FLAVORS,
    images: [{ name: `it-image-${suffix}`, containerImage: CIRROS_CONTAINER_IMAGE, ownerProject: `it-owner-${suffix}` }],
    volumeTypes: [],
  });
  const projectIds = Object.values(ids.projectIds);
  const ready = async (): Promise<boolean> => {
    for (const id of projectIds) if (!(await kube.get<Project>(Resources.Project, id))?.status?.namespace) return false;
    return true;
  };
  const operator = await startOperator({ kube, metrics: new Registry(), leaseNamespace: DEFAULT_SYSTEM_NAMESPACE, leaseName: `it-${suffix}`, leaderElection: true, log: quiet });
  let api: RunningApiServer;
  try {
    await operator.leading;
    await waitFor('the suite\'s project namespaces', ready, 60_000);
    api = await startApiServer({
      kube,
      config: { publicUrl: '', region: 'RegionOne', systemNamespace: DEFAULT_SYSTEM_NAMESPACE, tokenTtlSeconds: 3600 },
      host: '127.0.0.1',
      port: 0,
      log: quiet,
    });
  } catch (err) {
    // Open watches would keep mocha alive: a failed setup must not hang the run.
    await operator.stop();
    throw err;
  }
  const stop = async (): Promise<void> => {
    await api.stop();
    await operator.stop();
  };
  return { kube, api, operator, ids, passwords, suffix, stop };
}

export async function login(h: Harness, who: 'owner' | 'other'): Promise<string> {
  const name = `it-${who}-${h.suffix}`;
  return (await passwordLogin(`${h.api.url}/identity`, name, h.passwords[who], name)).token;
}

export async function api(h: Harness, token: string, method: string, path: string, body?: unknown): Promise<{ status: number; json: any }> {
  const res = await fetch(`${h.api.url}${path}`, {
    method,
    headers: { 'X-Auth-Token': token, ...(body ? { 'Content-Type': 'application/json' } : {}) },
    body: body ? JSON.stringify(body) : undefined,
  });
  const text = await res.text();
  return { status: res.status, json: text ? JSON.parse(text) : undefined };
}

export async function waitForStatus(h: Harness, token: string, id: string, want: string, timeoutMs = 30_000): Promise<any> {
  let last: any;
  await waitFor(`server ${id} to be ${want}`, async () => {
    last = (await api(h, token, 'GET', `/compute/v2.1/servers/${id}`)).json?.server;
    return last?.status === want;
  }, timeoutMs);
  return last;
}
