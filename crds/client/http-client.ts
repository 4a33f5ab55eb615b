// KubeClient over plain HTTP(S), authenticated from a kubeconfig. Written against the REST API
// rather than the generated client so that status subresources, server-side apply and watches
// with full error control all go through one small, testable path.
import http from 'node:http';
import https from 'node:https';
import { KubeConfig } from '@kubernetes/client-node';
import type { KubeObject } from '../kube-object.js';
import {
  KubeApiError,
  type DeleteOptions,
  type KubeClient,
  type ListOptions,
  type ListResult,
  type PodLogOptions,
  type PodLogReader,
  type WatchEvent,
  type WatchHandle,
} from './client.js';
import { apiVersionOf, resourcePath, Resources, type ResourceType } from '../resources.js';
import { readWatchStream } from './watch-stream.js';

interface RequestSpec {
  method: string;
  path: string;
  query?: Record<string, string | number | boolean | undefined>;
  body?: unknown;
  contentType?: string;
  /** The answer is plain text (a Pod's log), not JSON. */
  text?: boolean;
}

export function loadKubeConfig(path?: string): KubeConfig {
  const kc = new KubeConfig();
  if (path) kc.loadFromFile(path);
  else kc.loadFromDefault();
  return kc;
}

function queryString(query: RequestSpec['query']): string {
  const params = new URLSearchParams();
  for (const [k, v] of Object.entries(query ?? {})) if (v !== undefined && v !== '') params.set(k, String(v));
  const s = params.toString();
  return s ? `?${s}` : '';
}

function listQuery(opts: ListOptions = {}): RequestSpec['query'] {
  return { labelSelector: opts.labelSelector, fieldSelector: opts.fieldSelector, limit: opts.limit, continue: opts.continue };
}

/** One entry of a Status object's details.causes: which field the apiserver rejected, and why. */
export interface StatusCause {
  reason?: string;
  message?: string;
  field?: string;
}

export interface StatusDetails {
  name?: string;
  kind?: string;
  causes?: StatusCause[];
}

interface StatusBody {
  reason?: string;
  message?: string;
  details?: StatusDetails;
}

/**
 * A KubeApiError that also carries the Status object's details (a 422 Invalid names the rejected
 * fields there). A subclass so that client.ts's KubeApiError and every isX() helper stay as they are.
 */
export class KubeStatusError extends KubeApiError {
  readonly details?: StatusDetails;

  constructor(status: { code: number; reason: string; message: string; details?: StatusDetails }, retryAfterSeconds?: number) {
    super(status.code, status.reason, status.message, retryAfterSeconds);
    this.details = status.details;
  }
}

function parseStatus(text: string): StatusBody {
  try {
    const body = JSON.parse(text) as unknown;
    return body && typeof body === 'object' ? body : {};
  } catch {
    return {}; // not a Status object: the caller keeps the raw text
  }
}

/** Retry-After is delta-seconds here; an HTTP-date (never sent by kube-apiserver) is ignored. */
function retryAfterOf(header: string | undefined): number | undefined {
  const seconds = header ? Number(header) : NaN;
  return Number.isFinite(seconds) && seconds >= 0 ? seconds : undefined;
}

export function toApiError(status: number, text: string, retryAfter?: string): KubeStatusError {
  const body = parseStatus(text);
  const message = typeof body.message === 'string' ? body.message : text.slice(0, 500);
  const reason = typeof body.reason === 'string' ? body.reason : 'Unknown';
  return new KubeStatusError({ code: status, reason, message, details: body.details }, retryAfterOf(retryAfter));
}

/** Raised when the apiserver does not answer in time; the code is the one a socket timeout has. */
export class KubeTimeoutError extends Error {
  readonly code = 'ETIMEDOUT';

  constructor(spec: { method: string; path: string }, timeoutMs: number) {
    super(`the kube-apiserver did not answer ${spec.method} ${spec.path} within ${timeoutMs} ms`);
    this.name = 'KubeTimeoutError';
  }
}

export interface HttpKubeClientOptions {
  /** Deadline for one non-watch request, response body included (default 30 s). */
  requestTimeoutMs?: number;
  /** How long credentials read from the kubeconfig are reused (default CREDENTIALS_TTL_MS). */
  credentialsTtlMs?: number;
}

const DEFAULT_REQUEST_TIMEOUT_MS = 30_000;

/**
 * How long the kubeconfig's TLS material and credentials are reused before they are read again.
 * Reading them per request (files from disk, a token from its provider) cost a tenth of the
 * operator's CPU under load; a minute still follows a rotated certificate or a refreshed
 * service-account token long before the old one expires, as client-go's cached token reader does.
 */
export const CREDENTIALS_TTL_MS = 60_000;

type ConnectionOptions = Pick<https.RequestOptions, 'ca' | 'cert' | 'key' | 'pfx' | 'passphrase' | 'rejectUnauthorized' | 'servername' | 'auth'> & {
  headers: http.OutgoingHttpHeaders;
};

