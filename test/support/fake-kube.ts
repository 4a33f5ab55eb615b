// An in-memory KubeClient for unit tests: it keeps objects, bumps resourceVersions, enforces
// optimistic concurrency and AlreadyExists, honours finalizers on delete, records every call,
// and feeds watches, so informers and reconcilers run unchanged against it.
import type { KubeObject } from '../../crds/kube-object.js';
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
} from '../../crds/client/client.js';
import { objectKey, Resources, type ResourceType } from '../../crds/resources.js';

export interface RecordedAction {
  verb: string;
  kind: string;
  key: string;
}

interface Watcher {
  res: ResourceType;
  namespace?: string;
  onEvent: (ev: WatchEvent<KubeObject>) => void;
  resolve: (err: Error | undefined) => void;
}

const clone = <T>(o: T): T => structuredClone(o);

function matchesLabels(obj: KubeObject, selector?: string): boolean {
  if (!selector) return true;
  return selector.split(',').every((term) => {
    const [k, v] = term.split('=');
    return v === undefined ? k in (obj.metadata.labels ?? {}) : obj.metadata.labels?.[k] === v;
  });
}

export class FakeKube implements KubeClient, PodLogReader {
  /** Pods' logs by "namespace/name", as the kubelet would serve them. */
  readonly podLogs = new Map<string, string>();

  readonly actions: RecordedAction[] = [];
  private readonly objects = new Map<string, KubeObject>();
  private readonly watchers = new Set<Watcher>();
  private rv = 1;
  /** Set to make the next call of a verb fail, e.g. failNext.set('create', new KubeApiError(...)). */
  readonly failNext = new Map<string, Error>();

  private id(res: ResourceType, namespace: string | undefined, name: string): string {
    return `${res.group}/${res.plural}/${objectKey(res.namespaced ? namespace : undefined, name)}`;
  }

  private record(verb: string, res: ResourceType, ns: string | undefined, name: string): void {
    this.actions.push({ verb, kind: res.kind, key: objectKey(res.namespaced ? ns : undefined, name) });
    const err = this.failNext.get(verb);
    if (err) {
      this.failNext.delete(verb);
      throw err;
    }
  }

  private held: (() => void)[] | undefined;

  /** Withholds watch events until the returned release is called: a watch that lags, as a real one can. */
  holdWatches(): () => void {
    this.held = [];
    return () => {
      const queued = this.held ?? [];
      this.held = undefined;
      queued.forEach((deliver) => deliver());
    };
  }

  private emit(res: ResourceType, type: WatchEvent<KubeObject>['type'], obj: KubeObject): void {
    const event = { type, object: clone(obj) };
    const deliver = (): void => {
      for (const w of this.watchers) {
        if (w.res.plural !== res.plural || w.res.group !== res.group) continue;
        if (w.namespace && w.namespace !== obj.metadata.namespace) continue;
        w.onEvent({ type: event.type, object: clone(event.object) });
      }
    };
    if (this.held) this.held.push(deliver);
    else deliver();
  }

  private store(res: ResourceType, obj: KubeObject, type: 'ADDED' | 'MODIFIED'): KubeObject {
    obj.metadata.resourceVersion = String(++this.rv);
    this.objects.set(this.id(res, obj.metadata.namespace, obj.metadata.name), obj);
    this.emit(res, type, obj);
    return clone(obj);
  }

  /** Puts an object in place without recording an action (test setup). */
  seed<T extends KubeObject>(res: ResourceType, obj: T): T {
    const copy = clone(obj);
    copy.metadata.uid ??= `uid-${copy.metadata.name}`;
    copy.metadata.generation ??= 1;
    copy.metadata.creationTimestamp ??= new Date().toISOString();
    return this.store(res, copy, 'ADDED') as T;
  }

  peek<T extends KubeObject>(res: ResourceType, name: string, namespace?: string): T | undefined {
    const o = this.objects.get(this.id(res, namespace, name));
    return o ? (clone(o) as T) : undefined;
  }

