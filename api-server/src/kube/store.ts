// Reads come from an informer cache; writes go to the kube-apiserver and are remembered in a
// short-lived overlay until the informer has seen them, so a client that POSTs and then GETs
// always reads its own write (and does not see a deleted object again). update() is the
// read-modify-write that re-reads and retries when another writer got there first.
import type { KubeObject } from '../../../crds/kube-object.js';
import type { DeleteOptions, KubeClient } from '../../../crds/client/client.js';
import { updateWithRetry, type ConflictRetry, type Mutation } from '../../../crds/client/update.js';
import type { Informer } from '../../../crds/client/informer.js';
import { objectKey, type ResourceType } from '../../../crds/resources.js';
import { conflict, type ApiError } from '../common/errors.js';

interface OverlayEntry<T> {
  obj: T | undefined; // undefined: a tombstone for a delete
  resourceVersion: string;
  expires: number;
}

const OVERLAY_TTL_MS = 60_000;

export type { ConflictRetry, Mutation } from '../../../crds/client/update.js';

/** Writes tried before a stale resourceVersion becomes the client's 409. */
const DEFAULT_CONFLICT_RETRY: ConflictRetry = { attempts: 5, baseDelayMs: 20 };

/** resourceVersions are etcd revisions in practice; fall back to inequality if not numeric. */
function isAtLeast(seen: string | undefined, wanted: string): boolean {
  if (!seen) return false;
  if (/^\d+$/.test(seen) && /^\d+$/.test(wanted)) return BigInt(seen) >= BigInt(wanted);
  return seen === wanted;
}

export class ResourceStore<T extends KubeObject> {
  private readonly overlay = new Map<string, OverlayEntry<T>>();

  constructor(
    readonly client: KubeClient,
    readonly informer: Informer<T>,
    private readonly conflictRetry: ConflictRetry = DEFAULT_CONFLICT_RETRY,
  ) {
    // Entries normally settle on the informer's event; the sweep bounds the ones that never do.
    setInterval(() => this.sweep(), OVERLAY_TTL_MS).unref();
    informer.on({
      onUpsert: (obj) => this.settle(obj, obj.metadata.resourceVersion),
      onDelete: (obj) => this.settle(obj, undefined),
    });
  }

  get resource(): ResourceType {
    return this.informer.resource;
  }

  /** The informer caught up: a delete event is final, an update settles writes it has reached. */
  private settle(obj: T, rv: string | undefined): void {
    const key = objectKey(obj.metadata.namespace, obj.metadata.name);
    const entry = this.overlay.get(key);
    if (!entry) return;
    if (rv === undefined || (entry.obj !== undefined && isAtLeast(rv, entry.resourceVersion))) this.overlay.delete(key);
  }

  private sweep(): void {
    for (const key of [...this.overlay.keys()]) this.fresh(key);
  }

  private fresh(key: string): OverlayEntry<T> | undefined {
    const entry = this.overlay.get(key);
    if (entry && entry.expires < Date.now()) {
      this.overlay.delete(key);
      return undefined;
    }
    return entry;
  }

  get(name: string, namespace?: string): T | undefined {
    const entry = this.fresh(objectKey(namespace, name));
    return entry ? entry.obj : this.informer.get(name, namespace);
  }

  list(namespace?: string): T[] {
    const byKey = new Map<string, T>();
    for (const o of this.informer.list(namespace)) byKey.set(objectKey(o.metadata.namespace, o.metadata.name), o);
    for (const key of [...this.overlay.keys()]) {
      const entry = this.fresh(key);
      if (!entry) continue;
      const ns = key.includes('/') ? key.slice(0, key.indexOf('/')) : undefined;
      if (namespace !== undefined && ns !== namespace) continue;
      if (entry.obj) byKey.set(key, entry.obj);
      else byKey.delete(key);
    }
    return [...byKey.values()];
  }