/** PEM as a string: the agent keys its socket pool by it on every request, and a Buffer is stringified each time. */
function pem(v: unknown): unknown {
  return Buffer.isBuffer(v) ? v.toString('utf8') : v;
}

async function readBody(res: http.IncomingMessage): Promise<string> {
  const chunks: Buffer[] = [];
  for await (const c of res) chunks.push(c as Buffer);
  return Buffer.concat(chunks).toString('utf8');
}

export class HttpKubeClient implements KubeClient, PodLogReader {
  private readonly server: URL;
  private readonly agent: http.Agent;
  private readonly requestTimeoutMs: number;
  private readonly credentialsTtlMs: number;
  private connection?: { options: Promise<ConnectionOptions>; until: number };

  constructor(
    private readonly kc: KubeConfig,
    opts: HttpKubeClientOptions = {},
  ) {
    this.requestTimeoutMs = opts.requestTimeoutMs ?? DEFAULT_REQUEST_TIMEOUT_MS;
    this.credentialsTtlMs = opts.credentialsTtlMs ?? CREDENTIALS_TTL_MS;
    const cluster = kc.getCurrentCluster();
    if (!cluster) throw new Error('kubeconfig has no current cluster');
    this.server = new URL(cluster.server);
    const Agent = this.server.protocol === 'https:' ? https.Agent : http.Agent;
    this.agent = new Agent({ keepAlive: true, maxSockets: 64 });
  }

  /** The kubeconfig's TLS material and auth headers, read at most once per credentialsTtlMs. */
  private connectionOptions(): Promise<ConnectionOptions> {
    const now = Date.now();
    if (this.connection && now < this.connection.until) return this.connection.options;
    const options = (async (): Promise<ConnectionOptions> => {
      const o: https.RequestOptions = { headers: {} };
      await this.kc.applyToHTTPSOptions(o);
      const { ca, cert, key, pfx, passphrase, rejectUnauthorized, servername, auth } = o;
      return { ca: pem(ca), cert: pem(cert), key: pem(key), pfx, passphrase, rejectUnauthorized, servername, auth, headers: o.headers ?? {} } as ConnectionOptions;
    })();
    this.connection = { options, until: now + this.credentialsTtlMs };
    // A failed read is not kept: the next request tries again.
    options.catch(() => (this.connection = undefined));
    return options;
  }

  /** onRequest hands out the ClientRequest so that a deadline can destroy it. */
  private async open(spec: RequestSpec, onRequest?: (req: http.ClientRequest) => void): Promise<http.IncomingMessage> {
    const conn = await this.connectionOptions();
    const opts: https.RequestOptions = {
      ...conn,
      method: spec.method,
      hostname: this.server.hostname,
      port: this.server.port,
      path: `${this.server.pathname.replace(/\/$/, '')}${spec.path}${queryString(spec.query)}`,
      headers: { Accept: 'application/json', ...conn.headers },
      agent: this.agent,
    };
    const payload = spec.body === undefined ? undefined : JSON.stringify(spec.body);
    if (payload !== undefined) {
      // An explicit length: a chunked DELETE body left the kept-alive socket unusable for the next request.
      opts.headers = { ...opts.headers, 'Content-Type': spec.contentType ?? 'application/json', 'Content-Length': Buffer.byteLength(payload) };
    }
    const mod = this.server.protocol === 'https:' ? https : http;
    return new Promise((resolve, reject) => {
      const req = mod.request(opts, resolve);
      req.on('error', reject);
      onRequest?.(req);
      req.end(payload);
    });
  }

  /** 429 means the request was not processed (throttled, or storage warming up): safe to retry. */
  private async call<T>(spec: RequestSpec): Promise<T> {
    for (let attempt = 0; ; attempt++) {
      try {
        return await this.callOnce<T>(spec);
      } catch (err) {
        if (!(err instanceof KubeApiError) || err.statusCode !== 429 || attempt >= 8) throw err;
        await new Promise((r) => setTimeout(r, Math.min(2000, (err.retryAfterSeconds ?? 0.25) * 1000)));
      }
    }
  }

  /**
   * One request under a deadline: a hung apiserver (no answer, or a body that never ends) fails
   * with a KubeTimeoutError instead of holding the caller forever. Watches have no deadline.
   */
  private async callOnce<T>(spec: RequestSpec): Promise<T> {
    let req: http.ClientRequest | undefined;
    let timedOut: KubeTimeoutError | undefined;
    const timer = setTimeout(() => {
      timedOut = new KubeTimeoutError(spec, this.requestTimeoutMs);
      req?.destroy(timedOut);
    }, this.requestTimeoutMs);
    // The deadline can pass while credentials are still being applied, before any request exists.
    const onRequest = (r: http.ClientRequest): void => {
      req = r;
      if (timedOut) r.destroy(timedOut);
    };
    try {
      const res = await this.open(spec, onRequest);
      const text = await readBody(res);
      if (timedOut) throw timedOut; // a body cut short by the deadline is not an answer
      const status = res.statusCode ?? 0;
      if (status >= 400) throw toApiError(status, text, res.headers['retry-after']);
      if (spec.text) return text as T;
      return (text ? JSON.parse(text) : {}) as T;
    } catch (err) {
      // Destroying the request mid-body surfaces as the response's "aborted": report the cause.
      throw timedOut ?? err;
    } finally {
      clearTimeout(timer);
    }
  }

