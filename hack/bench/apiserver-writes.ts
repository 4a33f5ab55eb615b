// Counts the kube-apiserver's write requests (create, update, patch, apply, delete) by resource,
// from its own apiserver_request_total counter, so a benchmark can say how many writes one server
// costs compared with one raw Pod. The endpoint is the local cluster's, on loopback.
import https from 'node:https';
import type { KubeConfig } from '@kubernetes/client-node';

const WRITE_VERBS = new Set(['POST', 'PUT', 'PATCH', 'APPLY', 'DELETE']);
// Lease renewals (node heartbeats, leader election) tick with time, not with the work measured.
const BACKGROUND = new Set(['leases']);

export type WriteCounts = Map<string, number>;

/** Sums apiserver_request_total over write verbs, keyed by resource[/subresource]. */
export function parseWrites(metrics: string): WriteCounts {
  const out: WriteCounts = new Map();
  for (const line of metrics.split('\n')) {
    if (!line.startsWith('apiserver_request_total{')) continue;
    const labels = Object.fromEntries([...line.matchAll(/(\w+)="([^"]*)"/g)].map((m) => [m[1], m[2]]));
    if (!WRITE_VERBS.has(labels.verb) || !labels.resource || BACKGROUND.has(labels.resource)) continue;
    const key = labels.subresource ? `${labels.resource}/${labels.subresource}` : labels.resource;
    out.set(key, (out.get(key) ?? 0) + Number(line.slice(line.lastIndexOf(' ') + 1)));
  }
  return out;
}

export async function scrapeWrites(kc: KubeConfig): Promise<WriteCounts> {
  const cluster = kc.getCurrentCluster();
  if (!cluster) throw new Error('kubeconfig has no current cluster');
  const opts: https.RequestOptions = {};
  await kc.applyToHTTPSOptions(opts);
  const text = await new Promise<string>((resolve, reject) => {
    const req = https.get(new URL('/metrics', cluster.server), opts, (res) => {
      let body = '';
      res.setEncoding('utf8');
      res.on('data', (c: string) => (body += c));
      res.on('end', () => (res.statusCode === 200 ? resolve(body) : reject(new Error(`GET /metrics: ${res.statusCode}`))));
    });
    req.on('error', reject);
  });
  return parseWrites(text);
}

/** after − before, per resource, dropping resources with no writes in between. */
export function writesBetween(before: WriteCounts, after: WriteCounts): WriteCounts {
  const out: WriteCounts = new Map();
  for (const [k, v] of after) if (v - (before.get(k) ?? 0) > 0) out.set(k, v - (before.get(k) ?? 0));
  return out;
}

/** "8.1 (servers 1.0, servers/status 2.0, pods 2.0, events 3.1)" per item. */
export function describeWrites(writes: WriteCounts, per: number): string {
  const total = [...writes.values()].reduce((a, b) => a + b, 0);
  // Background writes that round to 0.0 per item (a namespace's service account, a lease) say nothing.
  const parts = [...writes].filter(([, v]) => v / per >= 0.05).sort((a, b) => b[1] - a[1]).map(([k, v]) => `${k} ${(v / per).toFixed(1)}`);
  return `${(total / per).toFixed(1)} (${parts.join(', ')})`;
}
