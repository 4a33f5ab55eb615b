// Starts the API server against a cluster: caches, token keys, then the HTTP listener.
import type { Server as HttpServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import { Registry } from 'prom-client';
import type { KubeClient } from '../../crds/client/client.js';
import { createApp } from './app.js';
import { createTokenProvider, type TokenProvider } from './auth/token-provider.js';
import type { ApiConfig, AppDeps, Logger } from './deps.js';
import { createStores } from './kube/stores.js';
import { allServices } from './services/index.js';

export interface RunningApiServer {
  url: string;
  deps: AppDeps;
  tokens: TokenProvider;
  stop(): Promise<void>;
}

export interface ApiServerOptions {
  kube: KubeClient;
  config: ApiConfig;
  host: string;
  port: number;
  log: Logger;
  metrics?: Registry;
}

export async function startApiServer(opts: ApiServerOptions): Promise<RunningApiServer> {
  const storeSet = createStores(opts.kube, opts.log);
  await storeSet.start();
  const deps: AppDeps = { config: opts.config, kube: opts.kube, stores: storeSet.stores, metrics: opts.metrics ?? new Registry(), log: opts.log };
  const tokens = createTokenProvider(deps);
  await tokens.start();
  const app = createApp(deps, tokens.authenticator, allServices(deps, tokens));
  const server: HttpServer = await new Promise((resolve, reject) => {
    const s = app.listen(opts.port, opts.host, () => resolve(s));
    s.on('error', reject);
  });
  const addr = server.address() as AddressInfo;
  const url = `http://${addr.address.includes(':') ? `[${addr.address}]` : addr.address}:${addr.port}`;
  if (!deps.config.publicUrl) deps.config.publicUrl = url;
  return {
    url,
    deps,
    tokens,
    stop: async () => {
      await new Promise<void>((resolve) => server.close(() => resolve()));
      server.closeAllConnections();
      tokens.stop();
      storeSet.stop();
    },
  };
}
