// The narrow interface through which every component talks to Kubernetes. Unit tests fake it;
// everything else uses HttpKubeClient against a real kube-apiserver.
import type { KubeObject } from '../kube-object.js';
import type { ResourceType } from '../resources.js';

export interface ListOptions {
  namespace?: string;
  labelSelector?: string;
  fieldSelector?: string;
  limit?: number;
  continue?: string;
}

export interface ListResult<T> {
  items: T[];
  resourceVersion: string;
  continue?: string;
}

export interface DeleteOptions {
  propagationPolicy?: 'Foreground' | 'Background' | 'Orphan';
  preconditions?: { uid?: string; resourceVersion?: string };
}

export type WatchEventType = 'ADDED' | 'MODIFIED' | 'DELETED' | 'BOOKMARK' | 'ERROR';

export interface WatchEvent<T> {
  type: WatchEventType;
  object: T;
}

export interface WatchHandle {
  /** Resolves when the watch ends, with the error that ended it (undefined when closed normally). */
  done: Promise<Error | undefined>;
  stop(): void;
}

export interface KubeClient {
  get<T extends KubeObject>(res: ResourceType, name: string, namespace?: string): Promise<T | undefined>;
  list<T extends KubeObject>(res: ResourceType, opts?: ListOptions): Promise<ListResult<T>>;
  create<T extends KubeObject>(res: ResourceType, obj: T): Promise<T>;
  /** Full update; fails with 409 when obj.metadata.resourceVersion is stale. */
  replace<T extends KubeObject>(res: ResourceType, obj: T): Promise<T>;
  replaceStatus<T extends KubeObject>(res: ResourceType, obj: T): Promise<T>;
  mergePatch<T extends KubeObject>(res: ResourceType, name: string, namespace: string | undefined, patch: object): Promise<T>;
  /** Server-side apply with the given field manager (force: true, as controllers do). */
  apply<T extends KubeObject>(res: ResourceType, obj: T, fieldManager: string): Promise<T>;
  /** Returns false when the object was already gone. */
  delete(res: ResourceType, name: string, namespace?: string, opts?: DeleteOptions): Promise<boolean>;
  watch<T extends KubeObject>(
    res: ResourceType,
    opts: ListOptions & { resourceVersion: string; allowBookmarks?: boolean },
    onEvent: (ev: WatchEvent<T>) => void,
  ): WatchHandle;
}

export interface PodLogOptions {
  container?: string;
  tailLines?: number;
}

/** Reads Pods' logs (the log subresource): the console output of a server. */
export interface PodLogReader {
  readPodLog(namespace: string, name: string, opts?: PodLogOptions): Promise<string>;
}

/** A failed Kubernetes API call, carrying the HTTP status and the Status object's reason. */
export class KubeApiError extends Error {
  constructor(
    readonly statusCode: number,
    readonly reason: string,
    message: string,
    readonly retryAfterSeconds?: number,
  ) {
    super(message);
    this.name = 'KubeApiError';
  }
}

export function isNotFound(err: unknown): boolean {
  return err instanceof KubeApiError && err.statusCode === 404;
}

export function isConflict(err: unknown): boolean {
  return err instanceof KubeApiError && err.statusCode === 409 && err.reason === 'Conflict';
}

export function isAlreadyExists(err: unknown): boolean {
  return err instanceof KubeApiError && err.statusCode === 409 && err.reason === 'AlreadyExists';
}

export function isGone(err: unknown): boolean {
  return err instanceof KubeApiError && err.statusCode === 410;
}

/**
 * Creates the object unless one of that name exists already; returns the created object, or
 * undefined when it was there before (idempotent creates for seeds, revocations and the like).
 */
export async function createIfAbsent<T extends KubeObject>(kube: KubeClient, res: ResourceType, obj: T): Promise<T | undefined> {
  try {
    return await kube.create<T>(res, obj);
  } catch (err) {
    if (isAlreadyExists(err)) return undefined;
    throw err;
  }
}
