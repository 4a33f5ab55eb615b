// The Express applications: the API port, with one path prefix per OpenStack service and /healthz,
// and the metrics port, with /metrics only, so that a Service exposing the OpenStack APIs does not
// publish the metrics too. No listen here, so tests can mount them on ephemeral ports (see server.ts).
import express, { type Express, type Request } from 'express';
import type { Counter, Registry } from 'prom-client';
import { counter } from '../../crds/client/metrics.js';
import type { AppDeps, Authenticator } from './deps.js';
import { buildServiceRouter, type RouterDeps, type ServiceDef } from './common/router.js';

export interface MountedService {
  mount: string; // e.g. '/identity'
  service: ServiceDef;
}

function requestCounter(registry: Registry): Counter<'service' | 'route' | 'code'> {
  const labelNames = ['service', 'route', 'code'] as const;
  return counter(registry, { name: 'openstack_sim_api_requests_total', help: 'API requests by service, route and status code.', labelNames });
}

/** Self links use the configured public URL, as keystoneauth uses them as the base for later calls. */
function baseUrlOf(deps: AppDeps): (req: Request) => string {
  return (req) => deps.config.publicUrl.replace(/\/$/, '') || `${req.protocol}://${req.host || '127.0.0.1'}`;
}

export function createApp(deps: AppDeps, auth: Authenticator, services: MountedService[]): Express {
  const app = express();
  app.disable('x-powered-by');
  // Behind a TLS-terminating ingress, the scheme and host come from the proxy's headers.
  app.set('trust proxy', deps.config.trustedProxies ?? 0);
  app.set('etag', false);
  const requests = requestCounter(deps.metrics);
  const routerDeps: RouterDeps = {
    authenticate: (token) => auth.authenticate(token),
    baseUrl: baseUrlOf(deps),
    validateResponses: deps.config.validateResponses === true,
    onRequest: (service, route, status) => requests.inc({ service, route, code: String(status) }),
    logError: (err, req) => deps.log.error('unexpected error', { method: req.method, url: req.originalUrl, error: String((err as Error)?.stack ?? err) }),
  };
  app.use((req, res, next) => {
    const id = `req-${crypto.randomUUID()}`;
    res.setHeader('X-OpenStack-Request-Id', id);
    // Nova also names it in its own header, which Tempest's instance action tests read.
    if (req.path.startsWith('/compute')) res.setHeader('X-Compute-Request-Id', id);
    next();
  });
  for (const { mount, service } of services) app.use(mount, buildServiceRouter(service, routerDeps));
  app.get('/healthz', (_req, res) => void res.type('text/plain').send('ok'));
  app.use((req, res) => void res.status(404).json({ error: { code: 404, title: 'Not Found', message: `No service at ${req.path}` } }));
  return app;
}

/** Prometheus text for the registry the API app counts into; every other path is a 404. */
export function createMetricsApp(registry: Registry): Express {
  const app = express();
  app.disable('x-powered-by');
  app.get('/metrics', async (_req, res) => {
    res.type(registry.contentType).send(await registry.metrics());
  });
  app.use((_req, res) => void res.status(404).type('text/plain').send('not found'));
  return app;
}
