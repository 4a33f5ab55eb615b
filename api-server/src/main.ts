// The API server process: flags and environment in, a listening server out; SIGTERM stops it.
import { parseArgs } from 'node:util';
import { HttpKubeClient, loadKubeConfig } from '../../crds/client/http-client.js';
import { DEFAULT_SYSTEM_NAMESPACE } from '../../crds/naming.js';
import type { Logger } from './deps.js';
import { startApiServer } from './server.js';

const { values } = parseArgs({
  options: {
    kubeconfig: { type: 'string', default: process.env.KUBECONFIG },
    host: { type: 'string', default: process.env.OPENSTACK_SIM_HOST ?? '127.0.0.1' },
    port: { type: 'string', default: process.env.OPENSTACK_SIM_PORT ?? '5000' },
    'public-url': { type: 'string', default: process.env.OPENSTACK_SIM_PUBLIC_URL ?? '' },
    region: { type: 'string', default: process.env.OPENSTACK_SIM_REGION ?? 'RegionOne' },
    'system-namespace': { type: 'string', default: process.env.OPENSTACK_SIM_SYSTEM_NAMESPACE ?? DEFAULT_SYSTEM_NAMESPACE },
    'token-ttl': { type: 'string', default: process.env.OPENSTACK_SIM_TOKEN_TTL ?? '3600' },
  },
});

const emit = (level: string) => (msg: string, fields?: Record<string, unknown>): void => {
  process.stdout.write(`${JSON.stringify({ time: new Date().toISOString(), level, component: 'api-server', msg, ...fields })}\n`);
};
const log: Logger = { info: emit('info'), warn: emit('warn'), error: emit('error') };

const server = await startApiServer({
  kube: new HttpKubeClient(loadKubeConfig(values.kubeconfig)),
  config: {
    publicUrl: values['public-url'] ?? '',
    region: values.region ?? 'RegionOne',
    systemNamespace: values['system-namespace'] ?? DEFAULT_SYSTEM_NAMESPACE,
    tokenTtlSeconds: Number(values['token-ttl']),
  },
  host: values.host ?? '127.0.0.1',
  port: Number(values.port),
  log,
});
log.info('listening', { url: server.url, publicUrl: server.deps.config.publicUrl });

const shutdown = (signal: string): void => {
  log.info('shutting down', { signal });
  void server.stop().then(() => process.exit(0));
};
process.on('SIGTERM', () => shutdown('SIGTERM'));
process.on('SIGINT', () => shutdown('SIGINT'));
