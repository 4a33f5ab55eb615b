// Benchmark B1 (boot throughput): N servers through the API at concurrency C, against a baseline
// of N raw Pod creates at the same concurrency on the same cluster, measured in the same run.
// Readiness is observed with watches, not polls. Traffic stays on loopback; counts are bounded.
//   npm start   (in another terminal), then:
//   npx tsx hack/bench/boot.ts [--count 100] [--concurrency 10] [--runs 3] [--stages]
import { randomBytes } from 'node:crypto';
import { join } from 'node:path';
import { parseArgs } from 'node:util';
import type { KubeObject } from '../../crds/kube-object.js';
import type { Server } from '../../crds/types.generated.js';
import { HttpKubeClient, loadKubeConfig } from '../../crds/client/http-client.js';
import { Resources, type ResourceType } from '../../crds/resources.js';
import { apiSession, type ApiSession } from './session.js';
import { describeWrites, scrapeWrites, writesBetween, type WriteCounts } from './apiserver-writes.js';
import { describeCpu, findComponents, sampleCpu, type CpuSample } from './cpu.js';
import { median, percentile, pool } from './stats.js';

const root = join(import.meta.dirname, '..', '..');
const stateDir = process.env.OPENSTACK_SIM_STATE ?? join(root, '.openstack-sim');
const { values } = parseArgs({ options: { count: { type: 'string', default: '100' }, concurrency: { type: 'string', default: '10' }, runs: { type: 'string', default: '3' }, stages: { type: 'boolean', default: false } } });
const STAGES = values.stages === true;
const COUNT = Math.min(Number(values.count), 2000);
const CONC = Math.min(Number(values.concurrency), 50);
const kubeConfig = loadKubeConfig(join(stateDir, 'kubeconfig'));
const kube = new HttpKubeClient(kubeConfig);
const components = findComponents();

interface RunResult {
  seconds: number;
  latencies: number[];
  /** apiserver writes from the first create until everything is deleted again. */
  writes: WriteCounts;
  /** CPU seconds per process from the first create until the last item is ready. */
  cpu: [CpuSample, CpuSample];
}

const TIMEOUT_MS = 180_000;

/**
 * Resolves with each object's ready time, seen through a watch; fails if time runs out. A watch
 * the apiserver ends cleanly (it may, under load) is reopened from the last resourceVersion seen.
 */
function watchReady<T extends KubeObject>(res: ResourceType, namespace: string, isReady: (o: T) => boolean, want: number): { ready: Map<string, number>; done: Promise<void>; stop(): void } {
  const ready = new Map<string, number>();
  let finish!: () => void;
  let fail!: (e: Error) => void;
  const done = new Promise<void>((resolve, reject) => ((finish = resolve), (fail = reject)));
  let stopped = false;
  let handle: ReturnType<typeof kube.watch> | undefined;
  const open = (resourceVersion: string): void => {
    let last = resourceVersion;
    handle = kube.watch<T>(res, { namespace, resourceVersion }, (ev) => {
      last = ev.object.metadata.resourceVersion ?? last;
      if (ev.type === 'BOOKMARK') return;
      if (!ready.has(ev.object.metadata.name) && isReady(ev.object)) ready.set(ev.object.metadata.name, performance.now());
      if (ready.size >= want) finish();
    });
    void handle.done.then((err) => {
      if (stopped) return;
      if (err) fail(new Error(`watch of ${res.plural} failed (${ready.size}/${want} ready): ${String(err)}`));
      else open(last);
    });
  };
  open('0');
  const timer = setTimeout(() => fail(new Error(`only ${ready.size}/${want} ready after ${TIMEOUT_MS} ms (out of node capacity?)`)), TIMEOUT_MS);
  void done.finally(() => clearTimeout(timer)).catch(() => undefined);
  return { ready, done, stop: () => ((stopped = true), handle?.stop()) };
}

async function gone(what: string, check: () => Promise<boolean>): Promise<void> {
  const until = Date.now() + TIMEOUT_MS;
  while (!(await check())) {
    if (Date.now() > until) throw new Error(`${what} not cleaned up after ${TIMEOUT_MS} ms`);
    await new Promise((r) => setTimeout(r, 250));
  }
}

/** Runs one measured lifecycle (create … deleted) and adds the apiserver writes it caused. */
async function counted(run: () => Promise<Omit<RunResult, 'writes'>>): Promise<RunResult> {
  const before = await scrapeWrites(kubeConfig);
  const result = await run();
  return { ...result, writes: writesBetween(before, await scrapeWrites(kubeConfig)) };
}

async function timed(create: (i: number) => Promise<string>, watch: ReturnType<typeof watchReady>): Promise<Omit<RunResult, 'writes'>> {
  const started = new Map<string, number>();
  const cpuBefore = sampleCpu(components);
  const t0 = performance.now();
  await pool(COUNT, CONC, async (i) => {
    const t = performance.now();
    started.set(await create(i), t);
  });
  await watch.done;
  const cpu: [CpuSample, CpuSample] = [cpuBefore, sampleCpu(components)];
  watch.stop();
  const latencies = [...started].map(([name, t]) => watch.ready.get(name)! - t);
  return { seconds: (Math.max(...watch.ready.values()) - t0) / 1000, latencies, cpu };
}

type PodLike = KubeObject & { status?: { phase?: string; conditions?: { type: string; status: string }[] } };
const podReady = (p: PodLike): boolean => p.status?.phase === 'Running' && !!p.status.conditions?.some((c) => c.type === 'Ready' && c.status === 'True');