  async get<T extends KubeObject>(res: ResourceType, name: string, namespace?: string): Promise<T | undefined> {
    this.record('get', res, namespace, name);
    return this.peek<T>(res, name, namespace);
  }

  /** As the apiserver answers: 404 without the Pod, 400 while it has no log; tailLines as the kubelet applies it. */
  async readPodLog(namespace: string, name: string, opts: PodLogOptions = {}): Promise<string> {
    this.record('log', Resources.Pod, namespace, name);
    if (!this.peek(Resources.Pod, name, namespace)) throw new KubeApiError(404, 'NotFound', `pods "${name}" not found`);
    const log = this.podLogs.get(objectKey(namespace, name));
    if (log === undefined) throw new KubeApiError(400, 'BadRequest', `container "server" in pod "${name}" is waiting to start`);
    if (opts.tailLines === undefined) return log;
    const lines = log.split('\n');
    const last = log.endsWith('\n') ? lines.slice(0, -1) : lines;
    return last.slice(-opts.tailLines).map((l) => `${l}\n`).join('');
  }

  async list<T extends KubeObject>(res: ResourceType, opts: ListOptions = {}): Promise<ListResult<T>> {
    this.record('list', res, opts.namespace, '*');
    const prefix = `${res.group}/${res.plural}/`;
    const items = [...this.objects.entries()]
      .filter(([k, o]) => k.startsWith(prefix) && (!opts.namespace || o.metadata.namespace === opts.namespace))
      .map(([, o]) => clone(o) as T)
      .filter((o) => matchesLabels(o, opts.labelSelector));
    return { items, resourceVersion: String(this.rv) };
  }

  async create<T extends KubeObject>(res: ResourceType, obj: T): Promise<T> {
    this.record('create', res, obj.metadata.namespace, obj.metadata.name);
    if (this.objects.has(this.id(res, obj.metadata.namespace, obj.metadata.name))) {
      throw new KubeApiError(409, 'AlreadyExists', `${res.plural} "${obj.metadata.name}" already exists`);
    }
    const copy = clone(obj);
    copy.metadata.uid = `uid-${copy.metadata.name}`;
    copy.metadata.generation = 1;
    copy.metadata.creationTimestamp = new Date().toISOString();
    return this.store(res, copy, 'ADDED') as T;
  }

  private current(res: ResourceType, obj: KubeObject): KubeObject {
    const cur = this.objects.get(this.id(res, obj.metadata.namespace, obj.metadata.name));
    if (!cur) throw new KubeApiError(404, 'NotFound', `${res.plural} "${obj.metadata.name}" not found`);
    const rv = obj.metadata.resourceVersion;
    if (rv && rv !== cur.metadata.resourceVersion) {
      throw new KubeApiError(409, 'Conflict', 'the object has been modified; please apply your changes to the latest version');
    }
    return cur;
  }

  async replace<T extends KubeObject>(res: ResourceType, obj: T): Promise<T> {
    this.record('replace', res, obj.metadata.namespace, obj.metadata.name);
    const cur = this.current(res, obj) as KubeObject & { spec?: unknown; status?: unknown };
    const next = { ...clone(obj), status: cur.status } as KubeObject & { spec?: unknown };
    next.metadata = { ...next.metadata, uid: cur.metadata.uid, creationTimestamp: cur.metadata.creationTimestamp };
    const specChanged = JSON.stringify(next.spec) !== JSON.stringify(cur.spec);
    next.metadata.generation = (cur.metadata.generation ?? 1) + (specChanged ? 1 : 0);
    return this.finishUpdate(res, next) as Promise<T>;
  }

  private async finishUpdate(res: ResourceType, next: KubeObject): Promise<KubeObject> {
    if (next.metadata.deletionTimestamp && !(next.metadata.finalizers ?? []).length) {
      this.objects.delete(this.id(res, next.metadata.namespace, next.metadata.name));
      this.emit(res, 'DELETED', next);
      return clone(next);
    }
    return this.store(res, next, 'MODIFIED');
  }

