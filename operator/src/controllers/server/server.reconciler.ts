// Level-triggered reconcile of one Server: make its Pod exist (or not), then write the status
// computed from what is observed. Idempotent: a second pass over an unchanged world writes nothing.
import type { Flavor, Image, Server, ServerStatus } from '../../../../crds/types.generated.js';
import { isAlreadyExists, type KubeClient } from '../../../../crds/client/client.js';
import { Resources, splitKey } from '../../../../crds/resources.js';
import { TerminalError, type ReconcileResult } from '../../runtime/controller.js';
import type { EventRecorder } from '../../runtime/events.js';
import { addFinalizer, hasFinalizer, removeFinalizer } from '../../runtime/finalizers.js';
import type { Node, Pod } from '../../../../crds/kube-types.js';
import { isControlledBy, keyOf, statusEqual, type ObjectCache } from '../../runtime/objects.js';
import { WriteTracker } from '../../runtime/write-tracker.js';
import { EventReason, transitionEvents } from './server.events.js';
import { desiredPod } from './server.resources.js';
import { computeServerStatus, deletingStatus, problemStatus, Reason, type Problem } from './server.status.js';

/** A safety net while waiting for a deleted Pod to go; its watch event normally comes first. */
export const POD_GONE_RECHECK_MS = 5_000;
/** A safety net while the cache lags behind our own write; its watch event normally comes first. */
export const STALE_CACHE_RECHECK_MS = 1_000;

export interface ServerReconcilerDeps {
  kube: KubeClient;
  servers: ObjectCache<Server>;
  pods: ObjectCache<Pod>;
  flavors: ObjectCache<Flavor>;
  images: ObjectCache<Image>;
  nodes: ObjectCache<Node>;
  events: EventRecorder;
  now?: () => Date;
}

type PodOutcome = { pod: Pod | undefined; problem?: undefined } | { pod?: undefined; problem: Problem };

function isTerminated(pod: Pod): boolean {
  return pod.status?.phase === 'Failed' || pod.status?.phase === 'Succeeded';
}

function conflict(pod: Pod): Problem {
  const message = `Pod ${pod.metadata.name} already exists and is not controlled by this server`;
  return { reason: Reason.PodConflict, code: 500, message };
}

export class ServerReconciler {
  private readonly writes = new WriteTracker();
  /** Pods we already asked the apiserver to delete (server key → pod uid), until they are gone. */
  private readonly deleting = new Map<string, string>();

  constructor(private readonly d: ServerReconcilerDeps) {}

  private now(): Date {
    return this.d.now?.() ?? new Date();
  }

  readonly reconcile = async (key: string): Promise<ReconcileResult> => {
    const { namespace, name } = splitKey(key);
    const cached = this.d.servers.get(name, namespace);
    if (!cached) {
      this.writes.forget(key);
      this.deleting.delete(key);
      return {};
    }
    if (this.writes.isStale(key, cached)) return { requeueAfter: STALE_CACHE_RECHECK_MS };
    const server = structuredClone(cached);
    return server.metadata.deletionTimestamp ? this.finalize(server) : this.sync(server);
  };

  private async sync(cached: Server): Promise<ReconcileResult> {
    const server = await addFinalizer(this.d.kube, Resources.Server, cached);
    if (server !== cached) this.writes.record(keyOf(server), server);
    const outcome = await this.ensurePod(server);
    if (outcome.problem) {
      await this.writeStatus(server, problemStatus(server, outcome.problem, this.now()));
      throw new TerminalError(outcome.problem.message, outcome.problem.reason);
    }
    const nodeName = outcome.pod?.spec.nodeName;
    const node = nodeName ? this.d.nodes.get(nodeName) : undefined;
    await this.writeStatus(server, computeServerStatus(server, outcome.pod, node, this.now()));
    return {};
  }

