// The operator's small HTTP endpoint: /metrics (Prometheus text), /healthz (the process answers)
// and /readyz (the informer caches are synced).
import http from 'node:http';
import type { AddressInfo } from 'node:net';
import type { Registry } from 'prom-client';

export interface ProbeServerOptions {
  registry: Registry;
  isReady(): boolean;
}

async function respond(req: http.IncomingMessage, res: http.ServerResponse, opts: ProbeServerOptions): Promise<void> {
  const path = (req.url ?? '/').split('?')[0];
  if (path === '/metrics') {
    const body = await opts.registry.metrics();
    res.writeHead(200, { 'Content-Type': opts.registry.contentType }).end(body);
  } else if (path === '/healthz') {
    res.writeHead(200, { 'Content-Type': 'text/plain' }).end('ok');
  } else if (path === '/readyz') {
    const ready = opts.isReady();
    res.writeHead(ready ? 200 : 503, { 'Content-Type': 'text/plain' }).end(ready ? 'ok' : 'caches not synced');
  } else {
    res.writeHead(404, { 'Content-Type': 'text/plain' }).end('not found');
  }
}

export function createProbeServer(opts: ProbeServerOptions): http.Server {
  return http.createServer((req, res) => {
    respond(req, res, opts).catch((err: unknown) => {
      if (!res.headersSent) res.writeHead(500, { 'Content-Type': 'text/plain' });
      res.end(String(err));
    });
  });
}

/** Parses "host:port", ":port" or "port"; "0" means disabled (undefined). */
export function parseBindAddress(addr: string): { host?: string; port: number } | undefined {
  if (addr === '0' || addr === '') return undefined;
  const i = addr.lastIndexOf(':');
  const host = i > 0 ? addr.slice(0, i).replace(/^\[|\]$/g, '') : undefined;
  const port = Number(i >= 0 ? addr.slice(i + 1) : addr);
  if (!Number.isInteger(port) || port < 0 || port > 65535) throw new Error(`invalid bind address: ${addr}`);
  return { host, port };
}

export function listen(server: http.Server, bind: { host?: string; port: number }): Promise<AddressInfo> {
  return new Promise((resolve, reject) => {
    server.once('error', reject);
    server.listen(bind.port, bind.host, () => {
      server.off('error', reject);
      resolve(server.address() as AddressInfo);
    });
  });
}

export function close(server: http.Server): Promise<void> {
  return new Promise((resolve) => {
    server.close(() => resolve());
    server.closeAllConnections();
  });
}
