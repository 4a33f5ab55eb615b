// Starts the API server against a cluster: caches, token keys, then the API listener and the
// separate metrics listener.
import { QuotaAdmission } from './quota/quota.admission.js';
import { mkdtempSync, rmSync } from 'node:fs';
import { createServer, type Server as HttpServer } from 'node:http';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { AddressInfo } from 'node:net';
import { Registry } from 'prom-client';
import type { KubeClient, PodLogReader } from '../../crds/client/client.js';
import type { Express } from 'express';
import { createApp, createMetricsApp } from './app.js';
import { createTokenProvider, type TokenProvider, type TokenProviderOptions } from './auth/token-provider.js';
import type { ApiConfig, AppDeps, Logger } from './deps.js';
import { createStores } from './kube/stores.js';
import { ImageDataStore } from './services/glance/image-data/image-data.store.js';
import { allServices } from './services/index.js';

export interface RunningApiServer {
  url: string;
  /** Where /metrics is served; undefined when the metrics listener is off. */
  metricsUrl?: string;
  deps: AppDeps;
  tokens: TokenProvider;
  stop(): Promise<void>;
}

export interface ApiServerOptions {
  kube: KubeClient & PodLogReader;
  config: ApiConfig;
  host: string;
  port: number;
  /** Port of the separate /metrics listener on the same host (0: ephemeral); undefined: none. */
  metricsPort?: number;
  log: Logger;
  metrics?: Registry;
  /** Login bounds, lockout and revocation sweeping (Keystone's [security_compliance], [revoke]). */
  tokens?: TokenProviderOptions;
  /**
   * Glance's image store: a directory, and the largest image it takes (image_size_cap). Without
   * one (tests that embed the server) a fresh temporary directory, which does not outlive the run.
   */
  images?: { dir: string; maxBytes?: number };
}

/** A socket silent this long is cut (an upload that stalls); one that keeps sending may take its time. */
const IDLE_SOCKET_MS = 120_000;

function listen(app: Express, port: number, host: string): Promise<HttpServer> {
  // Node's requestTimeout (300 s for a whole request) would end any image upload slower than
  // that; the headers keep their own timeout, and an idle socket is cut instead.
  const s = createServer({ requestTimeout: 0 }, app);
  s.setTimeout(IDLE_SOCKET_MS);
  return new Promise((resolve, reject) => {
    s.once('error', reject);
    s.listen(port, host, () => {
      s.off('error', reject);
      resolve(s);
    });
  });
}

function urlOf(server: HttpServer): string {
  const addr = server.address() as AddressInfo;
  return `http://${addr.address.includes(':') ? `[${addr.address}]` : addr.address}:${addr.port}`;
}

async function close(server: HttpServer): Promise<void> {
  await new Promise<void>((resolve) => server.close(() => resolve()));
  server.closeAllConnections();
}

/** Image data without an image is removed at start once it is this old (see ImageDataStore.sweep). */
const ORPHAN_DATA_GRACE_MS = 10 * 60_000;

interface Started {
  deps: AppDeps;
  tokens: TokenProvider;
  servers: HttpServer[];
  stop: () => Promise<void>;
}

/** Caches, token keys and listeners; a half-started server is stopped before the error surfaces. */
async function start(opts: ApiServerOptions): Promise<Started> {
  const storeSet = createStores(opts.kube, opts.log);
  const servers: HttpServer[] = [];
  let tokens: TokenProvider | undefined;
  let imageData: ImageDataStore | undefined;
  const scratch = opts.images ? undefined : mkdtempSync(join(tmpdir(), 'openstack-sim-images-'));
  const stop = async (): Promise<void> => {
    await Promise.all(servers.map(close));
    tokens?.stop();
    storeSet.stop();
    await imageData?.stop();
    if (scratch) rmSync(scratch, { recursive: true, force: true });
  };
  try {
    await storeSet.start();
    imageData = new ImageDataStore(opts.images?.dir ?? scratch!, opts.images?.maxBytes);
    await imageData.start();
    const swept = await imageData.sweep((id) => storeSet.stores.images.get(id) !== undefined, ORPHAN_DATA_GRACE_MS);
    if (swept > 0) opts.log.info('removed image data whose image is gone', { files: swept });
    const deps: AppDeps = { config: opts.config, kube: opts.kube, stores: storeSet.stores, metrics: opts.metrics ?? new Registry(), log: opts.log, imageData, podLogs: opts.kube, quotas: new QuotaAdmission(opts.kube, storeSet.stores.quotaClasses) };
    tokens = createTokenProvider(deps, opts.tokens);
    await tokens.start();
    servers.push(await listen(createApp(deps, tokens.authenticator, allServices(deps, tokens)), opts.port, opts.host));
    // The metrics port can be taken (another API server on this machine): that fails the start.
    if (opts.metricsPort !== undefined) servers.push(await listen(createMetricsApp(deps.metrics), opts.metricsPort, opts.host));
    return { deps, tokens, servers, stop };
  } catch (err) {
    // Open watches and listeners would otherwise keep the process (or a test run) alive.
    await stop();
    throw err;
  }
}

export async function startApiServer(opts: ApiServerOptions): Promise<RunningApiServer> {
  const { deps, tokens, servers, stop } = await start(opts);
  const url = urlOf(servers[0]);
  return { url, metricsUrl: servers[1] && urlOf(servers[1]), deps, tokens, stop };
}
