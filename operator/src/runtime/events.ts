// Best-effort events.k8s.io/v1 Events about our objects. Recording never throws and never blocks a
// reconcile: writes run in the background and a failure is only logged.
import { randomBytes } from 'node:crypto';
import type { KubeObject } from '../../../crds/kube-object.js';
import type { KubeClient } from '../../../crds/client/client.js';
import { apiVersionOf, Resources, type ResourceType } from '../../../crds/resources.js';
import { microTime } from './clock.js';
import type { EventV1 } from '../../../crds/kube-types.js';
import { silentLogger, type Logger } from '../../../crds/client/logger.js';

export const REPORTING_CONTROLLER = 'openstack-sim-operator';
const MAX_NOTE = 1024;

export interface EventSpec {
  type: 'Normal' | 'Warning';
  /** CamelCase: a past-tense action (CreatedPod) or a Cannot… failure. */
  reason: string;
  note: string;
  /** What was done or attempted; defaults to the reason. */
  action?: string;
}

export interface EventRecorder {
  record(res: ResourceType, regarding: KubeObject, event: EventSpec): void;
}

export interface KubeEventRecorderOptions {
  /** reportingInstance: this operator replica's identity. */
  instance: string;
  log?: Logger;
  now?: () => Date;
}

/** The Event object for regarding; cluster-scoped objects get their events in "default". */
export function buildEvent(res: ResourceType, regarding: KubeObject, event: EventSpec, meta: { instance: string; now: Date }): EventV1 {
  const namespace = regarding.metadata.namespace ?? 'default';
  const suffix = `${meta.now.getTime().toString(16)}${randomBytes(4).toString('hex')}`;
  return {
    apiVersion: apiVersionOf(Resources.Event),
    kind: Resources.Event.kind,
    metadata: { name: `${regarding.metadata.name}.${suffix}`, namespace },
    eventTime: microTime(meta.now),
    reportingController: REPORTING_CONTROLLER,
    reportingInstance: meta.instance,
    action: event.action ?? event.reason,
    reason: event.reason,
    type: event.type,
    note: event.note.slice(0, MAX_NOTE),
    regarding: {
      apiVersion: apiVersionOf(res),
      kind: res.kind,
      name: regarding.metadata.name,
      namespace: regarding.metadata.namespace,
      uid: regarding.metadata.uid,
      resourceVersion: regarding.metadata.resourceVersion,
    },
  };
}

/**
 * How long a repeat still belongs to the same series: client-go's events library ends a series
 * after six minutes without a repeat.
 */
export const SERIES_WINDOW_MS = 6 * 60_000;
/** Series remembered at most (client-go keeps an LRU cache of 4096 events). */
const MAX_SERIES = 4096;

interface Series {
  name: string;
  namespace: string;
  count: number;
  lastObserved: Date;
  /** Resolves once the Event exists: false when its create failed. */
  created: Promise<boolean>;
  /** A series update is being written; a repeat meanwhile only marks it dirty. */
  writing: boolean;
  dirty: boolean;
}

/** What makes two events the same for kubectl: the object, type, reason, action and note (not the time). */
export function seriesKey(res: ResourceType, regarding: KubeObject, event: EventSpec): string {
  const { namespace = '', name, uid = '' } = regarding.metadata;
  const parts = [apiVersionOf(res), res.kind, namespace, name, uid, event.type, event.reason, event.action ?? event.reason, event.note.slice(0, MAX_NOTE)];
  return parts.join('\u0000');
}

/**
 * Records events as kubectl shows them: the first occurrence creates an Event; an identical one
 * within the series window updates that Event's series (count and last time) instead of creating
 * another object. Updates to one series are coalesced: at most one is in flight, and a burst of
 * repeats while it is costs one more write, not one per repeat.
 */
export class KubeEventRecorder implements EventRecorder {
  private readonly pending = new Set<Promise<unknown>>();
  private readonly series = new Map<string, Series>();
  private readonly log: Logger;

  constructor(
    private readonly kube: KubeClient,
    private readonly opts: KubeEventRecorderOptions,
  ) {
    this.log = opts.log ?? silentLogger;
  }

  record(res: ResourceType, regarding: KubeObject, event: EventSpec): void {
    const now = this.opts.now?.() ?? new Date();
    const key = seriesKey(res, regarding, event);
    const known = this.series.get(key);
    if (known && now.getTime() - known.lastObserved.getTime() < SERIES_WINDOW_MS) {
      known.count++;
      known.lastObserved = now;
      this.track(this.writeSeries(known, event));
      return;
    }
    this.startSeries(key, buildEvent(res, regarding, event, { instance: this.opts.instance, now }), now);
  }

  private startSeries(key: string, obj: EventV1, now: Date): void {
    const created = this.kube.create(Resources.Event, obj).then(
      () => true,
      (err: unknown) => {
        if (this.series.get(key)?.created === created) this.series.delete(key);
        this.log.warn('cannot record event', { reason: obj.reason, object: obj.regarding?.name, error: err });
        return false;
      },
    );
    const { name, namespace = 'default' } = obj.metadata;
    this.series.delete(key);
    this.series.set(key, { name, namespace, count: 1, lastObserved: now, created, writing: false, dirty: false });
    if (this.series.size > MAX_SERIES) this.series.delete(this.series.keys().next().value as string);
    this.track(created);
  }

  private async writeSeries(s: Series, event: EventSpec): Promise<void> {
    if (s.writing) {
      s.dirty = true;
      return;
    }
    s.writing = true;
    try {
      if (!(await s.created)) return;
      do {
        s.dirty = false;
        const series = { count: s.count, lastObservedTime: microTime(s.lastObserved) };
        await this.kube.mergePatch(Resources.Event, s.name, s.namespace, { series });
      } while (s.dirty);
    } catch (err) {
      this.log.warn('cannot update event series', { reason: event.reason, event: s.name, error: err });
    } finally {
      s.writing = false;
    }
  }

  private track(p: Promise<unknown>): void {
    // Never rejects: every write here already logs its own failure.
    const tracked = p.then(
      () => undefined,
      () => undefined,
    ).finally(() => this.pending.delete(tracked));
    this.pending.add(tracked);
  }

  /** Waits for the events recorded so far to be written (or to fail). */
  async flush(): Promise<void> {
    await Promise.all([...this.pending]);
  }
}
