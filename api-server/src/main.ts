// The API server process: flags and environment in, a listening server out; SIGTERM stops it.
// Logs are the operator's JSON lines; a stray rejection or exception is logged and ends the
// process with status 1, so that the Deployment restarts it rather than it limping on.
import { parseArgs } from 'node:util';
import { jsonLogger, type Logger } from '../../crds/client/logger.js';
import { crashHandler, installCrashHandlers, invokedDirectly } from '../../crds/client/process.js';
import { DEFAULT_SYSTEM_NAMESPACE } from '../../crds/naming.js';
import type { TokenProviderOptions } from './auth/token-provider.js';
import type { ApiServerOptions, RunningApiServer } from './server.js';

export type ApiServerConfig = Omit<ApiServerOptions, 'kube' | 'log' | 'metrics'> & { kubeconfig?: string };

/** The same fields as the operator's lines (ts, level, msg, logger). */
export function createLogger(write?: (line: string) => void): Logger {
  return jsonLogger({ base: { logger: 'openstack-sim-api-server' }, write });
}

function parsePort(flag: string, value: string): number {
  const port = Number(value);
  if (value.trim() === '' || !Number.isInteger(port) || port < 0 || port > 65535) throw new Error(`invalid --${flag}: ${value}`);
  return port;
}

/** How many reverse-proxy hops to trust for X-Forwarded-* (0: none). */
function parseProxies(value: string): number {
  const n = Number(value);
  if (value.trim() === '' || !Number.isInteger(n) || n < 0) throw new Error(`invalid --trusted-proxies: ${value}`);
  return n;
}

/** A port, 0 for any free one, or "off" / a negative number for no metrics listener. */
export function parseMetricsPort(value: string): number | undefined {
  const v = value.trim().toLowerCase();
  if (v === 'off' || /^-\d+$/.test(v)) return undefined;
  return parsePort('metrics-port', v);
}

/** Glance's image_size_cap, in bytes. */
function parseSizeCap(value: string): number {
  const n = Number(value);
  if (value.trim() === '' || !Number.isSafeInteger(n) || n < 1) throw new Error(`invalid --image-size-cap: ${value}`);
  return n;
}

function identityFlags(env: NodeJS.ProcessEnv): Record<'project-delete-mode' | 'password-expires-days', { type: 'string'; default: string }> {
  return {
    'project-delete-mode': { type: 'string', default: env.OPENSTACK_SIM_PROJECT_DELETE_MODE ?? 'refuse' },
    'password-expires-days': { type: 'string', default: env.OPENSTACK_SIM_PASSWORD_EXPIRES_DAYS ?? '0' },
  };
}

/** --project-delete-mode: refuse (409 naming what a project still owns) or cascade (delete it first). */
function parseProjectDeleteMode(value: string): 'refuse' | 'cascade' {
  if (value !== 'refuse' && value !== 'cascade') throw new Error(`invalid --project-delete-mode: ${value} (refuse or cascade)`);
  return value;
}

/** A new project's Namespace is normally ready in well under a second; past this, answer anyway. */
const PROJECT_NAMESPACE_WAIT_MS = 10_000;

/** The identity flags: --project-delete-mode, and --password-expires-days (Keystone's password_expires_days; 0 means never). */
function identityConfig(values: Record<string, string | undefined>): Pick<ApiServerConfig['config'], 'projectDeleteMode' | 'passwordExpiresDays' | 'projectNamespaceWaitMs'> {
  const days = values['password-expires-days'] ?? '0';
  const n = Number(days);
  if (days.trim() === '' || !Number.isInteger(n) || n < 0) throw new Error(`invalid --password-expires-days: ${days}`);
  return { projectDeleteMode: parseProjectDeleteMode(values['project-delete-mode'] ?? 'refuse'), ...(n > 0 ? { passwordExpiresDays: n } : {}), projectNamespaceWaitMs: PROJECT_NAMESPACE_WAIT_MS };
}

