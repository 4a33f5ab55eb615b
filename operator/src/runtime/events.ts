// Best-effort events.k8s.io/v1 Events about our objects. Recording never throws and never blocks a
// reconcile: the create runs in the background and a failure is only logged.
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
    kind: 'Event',
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

export class KubeEventRecorder implements EventRecorder {
  private readonly pending = new Set<Promise<void>>();
  private readonly log: Logger;

  constructor(
    private readonly kube: KubeClient,
    private readonly opts: KubeEventRecorderOptions,
  ) {
    this.log = opts.log ?? silentLogger;
  }

  record(res: ResourceType, regarding: KubeObject, event: EventSpec): void {
    const obj = buildEvent(res, regarding, event, { instance: this.opts.instance, now: this.opts.now?.() ?? new Date() });
    const p = this.kube
      .create(Resources.Event, obj)
      .then(() => undefined)
      .catch((err: unknown) => {
        this.log.warn('cannot record event', { reason: event.reason, object: regarding.metadata.name, error: err });
      })
      .finally(() => this.pending.delete(p));
    this.pending.add(p);
  }

  /** Waits for the events recorded so far to be written (or to fail). */
  async flush(): Promise<void> {
    await Promise.all([...this.pending]);
  }
}
