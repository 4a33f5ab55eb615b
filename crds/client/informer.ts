// A list-then-watch cache of one resource type. Unlike the client library's informer it never
// gives up: a 410 Gone relists, any other watch error backs off and watches again, and a normal
// watch timeout resumes from the last resourceVersion (kept fresh by bookmarks).
import type { KubeObject } from '../kube-object.js';
import { isGone, type KubeClient, type ListOptions } from './client.js';
import { objectKey, type ResourceType } from '../resources.js';
import { Backoff } from './backoff.js';

export interface InformerHandler<T> {
  onUpsert?(obj: T, old: T | undefined): void;
  onDelete?(obj: T): void;
}

export interface InformerLogger {
  warn(msg: string, fields?: Record<string, unknown>): void;
}

type Selector = Pick<ListOptions, 'namespace' | 'labelSelector' | 'fieldSelector'>;

/**
 * The cached copy without metadata.managedFields, as controller-runtime's default cache transform
 * does: nothing here reads them, they are a third of a Server's JSON, and every reconcile deep-copies
 * the cached object and every status write sends it back. An update without managedFields leaves
 * the stored ones as they are.
 */
export function withoutManagedFields<T extends KubeObject>(obj: T): T {
  if (!obj.metadata?.managedFields) return obj;
  const metadata = { ...obj.metadata };
  delete metadata.managedFields;
  return { ...obj, metadata };
}

export class Informer<T extends KubeObject> {
  private readonly byNamespace = new Map<string, Map<string, T>>();
  private readonly handlers: InformerHandler<T>[] = [];
  private readonly backoff = new Backoff(500, 30_000);
  private resourceVersion = '';
  private running = false;
  private stopCurrent: (() => void) | undefined;
  private synced: Promise<void> | undefined;
  /** How many watch requests were opened; benchmarks and tests read it to detect storms. */
  watchesStarted = 0;

  constructor(
    private readonly client: KubeClient,
    readonly resource: ResourceType,
    private readonly selector: Selector = {},
    private readonly log: InformerLogger = { warn: () => undefined },
  ) {}

  on(handler: InformerHandler<T>): void {
    this.handlers.push(handler);
  }

  /** Starts the loop; resolves once the first list has filled the cache. */
  start(): Promise<void> {
    if (this.synced) return this.synced;
    this.running = true;
    this.synced = new Promise((resolve) => void this.loop(resolve));
    return this.synced;
  }

  stop(): void {
    this.running = false;
    this.stopCurrent?.();
  }

  get(name: string, namespace?: string): T | undefined {
    return this.byNamespace.get(namespace ?? '')?.get(name);
  }

  list(namespace?: string): T[] {
    if (namespace !== undefined) return [...(this.byNamespace.get(namespace)?.values() ?? [])];
    return [...this.byNamespace.values()].flatMap((m) => [...m.values()]);
  }

  private async loop(onSynced: () => void): Promise<void> {
    let needList = true;
    while (this.running) {
      try {
        if (needList) await this.relist();
        onSynced();
        needList = false;
        const err = await this.watchOnce();
        if (!err) continue;
        if (isGone(err)) needList = true;
        else await this.pause(err);
      } catch (err) {
        await this.pause(err as Error);
      }
    }
  }

  private async pause(err: Error): Promise<void> {
    if (!this.running) return;
    const delay = this.backoff.next();
    this.log.warn('watch failed; retrying', { kind: this.resource.kind, error: err.message, delayMs: delay });
    await new Promise((r) => setTimeout(r, delay));
  }

  private async relist(): Promise<void> {
    const fresh = new Map<string, T>();
    let cont: string | undefined;
    do {
      const page = await this.client.list<T>(this.resource, { ...this.selector, limit: 500, continue: cont });
      for (const item of page.items) fresh.set(objectKey(item.metadata.namespace, item.metadata.name), item);
      this.resourceVersion = page.resourceVersion;
      cont = page.continue;
    } while (cont);
    for (const old of this.list()) {
      if (!fresh.has(objectKey(old.metadata.namespace, old.metadata.name))) this.remove(old);
    }
    for (const obj of fresh.values()) this.upsert(obj);
  }

  private async watchOnce(): Promise<Error | undefined> {
    this.watchesStarted++;
    const handle = this.client.watch<T>(
      this.resource,
      { ...this.selector, resourceVersion: this.resourceVersion, allowBookmarks: true },
      (ev) => {
        this.backoff.reset();
        if (ev.object.metadata?.resourceVersion) this.resourceVersion = ev.object.metadata.resourceVersion;
        if (ev.type === 'ADDED' || ev.type === 'MODIFIED') this.upsert(ev.object);
        else if (ev.type === 'DELETED') this.remove(ev.object);
      },
    );
    this.stopCurrent = () => handle.stop();
    return handle.done;
  }

  private upsert(received: T): void {
    const obj = withoutManagedFields(received);
    const ns = obj.metadata.namespace ?? '';
    let bucket = this.byNamespace.get(ns);
    if (!bucket) this.byNamespace.set(ns, (bucket = new Map<string, T>()));
    const old = bucket.get(obj.metadata.name);
    if (old?.metadata.resourceVersion === obj.metadata.resourceVersion) return;
    bucket.set(obj.metadata.name, obj);
    for (const h of this.handlers) h.onUpsert?.(obj, old);
  }

  private remove(obj: T): void {
    const ns = obj.metadata.namespace ?? '';
    const bucket = this.byNamespace.get(ns);
    const old = bucket?.get(obj.metadata.name);
    if (!bucket || !old) return;
    bucket.delete(obj.metadata.name);
    if (bucket.size === 0) this.byNamespace.delete(ns);
    for (const h of this.handlers) h.onDelete?.(old);
  }
}
