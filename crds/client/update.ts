// Read-modify-write under optimistic concurrency, shared by everything that updates an object in
// place: read it live, apply a pure mutation, write at the resourceVersion read, and on a 409
// Conflict read again and reapply, a bounded number of times with jittered backoff.
import type { KubeObject } from '../kube-object.js';
import type { ResourceType } from '../resource-type.js';
import { Backoff } from './backoff.js';
import { isConflict, isNotFound, type KubeClient } from './client.js';

export interface ConflictRetry {
  attempts: number;
  /** First backoff ceiling; it doubles per attempt, with jitter so racing replicas spread out. 0: no wait. */
  baseDelayMs: number;
}

/** The object as it should be, or undefined to leave it as it is. Gets a copy it may edit. */
export type Mutation<T> = (current: T) => T | undefined;

export type UpdateOutcome<T> =
  | { outcome: 'written'; object: T }
  | { outcome: 'unchanged'; object: T }
  | { outcome: 'gone' }
  | { outcome: 'exhausted' };

export interface UpdateOptions<T> {
  name: string;
  namespace?: string;
  retry: ConflictRetry;
  /** How to write (default: kube.replace); e.g. the status subresource, or a store that remembers. */
  write?: (obj: T) => Promise<T>;
  /** An object already read live: the first attempt starts from it instead of a GET. */
  first?: T;
}

const sleep = (ms: number): Promise<void> => new Promise((resolve) => setTimeout(resolve, ms));

export async function updateWithRetry<T extends KubeObject>(
  kube: KubeClient,
  res: ResourceType,
  mutate: Mutation<T>,
  opts: UpdateOptions<T>,
): Promise<UpdateOutcome<T>> {
  const write = opts.write ?? ((obj: T) => kube.replace<T>(res, obj));
  const backoff = new Backoff(opts.retry.baseDelayMs, opts.retry.baseDelayMs * 16);
  let current = opts.first;
  for (let attempt = 1; attempt <= opts.retry.attempts; attempt++) {
    current ??= await kube.get<T>(res, opts.name, opts.namespace);
    if (!current) return { outcome: 'gone' };
    const next = mutate(structuredClone(current));
    if (next === undefined) return { outcome: 'unchanged', object: current };
    try {
      return { outcome: 'written', object: await write({ ...next, metadata: { ...next.metadata, resourceVersion: current.metadata.resourceVersion } }) };
    } catch (err) {
      if (isNotFound(err)) return { outcome: 'gone' }; // deleted between the read and the write
      if (!isConflict(err)) throw err;
    }
    current = undefined;
    if (attempt < opts.retry.attempts && opts.retry.baseDelayMs > 0) await sleep(backoff.next());
  }
  return { outcome: 'exhausted' };
}
