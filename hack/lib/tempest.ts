// Configures and runs Debian's Tempest 33 against a running openstack-sim: tempest.conf (and, in
// the accounts mode, the pre-provisioned accounts) come from clouds.yaml and the live discovery
// documents.
import { spawn } from 'node:child_process';
import { createWriteStream, existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import yaml from 'js-yaml';
import { CLOUD_USERS } from './clouds.js';
import { run } from './exec.js';
import { renderTempestConf, type CredentialsMode, type TempestEnv } from './tempest-conf.js';
import { provisionAccounts } from './tempest-accounts.js';
import { passwordLogin } from './keystone-login.js';

export type TempestSelection =
  | { kind: 'list'; file: string }
  | { kind: 'interop'; guideline: string }
  | { kind: 'regex'; regex: string };

export interface TempestResult {
  passed: number;
  failed: number;
  skipped: number;
  total: number;
  logFile: string;
}

interface Clouds {
  clouds: Record<string, { auth: { auth_url: string; username: string; password: string; project_name: string } }>;
}

// Interop 2020.06 names that moved in Tempest 33 (see shared/conformance/README.md).
const RENAMED: Record<string, string> = {
  'tempest.api.network.test_routers.RoutersTest.test_update_router_unset_gateway':
    'tempest.api.network.admin.test_routers.RoutersAdminTest.test_update_router_unset_gateway',
};
const REMOVED = new Set(['tempest.api.volume.test_snapshot_metadata.VolumesMetadataTest.test_update_snapshot_metadata']);

const escapeRe = (s: string): string => s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');

export function interopTestNames(guidelineFile: string): string[] {
  const doc = JSON.parse(readFileSync(guidelineFile, 'utf8')) as { capabilities: Record<string, Record<string, string>> };
  const names = Object.values(doc.capabilities).flatMap((tests) => Object.keys(tests));
  return [...new Set(names.filter((n) => !REMOVED.has(n)).map((n) => RENAMED[n] ?? n))].sort();
}

function includeList(sel: TempestSelection): { lines: string[]; total: number } {
  if (sel.kind === 'regex') return { lines: [sel.regex], total: 0 };
  if (sel.kind === 'interop') {
    const names = interopTestNames(sel.guideline);
    return { lines: names.map((n) => `^${escapeRe(n)}\\[`), total: names.length };
  }
  const lines = readFileSync(sel.file, 'utf8').split('\n').map((l) => l.trim()).filter((l) => l && !l.startsWith('#'));
  return { lines, total: 0 };
}

/**
 * The alternate image Tempest's image_ref_alt names: cirros uploaded a second time under another
 * name (public, the same container image), made once and found by name afterwards, as DevStack's
 * Tempest setup uploads its image twice.
 */
async function ensureAltImage(base: string, token: string, cirrosId: string): Promise<string> {
  const headers = { 'X-Auth-Token': token, 'Content-Type': 'application/json' };
  const found = (await (await fetch(`${base}/image/v2/images?name=cirros-alt`, { headers })).json()) as { images: { id: string; status: string }[] };
  const ready = found.images.find((i) => i.status === 'active');
  if (ready) return ready.id;
  const cirros = (await (await fetch(`${base}/image/v2/images/${cirrosId}`, { headers })).json()) as { container_image?: string };
  const made = (await (await fetch(`${base}/image/v2/images`, { method: 'POST', headers, body: JSON.stringify({ name: 'cirros-alt', disk_format: 'qcow2', container_format: 'bare', visibility: 'public', ...(cirros.container_image ? { container_image: cirros.container_image } : {}) }) })).json()) as { id: string };
  const put = await fetch(`${base}/image/v2/images/${made.id}/file`, { method: 'PUT', headers: { 'X-Auth-Token': token, 'Content-Type': 'application/octet-stream' }, body: Buffer.from('cirros-alt') });
  if (!put.ok) throw new Error(`uploading cirros-alt failed: ${put.status} ${await put.text()}`);
  return made.id;
}

async function discoverEnv(stateDir: string, credentials: CredentialsMode): Promise<TempestEnv> {
  const clouds = yaml.load(readFileSync(join(stateDir, 'clouds.yaml'), 'utf8')) as Clouds;
  const admin = clouds.clouds['openstack-sim'].auth;
  const { token } = await passwordLogin(admin.auth_url, admin.username, admin.password, admin.project_name);
  const base = admin.auth_url.replace(/\/identity$/, '');
  const images = (await (await fetch(`${base}/image/v2/images?name=cirros`, { headers: { 'X-Auth-Token': token } })).json()) as { images: { id: string }[] };
  if (!images.images.length) throw new Error('no cirros image: was the deployment seeded?');
  const nets = (await (await fetch(`${base}/network/v2.0/networks?name=public&router:external=true`, { headers: { 'X-Auth-Token': token } })).json()) as { networks: { id: string }[] };
  if (!nets.networks.length) throw new Error('no external network public: was the deployment seeded?');
  const accounts = CLOUD_USERS.map((u) => ({ ...clouds.clouds[u.cloud].auth, admin: u.username === 'admin' }));
  const imageRefAlt = await ensureAltImage(base, token, images.images[0].id);
  return { authUrl: admin.auth_url, imageRef: images.images[0].id, imageRefAlt, flavorRef: '1', flavorRefAlt: '2', publicNetworkId: nets.networks[0].id, accounts, credentials };
}

function parseTotals(output: string): { passed: number; failed: number; skipped: number } {
  const num = (label: string): number => Number(new RegExp(`- ${label}: (\\d+)`).exec(output)?.[1] ?? 0);
  return { passed: num('Passed'), failed: num('Failed'), skipped: num('Skipped') };
}

/** A workspace registered in a file of our own, not in ~/.tempest, so clones never collide. */
async function ensureWorkspace(ws: string): Promise<void> {
  if (existsSync(join(ws, '.stestr.conf'))) return;
  const registry = join(ws, '..', 'tempest-workspaces.yaml');
  await run('tempest', ['init', '--workspace-path', registry, '--name', `openstack-sim-${Date.now()}`, ws], { quiet: true });
}

export interface TempestRunOptions {
  root: string;
  stateDir: string;
  selection: TempestSelection;
  /** Tempest's default (dynamic) unless told otherwise. */
  credentials?: CredentialsMode;
  log: (m: string) => void;
}

export async function runTempest(opts: TempestRunOptions): Promise<TempestResult> {
  const ws = join(opts.stateDir, 'tempest');
  mkdirSync(ws, { recursive: true });
  await ensureWorkspace(ws);
  const credentials = opts.credentials ?? 'dynamic';
  const env = await discoverEnv(opts.stateDir, credentials);
  if (credentials === 'accounts') {
    const accounts = await provisionAccounts(opts.stateDir, Number(process.env.OPENSTACK_SIM_TEMPEST_ACCOUNTS ?? 6), 3);
    writeFileSync(join(ws, 'etc', 'accounts.yaml'), yaml.dump(accounts));
  }
  opts.log(`credentials: ${credentials === 'dynamic' ? 'dynamic (use_dynamic_credentials = True)' : 'pre-provisioned accounts'}`);
  writeFileSync(join(ws, 'etc', 'tempest.conf'), renderTempestConf(ws, env));
  const { lines, total } = includeList(opts.selection);
  const listFile = join(ws, 'include-list.txt');
  writeFileSync(listFile, `${lines.join('\n')}\n`);
  const logFile = join(ws, 'last-run.log');
  opts.log(`running ${lines.length} selection lines; output in ${logFile}`);
  const output = await streamTempest(ws, listFile, logFile, opts.log);
  const totals = parseTotals(output);
  return { ...totals, total: total || totals.passed + totals.failed + totals.skipped, logFile };
}

function streamTempest(ws: string, listFile: string, logFile: string, log: (m: string) => void): Promise<string> {
  return new Promise((resolve, reject) => {
    const out = createWriteStream(logFile);
    const child = spawn('tempest', ['run', '--include-list', listFile, '--concurrency', '2'], { cwd: ws, stdio: ['ignore', 'pipe', 'pipe'] });
    let all = '';
    const onData = (d: Buffer): void => {
      const text = d.toString();
      all += text;
      out.write(text);
      for (const line of text.split('\n')) if (/\.\.\. (ok|FAILED|SKIPPED)/.test(line)) log(line.trim());
    };
    child.stdout.on('data', onData);
    child.stderr.on('data', onData);
    child.on('error', reject);
    child.on('close', () => {
      out.end();
      resolve(all);
    });
  });
}