async function baselinePods(): Promise<Omit<RunResult, 'writes'>> {
  const ns = `bench-${randomBytes(3).toString('hex')}`;
  await kube.create(Resources.Namespace, { metadata: { name: ns } });
  const watch = watchReady<PodLike>(Resources.Pod, ns, podReady, COUNT);
  const pod = (i: number): KubeObject => ({
    metadata: { name: `pod-${i}`, namespace: ns },
    spec: { containers: [{ name: 'c', image: 'docker.io/library/busybox:1.36', resources: { requests: { cpu: '1', memory: '512Mi' }, limits: { cpu: '1', memory: '512Mi' } } }] },
  } as KubeObject);
  try {
    return await timed(async (i) => (await kube.create(Resources.Pod, pod(i))).metadata.name, watch);
  } finally {
    // Wait for the Pods to go, so the next run has the same node capacity.
    await kube.delete(Resources.Namespace, ns);
    await gone(`namespace ${ns}`, async () => !(await kube.get(Resources.Namespace, ns)));
  }
}

/** Where a server's time goes: p50 of each stage, from the request to ACTIVE. */
function printStages(posted: Map<string, [number, number]>, pods: ReturnType<typeof watchReady>, podsAdded: Map<string, number>, active: Map<string, number>): void {
  const stage = (f: (id: string) => number | undefined): string => `${percentile([...posted.keys()].map(f).filter((v): v is number => v !== undefined), 50).toFixed(0)} ms`;
  console.log(`  stages (p50): POST answered ${stage((id) => posted.get(id)![1] - posted.get(id)![0])}` +
    `, then Pod created ${stage((id) => (podsAdded.get(id) ?? NaN) - posted.get(id)![1])}` +
    `, then Pod Ready ${stage((id) => (pods.ready.get(id) ?? NaN) - (podsAdded.get(id) ?? NaN))}` +
    `, then ACTIVE ${stage((id) => (active.get(id) ?? NaN) - (pods.ready.get(id) ?? NaN))}`);
}

async function servers(api: ApiSession): Promise<Omit<RunResult, 'writes'>> {
  const watch = watchReady<Server>(Resources.Server, api.namespace, (s) => s.status?.status === 'ACTIVE', COUNT);
  const podsAdded = new Map<string, number>();
  const seenPod = (p: PodLike): boolean => {
    if (!podsAdded.has(p.metadata.name)) podsAdded.set(p.metadata.name, performance.now());
    return podReady(p);
  };
  // Only with --stages: a second watch is load on the apiserver that the baseline does not carry.
  const pods = STAGES ? watchReady<PodLike>(Resources.Pod, api.namespace, seenPod, COUNT) : undefined;
  const posted = new Map<string, [number, number]>();
  const tag = randomBytes(3).toString('hex');
  const ids: string[] = [];
  try {
    const result = await timed(async (i) => {
      const t = performance.now();
      const id = await api.createServer(`bench-${tag}-${i}`);
      posted.set(id, [t, performance.now()]);
      ids.push(id);
      return id;
    }, watch);
    if (pods) {
      await pods.done.catch(() => undefined);
      pods.stop();
      printStages(posted, pods, podsAdded, watch.ready);
    }
    return result;
  } finally {
    await pool(ids.length, CONC, (i) => api.deleteServer(ids[i]));
    await gone('the benchmark servers', async () => (await kube.list(Resources.Server, { namespace: api.namespace })).items.every((s) => !ids.includes(s.metadata.name)));
  }
}

function report(name: string, runs: RunResult[]): { rate: number; p50: number; p99: number } {
  const rate = median(runs.map((r) => COUNT / r.seconds));
  const all = runs.flatMap((r) => r.latencies);
  const out = { rate, p50: percentile(all, 50), p99: percentile(all, 99) };
  console.log(`${name.padEnd(22)} ${rate.toFixed(1).padStart(7)}/s   p50 ${out.p50.toFixed(0).padStart(5)} ms   p99 ${out.p99.toFixed(0).padStart(5)} ms`);
  const writes = new Map<string, number>();
  for (const r of runs) for (const [k, v] of r.writes) writes.set(k, (writes.get(k) ?? 0) + v);
  console.log(`${''.padEnd(22)} apiserver writes per item, create to deleted: ${describeWrites(writes, COUNT * runs.length)}`);
  const first = new Map<string, number>();
  const last = new Map<string, number>();
  for (const { cpu: [b, a] } of runs) {
    for (const [k, v] of a) {
      if (!b.has(k)) continue;
      first.set(k, (first.get(k) ?? 0) + b.get(k)!);
      last.set(k, (last.get(k) ?? 0) + v);
    }
  }
  console.log(`${''.padEnd(22)} CPU per item, create to ready: ${describeCpu(first, last, COUNT * runs.length)}`);
  return out;
}

const api = await apiSession(stateDir);
const podRuns: RunResult[] = [];
const serverRuns: RunResult[] = [];
for (let r = 0; r < Number(values.runs); r++) {
  podRuns.push(await counted(baselinePods));
  serverRuns.push(await counted(() => servers(api)));
}
console.log(`B1 boot throughput: ${COUNT} creates at concurrency ${CONC}, median of ${podRuns.length} runs`);
const base = report('raw Pods (baseline)', podRuns);
const ours = report('servers via the API', serverRuns);
console.log(`ratio (server rate / pod rate): ${(ours.rate / base.rate).toFixed(2)}   (target >= 0.5; p50 <= 1500 ms, p99 <= 5000 ms)`);