  async get<T extends KubeObject>(res: ResourceType, name: string, namespace?: string): Promise<T | undefined> {
    try {
      return await this.call<T>({ method: 'GET', path: resourcePath(res, namespace, name) });
    } catch (err) {
      if (err instanceof KubeApiError && err.statusCode === 404) return undefined;
      throw err;
    }
  }

  /** A Pod's log (its first container's unless named), the last tailLines lines when given. */
  async readPodLog(namespace: string, name: string, opts: PodLogOptions = {}): Promise<string> {
    const query = { container: opts.container, tailLines: opts.tailLines };
    return this.call<string>({ method: 'GET', path: resourcePath(Resources.Pod, namespace, name, 'log'), query, text: true });
  }

  async list<T extends KubeObject>(res: ResourceType, opts: ListOptions = {}): Promise<ListResult<T>> {
    const body = await this.call<{ items: T[]; metadata: { resourceVersion: string; continue?: string } }>({
      method: 'GET',
      path: resourcePath(res, opts.namespace),
      query: listQuery(opts),
    });
    const kind = res.kind;
    const items = body.items.map((i) => ({ apiVersion: apiVersionOf(res), kind, ...i }));
    return { items, resourceVersion: body.metadata.resourceVersion, continue: body.metadata.continue || undefined };
  }

  create<T extends KubeObject>(res: ResourceType, obj: T): Promise<T> {
    return this.call<T>({ method: 'POST', path: resourcePath(res, obj.metadata.namespace), body: this.typed(res, obj) });
  }

  replace<T extends KubeObject>(res: ResourceType, obj: T): Promise<T> {
    const path = resourcePath(res, obj.metadata.namespace, obj.metadata.name);
    return this.call<T>({ method: 'PUT', path, body: this.typed(res, obj) });
  }

  replaceStatus<T extends KubeObject>(res: ResourceType, obj: T): Promise<T> {
    const path = resourcePath(res, obj.metadata.namespace, obj.metadata.name, 'status');
    return this.call<T>({ method: 'PUT', path, body: this.typed(res, obj) });
  }

  mergePatch<T extends KubeObject>(res: ResourceType, name: string, namespace: string | undefined, patch: object): Promise<T> {
    const path = resourcePath(res, namespace, name);
    return this.call<T>({ method: 'PATCH', path, body: patch, contentType: 'application/merge-patch+json' });
  }

  apply<T extends KubeObject>(res: ResourceType, obj: T, fieldManager: string): Promise<T> {
    return this.call<T>({
      method: 'PATCH',
      path: resourcePath(res, obj.metadata.namespace, obj.metadata.name),
      query: { fieldManager, force: true },
      body: this.typed(res, obj),
      contentType: 'application/apply-patch+yaml',
    });
  }

  async delete(res: ResourceType, name: string, namespace?: string, opts: DeleteOptions = {}): Promise<boolean> {
    try {
      const body = { apiVersion: 'v1', kind: 'DeleteOptions', ...opts };
      await this.call({ method: 'DELETE', path: resourcePath(res, namespace, name), body });
      return true;
    } catch (err) {
      if (err instanceof KubeApiError && err.statusCode === 404) return false;
      throw err;
    }
  }

  watch<T extends KubeObject>(
    res: ResourceType,
    opts: ListOptions & { resourceVersion: string; allowBookmarks?: boolean },
    onEvent: (ev: WatchEvent<T>) => void,
  ): WatchHandle {
    const query = {
      ...listQuery(opts),
      watch: true,
      resourceVersion: opts.resourceVersion,
      allowWatchBookmarks: opts.allowBookmarks ?? true,
      timeoutSeconds: 240 + Math.floor(Math.random() * 120),
    };
    let response: http.IncomingMessage | undefined;
    let stopped = false;
    const done = (async (): Promise<Error | undefined> => {
      try {
        response = await this.open({ method: 'GET', path: resourcePath(res, opts.namespace), query });
        if (stopped) response.destroy();
        if ((response.statusCode ?? 0) >= 400) return await this.errorOf(response);
        return await readWatchStream<T>(response, onEvent, () => stopped);
      } catch (err) {
        return stopped ? undefined : (err as Error);
      }
    })();
    return { done, stop: () => { stopped = true; response?.destroy(); } };
  }

  private async errorOf(res: http.IncomingMessage): Promise<KubeApiError> {
    return toApiError(res.statusCode ?? 0, await readBody(res), res.headers['retry-after']);
  }

  private typed<T extends KubeObject>(res: ResourceType, obj: T): T {
    return { ...obj, apiVersion: apiVersionOf(res), kind: res.kind };
  }
}