/** Flags win over the OPENSTACK_SIM_* environment variables. */
export function parseConfig(argv: string[], env: NodeJS.ProcessEnv): ApiServerConfig {
  const str = (fallback: string) => ({ type: 'string', default: fallback }) as const;
  const { values } = parseArgs({
    args: argv,
    strict: true,
    options: {
      kubeconfig: { type: 'string', default: env.KUBECONFIG },
      host: str(env.OPENSTACK_SIM_HOST ?? '127.0.0.1'),
      port: str(env.OPENSTACK_SIM_PORT ?? '5000'),
      'metrics-port': str(env.OPENSTACK_SIM_METRICS_PORT ?? '9090'),
      'public-url': str(env.OPENSTACK_SIM_PUBLIC_URL ?? ''),
      'trusted-proxies': str(env.OPENSTACK_SIM_TRUSTED_PROXIES ?? '0'),
      region: str(env.OPENSTACK_SIM_REGION ?? 'RegionOne'),
      'system-namespace': str(env.OPENSTACK_SIM_SYSTEM_NAMESPACE ?? DEFAULT_SYSTEM_NAMESPACE),
      'token-ttl': str(env.OPENSTACK_SIM_TOKEN_TTL ?? '3600'),
      'image-dir': str(env.OPENSTACK_SIM_IMAGE_DIR ?? '/var/lib/openstack-sim/images'),
      'image-size-cap': str(env.OPENSTACK_SIM_IMAGE_SIZE_CAP ?? String(1024 ** 4)),
      ...identityFlags(env),
      ...tokenFlags(env),
    },
  });
  return {
    kubeconfig: values.kubeconfig,
    host: values.host,
    port: parsePort('port', values.port),
    metricsPort: parseMetricsPort(values['metrics-port']),
    config: {
      publicUrl: values['public-url'], region: values.region, systemNamespace: values['system-namespace'], tokenTtlSeconds: Number(values['token-ttl']), trustedProxies: parseProxies(values['trusted-proxies']),
      ...identityConfig(values),
    },
    tokens: tokenOptions(values),
    images: { dir: values['image-dir'], maxBytes: parseSizeCap(values['image-size-cap']) },
  };
}

/** Keystone's [security_compliance] and [revoke] settings, each a flag or OPENSTACK_SIM_<FLAG>. */
const TOKEN_FLAGS = {
  'lockout-failure-attempts': '0',
  'lockout-duration': '1800',
  'password-check-concurrency': '2',
  'password-check-queue': '16',
  'revocation-expiration-buffer': '1800',
  'revocation-sweep-interval': '300',
  'max-revocations-per-user': '100',
} as const;
type TokenFlag = keyof typeof TOKEN_FLAGS;

function tokenFlags(env: NodeJS.ProcessEnv): Record<TokenFlag, { type: 'string'; default: string }> {
  const entries = Object.entries(TOKEN_FLAGS).map(([flag, fallback]) => {
    const fromEnv = env[`OPENSTACK_SIM_${flag.toUpperCase().replace(/-/g, '_')}`];
    return [flag, { type: 'string' as const, default: fromEnv ?? fallback }];
  });
  return Object.fromEntries(entries) as Record<TokenFlag, { type: 'string'; default: string }>;
}

function count(values: Record<string, string | undefined>, flag: TokenFlag, min = 0): number {
  const raw = values[flag] ?? TOKEN_FLAGS[flag];
  const n = Number(raw);
  if (raw.trim() === '' || !Number.isInteger(n) || n < min) throw new Error(`invalid --${flag}: ${raw}`);
  return n;
}

function tokenOptions(values: Record<string, string | undefined>): TokenProviderOptions {
  return {
    lockoutFailureAttempts: count(values, 'lockout-failure-attempts'),
    lockoutDurationSeconds: count(values, 'lockout-duration'),
    passwordChecks: { concurrency: count(values, 'password-check-concurrency', 1), queue: count(values, 'password-check-queue') },
    revocationExpirationBufferSeconds: count(values, 'revocation-expiration-buffer'),
    revocationSweepIntervalSeconds: count(values, 'revocation-sweep-interval'),
    maxRevocationsPerUser: count(values, 'max-revocations-per-user'),
  };
}

function onSignals(log: Logger, server: RunningApiServer): void {
  const shutdown = (signal: string): void => {
    log.info('shutting down', { signal });
    server.stop().then(
      () => process.exit(0),
      (err: unknown) => crashHandler(log, 'shutdown failed', (code) => process.exit(code))(err),
    );
  };
  process.on('SIGTERM', () => shutdown('SIGTERM'));
  process.on('SIGINT', () => shutdown('SIGINT'));
}

export async function main(argv: string[] = process.argv.slice(2), env: NodeJS.ProcessEnv = process.env): Promise<RunningApiServer> {
  const log = createLogger();
  installCrashHandlers(log);
  const { kubeconfig, ...cfg } = parseConfig(argv, env);
  // Loaded only now, so that the crash handlers already cover the (slow) loading of the Kubernetes
  // client and the services, and tests can import this module's parsing and handlers cheaply.
  const [{ HttpKubeClient, loadKubeConfig }, { startApiServer }] = await Promise.all([import('../../crds/client/http-client.js'), import('./server.js')]);
  const server = await startApiServer({ ...cfg, kube: new HttpKubeClient(loadKubeConfig(kubeconfig)), log });
  log.info('listening', { url: server.url, publicUrl: server.deps.config.publicUrl, metricsUrl: server.metricsUrl });
  onSignals(log, server);
  return server;
}

if (invokedDirectly(import.meta.url)) {
  main().catch((err: unknown) => crashHandler(createLogger(), 'startup failed', (code) => process.exit(code))(err));
}