  async replaceStatus<T extends KubeObject>(res: ResourceType, obj: T): Promise<T> {
    this.record('replaceStatus', res, obj.metadata.namespace, obj.metadata.name);
    const cur = clone(this.current(res, obj)) as KubeObject & { status?: unknown };
    cur.status = clone((obj as KubeObject & { status?: unknown }).status);
    return this.store(res, cur, 'MODIFIED') as T;
  }

  async mergePatch<T extends KubeObject>(res: ResourceType, name: string, namespace: string | undefined, patch: object): Promise<T> {
    this.record('mergePatch', res, namespace, name);
    const cur = this.peek<KubeObject>(res, name, namespace);
    if (!cur) throw new KubeApiError(404, 'NotFound', `${res.plural} "${name}" not found`);
    // As the apiserver: a resourceVersion in the patch is a precondition.
    const rv = (patch as { metadata?: { resourceVersion?: string } }).metadata?.resourceVersion;
    if (rv && rv !== cur.metadata.resourceVersion) throw new KubeApiError(409, 'Conflict', `the object has been modified; please apply your changes to the latest version and try again`);
    const merged = mergeDeep(cur, patch) as KubeObject;
    return this.finishUpdate(res, merged) as Promise<T>;
  }

  async apply<T extends KubeObject>(res: ResourceType, obj: T, _fieldManager: string): Promise<T> {
    this.record('apply', res, obj.metadata.namespace, obj.metadata.name);
    const cur = this.peek<KubeObject>(res, obj.metadata.name, obj.metadata.namespace);
    if (!cur) {
      const copy = clone(obj);
      copy.metadata.uid = `uid-${copy.metadata.name}`;
      copy.metadata.creationTimestamp = new Date().toISOString();
      return this.store(res, copy, 'ADDED') as T;
    }
    return this.store(res, mergeDeep(cur, obj) as KubeObject, 'MODIFIED') as T;
  }

  async delete(res: ResourceType, name: string, namespace?: string, opts?: DeleteOptions): Promise<boolean> {
    this.record('delete', res, namespace, name);
    const id = this.id(res, namespace, name);
    const cur = this.objects.get(id);
    if (!cur) return false;
    const rv = opts?.preconditions?.resourceVersion;
    if (rv && cur.metadata.resourceVersion !== rv) {
      throw new KubeApiError(409, 'Conflict', `Precondition failed: ResourceVersion in precondition: ${rv}, ResourceVersion in object meta: ${cur.metadata.resourceVersion}`);
    }
    if ((cur.metadata.finalizers ?? []).length) {
      if (!cur.metadata.deletionTimestamp) {
        cur.metadata.deletionTimestamp = new Date().toISOString();
        this.store(res, cur, 'MODIFIED');
      }
      return true;
    }
    this.objects.delete(id);
    this.emit(res, 'DELETED', cur);
    return true;
  }

  watch<T extends KubeObject>(
    res: ResourceType,
    opts: ListOptions & { resourceVersion: string },
    onEvent: (ev: WatchEvent<T>) => void,
  ): WatchHandle {
    let resolve!: (err: Error | undefined) => void;
    const done = new Promise<Error | undefined>((r) => (resolve = r));
    const w: Watcher = { res, namespace: opts.namespace, onEvent: onEvent as Watcher['onEvent'], resolve };
    this.watchers.add(w);
    return { done, stop: () => { this.watchers.delete(w); resolve(undefined); } };
  }

  /** Ends every open watch with the given error (e.g. a 410 Gone), as a restarted apiserver would. */
  breakWatches(err?: Error): void {
    for (const w of [...this.watchers]) {
      this.watchers.delete(w);
      w.resolve(err);
    }
  }

  get openWatches(): number {
    return this.watchers.size;
  }
}

function mergeDeep(target: unknown, patch: unknown): unknown {
  if (patch === null || typeof patch !== 'object' || Array.isArray(patch)) return clone(patch);
  const out: Record<string, unknown> = { ...((target ?? {}) as Record<string, unknown>) };
  for (const [k, v] of Object.entries(patch)) {
    if (v === null) delete out[k];
    else out[k] = mergeDeep(out[k], v);
  }
  return out;
}