  /** Creates, keeps or deletes the Pod as the spec asks; reports what exists afterwards. */
  private async ensurePod(server: Server): Promise<PodOutcome> {
    const pod = this.d.pods.get(server.metadata.name, server.metadata.namespace);
    if (!pod) this.deleting.delete(keyOf(server));
    if (pod && !isControlledBy(pod, server)) return { problem: conflict(pod) };
    const stopped = server.spec.powerState === 'Stopped';
    if (pod && !pod.metadata.deletionTimestamp && (stopped || isTerminated(pod))) {
      await this.deletePod(server, pod, stopped ? EventReason.DeletedPod : EventReason.DeletedFailedPod);
    }
    if (pod || stopped) return { pod };
    const inputs = this.resolveInputs(server);
    if ('problem' in inputs) return inputs;
    return this.createPod(server, desiredPod(server, inputs.flavor, inputs.image));
  }

  private resolveInputs(server: Server): { flavor: Flavor; image: Image | undefined } | { problem: Problem } {
    const { flavorRef, imageRef } = server.spec;
    const flavor = this.d.flavors.get(flavorRef);
    if (!flavor) return { problem: { reason: Reason.FlavorNotFound, code: 400, message: `Flavor ${flavorRef} could not be found.` } };
    const image = imageRef ? this.d.images.get(imageRef) : undefined;
    if (imageRef && !image) return { problem: { reason: Reason.ImageNotFound, code: 400, message: `Image ${imageRef} could not be found.` } };
    return { flavor, image };
  }

  private async createPod(server: Server, desired: Pod): Promise<PodOutcome> {
    try {
      const pod = await this.d.kube.create<Pod>(Resources.Pod, desired);
      this.d.events.record(Resources.Server, server, { type: 'Normal', reason: EventReason.CreatedPod, note: `Created pod ${pod.metadata.name}` });
      return { pod };
    } catch (err) {
      if (!isAlreadyExists(err)) throw err;
      // Our cache has not seen it yet, or it is somebody else's: ask the apiserver.
      const live = await this.d.kube.get<Pod>(Resources.Pod, desired.metadata.name, desired.metadata.namespace);
      if (!live) throw err;
      return isControlledBy(live, server) ? { pod: live } : { problem: conflict(live) };
    }
  }

  /** Deletes the pod once: a cache that has not seen the deletion yet does not cause a second. */
  private async deletePod(server: Server, pod: Pod, reason: string): Promise<void> {
    const { name, namespace, uid = '' } = pod.metadata;
    const key = keyOf(server);
    if (this.deleting.get(key) === uid) return;
    const deleted = await this.d.kube.delete(Resources.Pod, name, namespace, { preconditions: { uid } });
    this.deleting.set(key, uid);
    if (deleted) this.d.events.record(Resources.Server, server, { type: 'Normal', reason, note: `Deleted pod ${name}` });
  }

  /** Deletion: show task_state "deleting", delete the Pod, wait until it is gone, then let go. */
  private async finalize(cached: Server): Promise<ReconcileResult> {
    if (!hasFinalizer(cached)) return {};
    const server = await this.writeStatus(cached, deletingStatus(cached, this.now()));
    const pod = await this.podForDeletion(server);
    if (pod && isControlledBy(pod, server)) {
      if (!pod.metadata.deletionTimestamp) await this.deletePod(server, pod, EventReason.DeletedPod);
      return { requeueAfter: POD_GONE_RECHECK_MS };
    }
    await removeFinalizer(this.d.kube, Resources.Server, server);
    return {};
  }

  /** The cache may not have seen a Pod created moments ago: confirm its absence live. */
  private async podForDeletion(server: Server): Promise<Pod | undefined> {
    const { name, namespace } = server.metadata;
    return this.d.pods.get(name, namespace) ?? (await this.d.kube.get<Pod>(Resources.Pod, name, namespace));
  }

  /** Writes /status only when it changed in meaning; returns the Server as stored. */
  private async writeStatus(server: Server, next: ServerStatus): Promise<Server> {
    if (statusEqual(server.status, next)) return server;
    const updated = await this.d.kube.replaceStatus<Server>(Resources.Server, { ...server, status: next });
    this.writes.record(keyOf(server), updated);
    for (const e of transitionEvents(server.status, next)) this.d.events.record(Resources.Server, server, e);
    return updated;
  }
}
