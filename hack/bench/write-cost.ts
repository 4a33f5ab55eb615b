// What one create costs the kube-apiserver in CPU, by kind: Events and ConfigMaps (built-in types)
// against a custom resource of ours (Flavor, cluster-scoped, watched by nothing that writes). It
// backs the B1 accounting in docs/benchmarks.md: a custom resource write costs the apiserver more
// than a built-in one. Local cluster only (reads /proc); bounded; everything it makes is deleted.
//   npm start   (in another terminal), then:
//   npx tsx hack/bench/write-cost.ts [--count 200] [--rounds 2]
import { randomBytes } from 'node:crypto';
import { join } from 'node:path';
import { parseArgs } from 'node:util';
import type { KubeObject } from '../../crds/kube-object.js';
import { HttpKubeClient, loadKubeConfig } from '../../crds/client/http-client.js';
import { Resources, type ResourceType } from '../../crds/resources.js';
import { findComponents, sampleCpu } from './cpu.js';
import { pool } from './stats.js';

const root = join(import.meta.dirname, '..', '..');
const stateDir = process.env.OPENSTACK_SIM_STATE ?? join(root, '.openstack-sim');
const { values } = parseArgs({ options: { count: { type: 'string', default: '200' }, rounds: { type: 'string', default: '2' } } });
const COUNT = Math.min(Number(values.count), 1000);
const ROUNDS = Math.min(Number(values.rounds), 5);
const CONCURRENCY = 10;
const kube = new HttpKubeClient(loadKubeConfig(join(stateDir, 'kubeconfig')));
const apiserver = new Map([...findComponents()].filter(([k]) => k === 'kube-apiserver'));
if (apiserver.size === 0) throw new Error('no kube-apiserver process found: is the local cluster (npm start) running?');
const ConfigMap: ResourceType = { group: '', version: 'v1', kind: 'ConfigMap', plural: 'configmaps', namespaced: true };

const tag = randomBytes(3).toString('hex');
const ns = `write-cost-${tag}`;
/** events.k8s.io wants microseconds in eventTime. */
const microTime = (): string => new Date().toISOString().replace(/\.(\d{3})Z$/, '.$1000Z');

const kinds: { label: string; res: ResourceType; make: (name: string) => KubeObject }[] = [
  {
    label: 'Event',
    res: Resources.Event,
    make: (name) => ({
      metadata: { name, namespace: ns }, eventTime: microTime(), reportingController: 'write-cost', reportingInstance: tag,
      action: 'Measured', reason: 'Measured', type: 'Normal', note: 'write-cost benchmark', regarding: { apiVersion: 'v1', kind: 'ConfigMap', name: 'measured', namespace: ns },
    } as KubeObject),
  },
  { label: 'ConfigMap', res: ConfigMap, make: (name) => ({ metadata: { name, namespace: ns }, data: { payload: 'x'.repeat(2000) } } as KubeObject) },
  {
    label: 'Flavor (CR)',
    res: Resources.Flavor,
    make: (name) => ({ metadata: { name }, spec: { name, vcpus: 1, ramMiB: 512, diskGiB: 1, isPublic: false, disabled: false } } as KubeObject),
  },
];

async function measure(k: (typeof kinds)[number], round: number): Promise<void> {
  const before = sampleCpu(apiserver).get('kube-apiserver')!;
  const t0 = performance.now();
  await pool(COUNT, CONCURRENCY, async (i) => void (await kube.create(k.res, k.make(`${ns}-${round}-${i}`))));
  const seconds = (performance.now() - t0) / 1000;
  const cpuMs = ((sampleCpu(apiserver).get('kube-apiserver')! - before) * 1000) / COUNT;
  console.log(`${k.label.padEnd(12)} round ${round}: ${cpuMs.toFixed(2)} ms kube-apiserver CPU per create, ${(COUNT / seconds).toFixed(0)}/s`);
}

await kube.create(Resources.Namespace, { metadata: { name: ns } });
try {
  for (let r = 0; r < ROUNDS; r++) for (const k of kinds) await measure(k, r);
} finally {
  await kube.delete(Resources.Namespace, ns);
  for (let r = 0; r < ROUNDS; r++) await pool(COUNT, CONCURRENCY, (i) => kube.delete(Resources.Flavor, `${ns}-${r}-${i}`));
}
