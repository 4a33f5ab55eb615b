// Benchmark B7 (Neutron, Rally's create_and_list_networks): network creates through the API at
// concurrency C against raw creates of the same Network CR (built by the API's own mapper) at the
// same concurrency on the same cluster, then a list of every network (1,000 by default) through
// the API against a raw LIST of the same CRs.
// Measured in one run; loopback only; counts bounded; everything made is deleted.
//   npm start   (in another terminal), then:
//   npx tsx hack/bench/networks.ts [--count 100] [--concurrency 10] [--warmup 20] [--list-count 1000] [--list-concurrency 20] [--lists 50]
// Both sides first make --warmup unmeasured creates, so that neither is measured cold (the first
// requests after a start pay for JIT compilation, the first connections and schema compilation).
import { randomBytes } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { parseArgs } from 'node:util';
import yaml from 'js-yaml';
import { HttpKubeClient, loadKubeConfig } from '../../crds/client/http-client.js';
import { projectNamespace } from '../../crds/naming.js';
import { Resources } from '../../crds/resources.js';
import { toNetworkResource } from '../../api-server/src/services/neutron/networks/networks.mapper.js';
import { passwordLogin } from '../lib/keystone-login.js';
import { percentile, pool } from './stats.js';

const root = join(import.meta.dirname, '..', '..');
const stateDir = process.env.OPENSTACK_SIM_STATE ?? join(root, '.openstack-sim');
const { values } = parseArgs({
  options: {
    count: { type: 'string', default: '100' },
    warmup: { type: 'string', default: '20' },
    concurrency: { type: 'string', default: '10' },
    'list-count': { type: 'string', default: '1000' },
    'list-concurrency': { type: 'string', default: '20' },
    lists: { type: 'string', default: '50' },
  },
});
const COUNT = Math.min(Number(values.count), 2000);
const CONC = Math.min(Number(values.concurrency), 50);
const WARMUP = Math.min(Number(values.warmup), 200);
const LIST_COUNT = Math.min(Number(values['list-count']), 5000);
const LIST_CONC = Math.min(Number(values['list-concurrency']), 50);
const LISTS = Math.min(Number(values.lists), 500);
const kube = new HttpKubeClient(loadKubeConfig(join(stateDir, 'kubeconfig')));

interface Clouds {
  clouds: Record<string, { auth: { auth_url: string; username: string; password: string; project_name: string } }>;
}

const auth = (yaml.load(readFileSync(join(stateDir, 'clouds.yaml'), 'utf8')) as Clouds).clouds['openstack-sim'].auth;
const base = auth.auth_url.replace(/\/identity$/, '');
const session = await passwordLogin(auth.auth_url, auth.username, auth.password, auth.project_name);
const headers = { 'X-Auth-Token': session.token, 'Content-Type': 'application/json' };
const namespace = projectNamespace(session.projectId);
const tag = randomBytes(3).toString('hex');

async function apiCreate(i: number): Promise<string> {
  const r = await fetch(`${base}/network/v2.0/networks`, { method: 'POST', headers, body: JSON.stringify({ network: { name: `b7-${tag}-${i}` } }) });
  if (r.status !== 201) throw new Error(`create failed: ${r.status} ${await r.text()}`);
  return ((await r.json()) as { network: { id: string } }).network.id;
}

/** The same CR the API creates for `{"network": {"name": ...}}`: the API's own builder makes it. */
async function rawCreate(i: number): Promise<string> {
  const net = toNetworkResource(session.projectId, { name: `b7raw-${tag}-${i}` }, new Date());
  return (await kube.create(Resources.Network, net)).metadata.name;
}

/** Latencies of `count` calls at `concurrency`, and what they returned. */
async function timedPool(count: number, concurrency: number, call: (i: number) => Promise<string>): Promise<{ ms: number[]; ids: string[] }> {
  const ms: number[] = [];
  const ids: string[] = [];
  await pool(count, concurrency, async (i) => {
    const t = performance.now();
    ids.push(await call(i));
    ms.push(performance.now() - t);
  });
  return { ms, ids };
}

async function cleanup(apiIds: string[], rawIds: string[]): Promise<void> {
  await pool(apiIds.length, 10, (i) => fetch(`${base}/network/v2.0/networks/${apiIds[i]}`, { method: 'DELETE', headers }));
  await pool(rawIds.length, 10, (i) => kube.delete(Resources.Network, rawIds[i], namespace));
}

const fmt = (ms: number[]): string => `p50 ${percentile(ms, 50).toFixed(1)} ms, p99 ${percentile(ms, 99).toFixed(1)} ms`;
const apiIds: string[] = [];
const rawIds: string[] = [];
try {
  rawIds.push(...(await timedPool(WARMUP, CONC, (i) => rawCreate(-1 - i))).ids);
  apiIds.push(...(await timedPool(WARMUP, CONC, (i) => apiCreate(-1 - i))).ids);
  const raw = await timedPool(COUNT, CONC, rawCreate);
  rawIds.push(...raw.ids);
  const ours = await timedPool(COUNT, CONC, apiCreate);
  apiIds.push(...ours.ids);
  console.log(`B7 network create, ${COUNT} at concurrency ${CONC} (after ${WARMUP} unmeasured on each side):`);
  console.log(`  raw Network CR create (baseline)  ${fmt(raw.ms)}`);
  console.log(`  POST /v2.0/networks               ${fmt(ours.ms)}`);
  console.log(`  create p50 ratio (ours / raw): ${(percentile(ours.ms, 50) / percentile(raw.ms, 50)).toFixed(2)}   (target <= 2.0)`);
  const more = Math.max(0, LIST_COUNT - apiIds.length - rawIds.length);
  apiIds.push(...(await timedPool(more, LIST_CONC, (i) => apiCreate(COUNT + i))).ids);
  const total = apiIds.length + rawIds.length;
  const listMs: number[] = [];
  const rawListMs: number[] = [];
  for (let i = 0; i < LISTS; i++) {
    let t = performance.now();
    const r = await fetch(`${base}/network/v2.0/networks`, { headers });
    const n = ((await r.json()) as { networks: unknown[] }).networks.length;
    listMs.push(performance.now() - t);
    if (n < total) throw new Error(`the list returned ${n} networks, expected at least ${total}`);
    t = performance.now();
    await kube.list(Resources.Network, { namespace, limit: 5000 });
    rawListMs.push(performance.now() - t);
  }
  console.log(`B7 network list, ${total} networks in the project, ${LISTS} sequential lists:`);
  console.log(`  raw LIST of the CRs (baseline)    ${fmt(rawListMs)}`);
  console.log(`  GET /v2.0/networks                ${fmt(listMs)}   (target p99 <= 100 ms)`);
  console.log(`  list p99 ratio (ours / raw): ${(percentile(listMs, 99) / percentile(rawListMs, 99)).toFixed(2)}`);
} finally {
  await cleanup(apiIds, rawIds);
}
