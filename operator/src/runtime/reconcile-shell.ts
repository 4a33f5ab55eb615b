// The reconcile pass every kind shares: the engine half of Crossplane's managed reconciler, with
// each kind plugging in the adapter half (what its status is, how it syncs and finalizes). A pass
// over one key:
//   cache get (gone: forget the key, stop) → stale check (the cache has not seen our last write:
//   recheck shortly) → deep copy → finalize (deletionTimestamp set) or sync → write /status only
//   if it changed in meaning → transition events.
// A step computes the status from what it observed and the shell writes it once, at the end, so
// a pass never writes an intermediate status that its own next line supersedes.
import type { KubeObject } from '../../../crds/kube-object.js';
import type { KubeClient } from '../../../crds/client/client.js';
import { splitKey, type ResourceType } from '../../../crds/resources.js';
import type { ReconcileFn, ReconcileResult, TerminalError } from './controller.js';
import type { EventRecorder, EventSpec } from './events.js';
import { statusEqual, type ObjectCache } from './objects.js';
import { WriteTracker } from './write-tracker.js';

/** A safety net while the cache lags behind our own write; its watch event normally comes first. */
export const STALE_CACHE_RECHECK_MS = 1_000;

export interface StatusObject<S extends object> extends KubeObject {
  status?: S;
}

/** What a sync or finalize step decided. */
export interface StepOutcome<S extends object> {
  /** The status the object should have; written only when it differs in meaning. */
  status?: S;
  requeueAfter?: number;
  /** A problem retrying cannot fix: the status is written first, then this is thrown. */
  terminal?: TerminalError;
}

export interface StepContext<T> {
  key: string;
  now: Date;
  /**
   * Reports a write the step made to the object itself (a finalizer patch): the stale check learns
   * of it and the status is written on top of the stored copy. Returns stored.
   */
  wrote(stored: T): T;
}

/** The per-kind half: pure status computation plus the steps that touch child objects. */
export interface ReconcileAdapter<T extends StatusObject<S>, S extends object> {
  readonly res: ResourceType;
  readonly cache: ObjectCache<T>;
  sync(obj: T, ctx: StepContext<T>): Promise<StepOutcome<S>>;
  finalize(obj: T, ctx: StepContext<T>): Promise<StepOutcome<S>>;
  /** The events a status change deserves (transitions only, so a steady state emits nothing). */
  transitionEvents(prev: S | undefined, next: S): EventSpec[];
  /** Drops any per-key memory once the object is gone. */
  forget?(key: string): void;
}

export interface ShellDeps {
  kube: KubeClient;
  events: EventRecorder;
  now?: () => Date;
}

export class ReconcileShell<T extends StatusObject<S>, S extends object> {
  private readonly writes = new WriteTracker();

  constructor(
    private readonly kind: ReconcileAdapter<T, S>,
    private readonly d: ShellDeps,
  ) {}

  readonly reconcile: ReconcileFn = async (key) => {
    const { namespace, name } = splitKey(key);
    const cached = this.kind.cache.get(name, namespace);
    if (!cached) {
      this.writes.forget(key);
      this.kind.forget?.(key);
      return {};
    }
    if (this.writes.isStale(key, cached)) return { requeueAfter: STALE_CACHE_RECHECK_MS };
    return this.run(key, structuredClone(cached));
  };

  private async run(key: string, obj: T): Promise<ReconcileResult> {
    let latest = obj;
    const ctx: StepContext<T> = {
      key,
      now: this.d.now?.() ?? new Date(),
      wrote: (stored) => {
        this.writes.record(key, stored);
        latest = stored;
        return stored;
      },
    };
    const out = obj.metadata.deletionTimestamp ? await this.kind.finalize(obj, ctx) : await this.kind.sync(obj, ctx);
    if (out.status) await this.writeStatus(key, latest, out.status);
    if (out.terminal) throw out.terminal;
    return out.requeueAfter === undefined ? {} : { requeueAfter: out.requeueAfter };
  }

  /** Writes /status only when it changed in meaning, then records the transition events. */
  private async writeStatus(key: string, obj: T, next: S): Promise<void> {
    if (statusEqual(obj.status, next)) return;
    const stored = await this.d.kube.replaceStatus<T>(this.kind.res, { ...obj, status: next });
    this.writes.record(key, stored);
    for (const e of this.kind.transitionEvents(obj.status, next)) this.d.events.record(this.kind.res, stored, e);
  }
}
