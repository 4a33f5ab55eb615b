// The operator's command line: flags (or environment variables), JSON logs on stdout, the
// metrics/health endpoint, and a clean shutdown on SIGINT/SIGTERM (controllers stopped, Lease
// released, exit 0). Watch failures never end the process: the informers retry by themselves.
import { parseArgs } from 'node:util';
import { Registry, collectDefaultMetrics } from 'prom-client';
import { HttpKubeClient, loadKubeConfig } from '../../crds/client/http-client.js';
import { DEFAULT_SYSTEM_NAMESPACE } from '../../crds/naming.js';
import { jsonLogger, type LogLevel, type Logger } from '../../crds/client/logger.js';
import { installCrashHandlers, invokedDirectly } from '../../crds/client/process.js';
import { close, createProbeServer, listen, parseBindAddress } from './runtime/probes.js';
import { startOperator, type RunningOperator } from './operator.js';
import { CONTROLLERS } from './controllers/index.js';
import { consoleController } from './controllers/console/console.controller.js';

export interface OperatorConfig {
  kubeconfig?: string;
  metricsBindAddress: string;
  leaderElect: boolean;
  namespace: string;
  workers: number;
  logLevel: LogLevel;
  identity?: string;
  /** Set on a KWOK cluster: where servers' console logs are written for kwok-controller to serve. */
  kwokConsoleDir?: string;
}

const USAGE = `usage: operator [--kubeconfig PATH] [--metrics-bind-address HOST:PORT|0] [--leader-elect[=true|false]]
                [--namespace NS] [--workers N] [--log-level debug|info|warn|error]
                [--kwok-console-dir DIR]   (KWOK clusters: write servers' console logs there)`;

function truthy(v: string | undefined): boolean | undefined {
  return v === undefined || v === '' ? undefined : ['1', 'true', 'yes'].includes(v.toLowerCase());
}

type Flags = Partial<Record<'kubeconfig' | 'metrics-bind-address' | 'namespace' | 'workers' | 'log-level' | 'kwok-console-dir', string>> & {
  'leader-elect'?: boolean;
  'no-leader-elect'?: boolean;
};

function readFlags(argv: string[]): Flags {
  const args = argv.map((a) => (a === '--leader-elect=false' ? '--no-leader-elect' : a === '--leader-elect=true' ? '--leader-elect' : a));
  const str = { type: 'string' } as const;
  const bool = { type: 'boolean' } as const;
  const { values } = parseArgs({
    args,
    strict: true,
    options: {
      kubeconfig: str,
      'metrics-bind-address': str,
      'leader-elect': bool,
      'no-leader-elect': bool,
      namespace: str,
      workers: str,
      'log-level': str,
      'kwok-console-dir': str,
    },
  });
  return values;
}

function leaderElectOf(flags: Flags, env: NodeJS.ProcessEnv): boolean {
  if (flags['no-leader-elect']) return false;
  return flags['leader-elect'] ?? truthy(env.LEADER_ELECT) ?? false;
}

/** The first value that is set and not empty. */
function first(...values: (string | undefined)[]): string | undefined {
  return values.find((v) => v !== undefined && v !== '');
}

/** Flags win over environment variables (KUBECONFIG, METRICS_BIND_ADDRESS, LEADER_ELECT, ...). */
export function parseConfig(argv: string[], env: NodeJS.ProcessEnv): OperatorConfig {
  const flags = readFlags(argv);
  const workers = Number(first(flags.workers, env.OPERATOR_WORKERS, '4'));
  const logLevel = first(flags['log-level'], env.LOG_LEVEL, 'info') as LogLevel;
  if (!Number.isInteger(workers) || workers < 1) throw new Error(`invalid --workers: ${workers}\n${USAGE}`);
  if (!['debug', 'info', 'warn', 'error'].includes(logLevel)) throw new Error(`invalid --log-level: ${logLevel}\n${USAGE}`);
  return {
    kubeconfig: first(flags.kubeconfig, env.KUBECONFIG),
    metricsBindAddress: first(flags['metrics-bind-address'], env.METRICS_BIND_ADDRESS) ?? '127.0.0.1:8080',
    leaderElect: leaderElectOf(flags, env),
    namespace: first(flags.namespace, env.LEASE_NAMESPACE, env.POD_NAMESPACE, DEFAULT_SYSTEM_NAMESPACE) ?? DEFAULT_SYSTEM_NAMESPACE,
    workers,
    logLevel,
    identity: first(env.POD_NAME),
    kwokConsoleDir: first(flags['kwok-console-dir'], env.KWOK_CONSOLE_DIR),
  };
}

function onSignals(log: Logger, shutdown: (signal: string) => Promise<void>): void {
  let stopping = false;
  const handler = (signal: string): void => {
    if (stopping) {
      log.warn('second signal; exiting at once', { signal });
      process.exit(1);
    }
    stopping = true;
    log.info('shutting down', { signal });
    shutdown(signal).then(
      () => process.exit(0),
      (err: unknown) => {
        log.error('shutdown failed', { error: err });
        process.exit(1);
      },
    );
  };
  process.on('SIGINT', handler);
  process.on('SIGTERM', handler);
}

export async function main(argv: string[] = process.argv.slice(2), env: NodeJS.ProcessEnv = process.env): Promise<RunningOperator> {
  const cfg = parseConfig(argv, env);
  const log = jsonLogger({ level: cfg.logLevel, base: { logger: 'openstack-sim-operator' } });
  installCrashHandlers(log);
  const registry = new Registry();
  collectDefaultMetrics({ register: registry });
  const kube = new HttpKubeClient(loadKubeConfig(cfg.kubeconfig));
  const controllers = cfg.kwokConsoleDir ? [...CONTROLLERS, consoleController(cfg.kwokConsoleDir, log)] : CONTROLLERS;
  const op = await startOperator({ kube, metrics: registry, identity: cfg.identity, leaseNamespace: cfg.namespace, workers: cfg.workers, log, leaderElection: cfg.leaderElect, controllers });
  let synced = false;
  void op.ready.then(() => (synced = true));
  const bind = parseBindAddress(cfg.metricsBindAddress);
  const probes = bind ? createProbeServer({ registry, isReady: () => synced }) : undefined;
  if (probes && bind) {
    const addr = await listen(probes, bind);
    log.info('serving metrics and probes', { address: `${addr.address}:${addr.port}` });
  }
  log.info('operator started', { leaderElect: cfg.leaderElect, namespace: cfg.namespace, workers: cfg.workers });
  onSignals(log, async () => {
    await op.stop();
    if (probes) await close(probes);
  });
  return op;
}

if (invokedDirectly(import.meta.url)) {
  main().catch((err: unknown) => {
    process.stderr.write(`${err instanceof Error ? err.message : String(err)}\n`);
    process.exitCode = 1;
  });
}
