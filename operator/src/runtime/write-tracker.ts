// Remembers the resourceVersion of each object this controller last wrote, so that a reconcile
// can tell that its informer cache has not caught up with that write yet. Acting on such a stale
// copy only earns a 409 Conflict; the watch event for the write re-queues the key anyway.
import type { KubeObject } from '../../../crds/kube-object.js';

/** resourceVersions are etcd revisions in practice; if one is not numeric, only equality counts. */
function isAtLeast(seen: string, wanted: string): boolean {
  if (/^\d+$/.test(seen) && /^\d+$/.test(wanted)) return BigInt(seen) >= BigInt(wanted);
  return seen === wanted;
}

export class WriteTracker {
  private readonly written = new Map<string, string>();

  /** Notes the object as stored by our write. */
  record(key: string, stored: KubeObject): void {
    const rv = stored.metadata.resourceVersion;
    if (rv) this.written.set(key, rv);
  }

  forget(key: string): void {
    this.written.delete(key);
  }

  /** True while the cached copy is older than our last write to it. */
  isStale(key: string, cached: KubeObject): boolean {
    const wanted = this.written.get(key);
    const seen = cached.metadata.resourceVersion;
    if (!wanted || !seen) return false;
    if (!isAtLeast(seen, wanted)) return true;
    this.written.delete(key);
    return false;
  }

  get size(): number {
    return this.written.size;
  }
}
