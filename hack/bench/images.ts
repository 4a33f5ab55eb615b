// Image data benchmark (issue 7): uploads and downloads an image of --size MiB (1 GiB by default)
// through Glance's PUT/GET /v2/images/{id}/file against `npm start`, and reports
//   - the API server's RSS growth during each (its VmRSS sampled every 20 ms, peak minus the
//     value before): the data streams, so the target is under 64 MB whatever the size;
//   - upload throughput against a raw write of the same bytes to the same disk (a file beside the
//     image store, fsynced as the store fsyncs an upload before renaming it into place), measured
//     in the same run just before and just after the upload and download, which it brackets: the
//     baseline is their mean, since this disk's rate drifts (bursts when idle, less after a GiB
//     of writes): target >= 0.5.
// The bytes are a random MiB repeated, generated as they are sent (the benchmark holds no image
// in memory either); the download is hashed here and must match the image's os_hash_value.
// Loopback only; the image and the raw file are deleted at the end.
//   npm start   (in another terminal), then:
//   npx tsx hack/bench/images.ts [--size 1024]
import { createHash, randomBytes } from 'node:crypto';
import { readFileSync, rmSync } from 'node:fs';
import { open } from 'node:fs/promises';
import { request } from 'node:http';
import { join } from 'node:path';
import { Readable } from 'node:stream';
import { pipeline } from 'node:stream/promises';
import { parseArgs } from 'node:util';
import yaml from 'js-yaml';
import { passwordLogin } from '../lib/keystone-login.js';
import { describeCpu, findComponents, sampleCpu } from './cpu.js';

const root = join(import.meta.dirname, '..', '..');
const stateDir = process.env.OPENSTACK_SIM_STATE ?? join(root, '.openstack-sim');
const { values } = parseArgs({ options: { size: { type: 'string', default: '1024' } } });
const MIB = 1024 * 1024;
const SIZE_MIB = Math.min(Math.max(1, Number(values.size)), 4096);
const block = randomBytes(MIB);

interface Clouds {
  clouds: Record<string, { auth: { auth_url: string; username: string; password: string; project_name: string } }>;
}

/** SIZE_MIB copies of one random MiB, made as they are read. */
function imageBytes(): Readable {
  let sent = 0;
  return new Readable({
    read() {
      this.push(sent++ < SIZE_MIB ? block : null);
    },
  });
}

function rssBytes(pid: string): number {
  const line = readFileSync(`/proc/${pid}/status`, 'utf8').split('\n').find((l) => l.startsWith('VmRSS:'));
  return Number(/(\d+)/.exec(line ?? '')?.[1] ?? 0) * 1024;
}

/** Runs `work` while sampling the process's RSS; returns its seconds and the peak growth in bytes. */
async function measured(pid: string, work: () => Promise<void>): Promise<{ seconds: number; growth: number }> {
  const before = rssBytes(pid);
  let peak = before;
  const timer = setInterval(() => (peak = Math.max(peak, rssBytes(pid))), 20);
  const t = performance.now();
  try {
    await work();
  } finally {
    clearInterval(timer);
  }
  return { seconds: (performance.now() - t) / 1000, growth: Math.max(0, Math.max(peak, rssBytes(pid)) - before) };
}

function send(url: URL, method: string, headers: Record<string, string>, body?: Readable): Promise<{ status: number; body: Readable }> {
  return new Promise((resolve, reject) => {
    const req = request(url, { method, headers }, (res) => resolve({ status: res.statusCode ?? 0, body: res }));
    req.on('error', reject);
    if (body) pipeline(body, req).catch(reject);
    else req.end();
  });
}

const auth = (yaml.load(readFileSync(join(stateDir, 'clouds.yaml'), 'utf8')) as Clouds).clouds['openstack-sim'].auth;
const base = auth.auth_url.replace(/\/identity$/, '');
const session = await passwordLogin(auth.auth_url, auth.username, auth.password, auth.project_name);
const headers = { 'X-Auth-Token': session.token };
const components = findComponents();
const api = components.get('api-server');
if (!api) throw new Error('no API server process found: start the stack with npm start first');

const rawFile = join(stateDir, 'images', `bench-raw-${process.pid}`);

/** The same bytes written to a file in the store's directory and fsynced: the disk's own rate. */
async function rawWrite(): Promise<{ seconds: number }> {
  const t = performance.now();
  const file = await open(rawFile, 'w');
  try {
    for await (const chunk of imageBytes()) await file.write(chunk as Buffer);
    await file.sync();
  } finally {
    await file.close();
    rmSync(rawFile, { force: true });
  }
  return { seconds: (performance.now() - t) / 1000 };
}

const rawBefore = await rawWrite();

const created = await fetch(`${base}/image/v2/images`, { method: 'POST', headers: { ...headers, 'Content-Type': 'application/json' }, body: JSON.stringify({ name: `bench-${process.pid}`, disk_format: 'raw', container_format: 'bare', visibility: 'private' }) });
const imageId = ((await created.json()) as { id: string }).id;
try {
  const fileUrl = new URL(`${base}/image/v2/images/${imageId}/file`);
  const cpuBefore = sampleCpu(components);
  const upload = await measured(api, async () => {
    const res = await send(fileUrl, 'PUT', { ...headers, 'Content-Type': 'application/octet-stream' }, imageBytes());
    res.body.resume();
    if (res.status !== 204) throw new Error(`upload answered ${res.status}`);
  });
  const uploadCpu = describeCpu(cpuBefore, sampleCpu(components), SIZE_MIB);
  const hash = createHash('sha512');
  const download = await measured(api, async () => {
    const res = await send(fileUrl, 'GET', headers);
    if (res.status !== 200) throw new Error(`download answered ${res.status}`);
    for await (const chunk of res.body) hash.update(chunk as Buffer);
  });
  const rawAfter = await rawWrite();
  const raw = { seconds: (rawBefore.seconds + rawAfter.seconds) / 2 };
  const shown = (await (await fetch(`${base}/image/v2/images/${imageId}`, { headers })).json()) as { os_hash_value: string; size: number };
  if (shown.os_hash_value !== hash.digest('hex') || shown.size !== SIZE_MIB * MIB) throw new Error('the downloaded bytes differ from the uploaded ones');
  const rate = (s: number): string => `${(SIZE_MIB / s).toFixed(0)} MiB/s`;
  const mb = (b: number): string => `${(b / MIB).toFixed(1)} MiB`;
  console.log(`Image data, ${SIZE_MIB} MiB (download verified against os_hash_value):`);
  console.log(`  raw write + fsync, same disk (baseline)         ${rate(raw.seconds)} (before ${rate(rawBefore.seconds)}, after ${rate(rawAfter.seconds)})`);
  console.log(`  PUT /v2/images/{id}/file                        ${rate(upload.seconds)}, API server RSS growth ${mb(upload.growth)}`);
  console.log(`  GET /v2/images/{id}/file                        ${rate(download.seconds)}, API server RSS growth ${mb(download.growth)}`);
  console.log(`  upload CPU per MiB: ${uploadCpu}`);
  console.log(`  upload throughput ratio (ours / raw): ${(raw.seconds / upload.seconds).toFixed(2)}   (target >= 0.5)`);
  console.log(`  RSS growth, worst of upload and download: ${mb(Math.max(upload.growth, download.growth))}   (target < 64 MiB)`);
} finally {
  await fetch(`${base}/image/v2/images/${imageId}`, { method: 'DELETE', headers });
}