  private remember(key: string, obj: T | undefined, resourceVersion: string): void {
    // The informer may already hold this write or a later one (under load the watch stream can be
    // read before the write's own response): then it answers, and an overlay copy would hide the
    // later change until it expired, since no further event would come to settle it.
    if (obj !== undefined && isAtLeast(this.informer.get(obj.metadata.name, obj.metadata.namespace)?.metadata.resourceVersion, resourceVersion)) {
      this.overlay.delete(key);
      return;
    }
    this.overlay.set(key, { obj, resourceVersion, expires: Date.now() + OVERLAY_TTL_MS });
  }

  async create(obj: T): Promise<T> {
    const created = await this.client.create<T>(this.resource, obj);
    this.remember(objectKey(created.metadata.namespace, created.metadata.name), created, created.metadata.resourceVersion ?? '');
    return created;
  }

  async replace(obj: T): Promise<T> {
    const updated = await this.client.replace<T>(this.resource, obj);
    this.remember(objectKey(updated.metadata.namespace, updated.metadata.name), updated, updated.metadata.resourceVersion ?? '');
    return updated;
  }

  /**
   * A JSON merge patch of the fields it names (a Node's cordon, labels and annotations), remembered
   * like any write. With metadata.resourceVersion in the patch the apiserver applies it only at
   * that version (409 Conflict otherwise).
   */
  async mergePatch(name: string, namespace: string | undefined, patch: object): Promise<T> {
    const updated = await this.client.mergePatch<T>(this.resource, name, namespace, patch);
    this.remember(objectKey(updated.metadata.namespace, updated.metadata.name), updated, updated.metadata.resourceVersion ?? '');
    return updated;
  }

  async replaceStatus(obj: T): Promise<T> {
    const updated = await this.client.replaceStatus<T>(this.resource, obj);
    this.remember(objectKey(updated.metadata.namespace, updated.metadata.name), updated, updated.metadata.resourceVersion ?? '');
    return updated;
  }

  /**
   * Read-modify-write of the live object (not the cache, which may lag): GETs it, applies the pure
   * mutation and replaces it at the resourceVersion it read. When someone else wrote in between
   * (409 Conflict) it reads again and reapplies, a bounded number of times, and then fails with a
   * 409 ApiError. Returns the written object, the unchanged one when the mutation returned
   * undefined, or undefined when the object does not exist (the caller words its own 404).
   */
  update(name: string, namespace: string | undefined, mutate: Mutation<T>): Promise<T | undefined> {
    return this.retryOnConflict(name, namespace, mutate, (obj) => this.replace(obj));
  }

  /** update() for the status subresource: the mutation's spec changes are ignored by the apiserver. */
  updateStatus(name: string, namespace: string | undefined, mutate: Mutation<T>): Promise<T | undefined> {
    return this.retryOnConflict(name, namespace, mutate, (obj) => this.replaceStatus(obj));
  }

  private async retryOnConflict(name: string, namespace: string | undefined, mutate: Mutation<T>, write: (obj: T) => Promise<T>): Promise<T | undefined> {
    const result = await updateWithRetry(this.client, this.resource, mutate, { name, namespace, retry: this.conflictRetry, write });
    if (result.outcome === 'exhausted') throw this.gaveUp(name, this.conflictRetry.attempts);
    return result.outcome === 'gone' ? undefined : result.object;
  }

  private gaveUp(name: string, attempts: number): ApiError {
    return conflict(`${this.resource.kind} ${name} was changed by other requests ${attempts} times while this one tried to update it; please retry.`);
  }

  /**
   * Deletes the object (only at that resourceVersion, when given: someone else's write in between
   * is a 409 Conflict from the apiserver). With finalizers the object lives on (with a
   * deletionTimestamp) until its controller lets go; the returned value says whether it is gone.
   */
  async delete(name: string, namespace?: string, preconditions?: DeleteOptions['preconditions']): Promise<boolean> {
    const existed = await this.client.delete(this.resource, name, namespace, { propagationPolicy: 'Background', ...(preconditions ? { preconditions } : {}) });
    const current = await this.client.get<T>(this.resource, name, namespace);
    // Only a delete that is already complete is remembered: an object kept by a finalizer will
    // reach the cache through the informer, and remembering it could outlive its final delete.
    if (!current) this.remember(objectKey(namespace, name), undefined, '');
    return existed && !current;
  }
}
