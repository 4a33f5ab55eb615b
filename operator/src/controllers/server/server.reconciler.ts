// The Server kind's half of the reconcile shell: make its Pod exist (or not) and compute the
// status from what is observed; the shell writes it. Idempotent: a second pass over an unchanged
// world writes nothing.
import type { Flavor, FloatingIP, Image, Network, Port, Project, Server, ServerStatus } from '../../../../crds/types.generated.js';
import { isAlreadyExists, type KubeClient } from '../../../../crds/client/client.js';
import { Resources } from '../../../../crds/resources.js';
import type { Namespace, Node, Pod } from '../../../../crds/kube-types.js';
import { correctMetadataDrift } from '../../runtime/apply.js';
import { TerminalError, type ReconcileFn } from '../../runtime/controller.js';
import type { EventRecorder } from '../../runtime/events.js';
import { addFinalizer, hasFinalizer, removeFinalizer } from '../../runtime/finalizers.js';
import { isControlledBy, keyOf, type ObjectCache } from '../../runtime/objects.js';
import { ReconcileShell, type ReconcileAdapter, type StepContext, type StepOutcome } from '../../runtime/reconcile-shell.js';
import { EventReason, transitionEvents as serverTransitionEvents } from './server.events.js';
import { attachedPorts, SECURITY_GROUP_LABEL_PREFIX, securityGroupLabels, type AttachedPorts } from './server.ports.js';
import { desiredConfigDriveSecret, wantsConfigDrive } from './server.config-drive.js';
import { resizeRollback, unplaceableMessage, withResizeFailed } from './server.resize-rollback.js';
import { OPERATOR_FIELD_MANAGER } from '../../../../crds/naming.js';
import { bootImageRef, desiredPod, desiredPodMetadata, isStaleBoot } from './server.resources.js';
import { buildWriteDelay, computeServerStatus, isImplicitStatus, problemStatus, Reason, type Problem } from './server.status.js';
import { namespaceProblem, tenancyProblem } from './server.tenancy.js';

/** A safety net while waiting for a deleted Pod to go; its watch event normally comes first. */
export const POD_GONE_RECHECK_MS = 5_000;

export interface ServerReconcilerDeps {
  kube: KubeClient;
  servers: ObjectCache<Server>;
  pods: ObjectCache<Pod>;
  flavors: ObjectCache<Flavor>;
  images: ObjectCache<Image>;
  nodes: ObjectCache<Node>;
  namespaces: ObjectCache<Namespace>;
  projects: ObjectCache<Project>;
  ports: ObjectCache<Port>;
  networks: ObjectCache<Network>;
  floatingIPs: ObjectCache<FloatingIP>;
  events: EventRecorder;
  now?: () => Date;
}

type PodOutcome = { pod: Pod | undefined; problem?: undefined } | { pod?: undefined; problem: Problem };
type Outcome = StepOutcome<ServerStatus>;

function isTerminated(pod: Pod): boolean {
  return pod.status?.phase === 'Failed' || pod.status?.phase === 'Succeeded';
}

/** A stopped server's guest is off, a suspended one's memory is on disk, a shelved one is offloaded: none has a Pod. */
const NO_POD = new Set(['Stopped', 'Suspended', 'Shelved']);
const hasNoPod = (server: Server): boolean => NO_POD.has(server.spec.powerState ?? 'Running');

/** Why a live Pod must go (the event's reason), or undefined when it stays. */
function podDeletionReason(server: Server, pod: Pod, offline: boolean): string | undefined {
  if (offline) return EventReason.DeletedPod;
  if (isTerminated(pod)) return EventReason.DeletedFailedPod;
  return isStaleBoot(server, pod) ? EventReason.ReplacedPod : undefined;
}

function conflict(pod: Pod): Problem {
  const message = `Pod ${pod.metadata.name} already exists and is not controlled by this server`;
  return { reason: Reason.PodConflict, code: 500, message };
}

/** ERROR with a fault for a problem that retrying cannot fix; the shell writes it, then throws. */
function failed(server: Server, problem: Problem, now: Date): Outcome {
  return { status: problemStatus(server, problem, now), terminal: new TerminalError(problem.message, problem.reason) };
}

export class ServerReconciler implements ReconcileAdapter<Server, ServerStatus> {
  readonly res = Resources.Server;
  readonly cache: ObjectCache<Server>;
  readonly reconcile: ReconcileFn;
  readonly transitionEvents = serverTransitionEvents;
  /** Pods we already asked the apiserver to delete (server key → pod uid), until they are gone. */
  private readonly deleting = new Map<string, string>();
  /** When this replica created each server's Pod (epoch ms): a first BUILD status may wait for it. */
  private readonly podCreatedAt = new Map<string, number>();

  constructor(private readonly d: ServerReconcilerDeps) {
    this.cache = d.servers;
    this.reconcile = new ReconcileShell(this, d).reconcile;
  }

  forget(key: string): void {
    this.deleting.delete(key);
    this.podCreatedAt.delete(key);
  }

  async sync(cached: Server, ctx: StepContext<Server>): Promise<Outcome> {
    // Checked before a Pod is made: a Pod we already run is not turned to ERROR by a cache miss.
    const misplaced = this.d.pods.get(cached.metadata.name, cached.metadata.namespace) ? undefined : await this.misplacement(cached);
    if (misplaced) return failed(cached, misplaced, ctx.now);
    // The API server creates Servers with the finalizer: this patch only runs for other writers.
    const server = await addFinalizer(this.d.kube, Resources.Server, cached);
    if (server !== cached) ctx.wrote(server);
    const attached = attachedPorts(server, this.d.ports, this.d.networks, this.d.floatingIPs);
    const outcome = await this.ensurePod(server, attached);
    if (outcome.problem) return failed(server, outcome.problem, ctx.now);
    const rolledBack = await this.rollBackUnplaceableResize(server, outcome.pod, ctx);
    if (rolledBack) return rolledBack;
    const nodeName = outcome.pod?.spec.nodeName;
    const status = computeServerStatus(server, { pod: outcome.pod, node: nodeName ? this.d.nodes.get(nodeName) : undefined, attached }, ctx.now);
    await this.syncPortStatus(attached, status.status === 'ACTIVE');
    if (isImplicitStatus(server.status, status)) return {};
    const created = this.podCreatedAt.get(ctx.key);
    const delay = buildWriteDelay(server.status, status, created === undefined ? undefined : ctx.now.getTime() - created);
    if (delay !== undefined) return { requeueAfter: delay };
    this.podCreatedAt.delete(ctx.key);
    return { status };
  }

  /** Nova's NoValidHost on resize: back to the old flavor (server.resize-rollback.ts), the failure in Resized=False and an event. */
  private async rollBackUnplaceableResize(server: Server, pod: Pod | undefined, ctx: StepContext<Server>): Promise<Outcome | undefined> {
    const patch = pod && resizeRollback(server, pod);
    if (!patch) return undefined;
    const rolled = ctx.wrote(await this.d.kube.mergePatch<Server>(Resources.Server, server.metadata.name, server.metadata.namespace, { spec: patch }));
    const message = unplaceableMessage(pod);
    this.d.events.record(Resources.Server, rolled, { type: 'Warning', reason: EventReason.ResizeFailed, note: message });
    const status = computeServerStatus(rolled, { pod }, ctx.now);
    return { status: withResizeFailed(status, rolled.metadata.generation, message, ctx.now) };
  }

  /** A server's ports are ACTIVE while it is, DOWN otherwise, as Neutron reports them; written only on change. */
  private async syncPortStatus(attached: AttachedPorts | undefined, active: boolean): Promise<void> {
    const want = active ? 'ACTIVE' : 'DOWN';
    for (const port of attached?.ports ?? []) {
      if ((port.status?.status ?? 'DOWN') !== want) await this.d.kube.replaceStatus<Port>(Resources.Port, { ...port, status: { ...port.status, status: want } });
    }
  }

  /** The caches can lag (a watch restarting, a label just put back): ask the apiserver before refusing. */
  private async misplacement(server: Server): Promise<Problem | undefined> {
    if (!tenancyProblem(server, this.d)) return undefined;
    const live = await this.d.kube.get<Namespace>(Resources.Namespace, server.metadata.namespace ?? '');
    return namespaceProblem(server, live, this.d.projects);
  }

  /** Creates, keeps or deletes the Pod as the spec asks; reports what exists afterwards. */
  private async ensurePod(server: Server, attached: AttachedPorts | undefined): Promise<PodOutcome> {
    const groups = securityGroupLabels(attached);
    const pod = this.d.pods.get(server.metadata.name, server.metadata.namespace);
    if (!pod) this.deleting.delete(keyOf(server));
    if (pod && !isControlledBy(pod, server)) return { problem: conflict(pod) };
    const offline = hasNoPod(server);
    const why = pod && !pod.metadata.deletionTimestamp ? podDeletionReason(server, pod, offline) : undefined;
    if (pod && why) {
      await this.deletePod(server, pod, why);
      return { pod };
    }
    if (pod) return { pod: await this.keepPod(server, pod, groups) };
    if (offline) return { pod };
    const inputs = this.resolveInputs(server);
    if ('problem' in inputs) return inputs;
    return this.createPod(server, desiredPod(server, inputs.flavor, inputs.image, groups), groups);
  }

  /** Puts back the labels (security groups included), annotations and controller reference we set, if they drifted. */
  private async keepPod(server: Server, pod: Pod, groups: Record<string, string>): Promise<Pod> {
    if (pod.metadata.deletionTimestamp) return pod;
    const current = await this.dropStaleGroupLabels(pod, groups);
    return correctMetadataDrift(this.d.kube, Resources.Pod, { metadata: desiredPodMetadata(server, groups) }, current);
  }

  /**
   * Removes the labels of groups the server's ports left: apply never removes them (the Pod's
   * create set them, not the apply), and a stale one would keep the Pod in that group's policy.
   */
  private async dropStaleGroupLabels(pod: Pod, groups: Record<string, string>): Promise<Pod> {
    const stale = Object.keys(pod.metadata.labels ?? {}).filter((k) => k.startsWith(SECURITY_GROUP_LABEL_PREFIX) && !(k in groups));
    if (!stale.length) return pod;
    return this.d.kube.mergePatch<Pod>(Resources.Pod, pod.metadata.name, pod.metadata.namespace, { metadata: { labels: Object.fromEntries(stale.map((k) => [k, null])) } });
  }

  private resolveInputs(server: Server): { flavor: Flavor; image: Image | undefined } | { problem: Problem } {
    const { flavorRef } = server.spec;
    const imageRef = bootImageRef(server);
    const flavor = this.d.flavors.get(flavorRef);
    if (!flavor) return { problem: { reason: Reason.FlavorNotFound, code: 400, message: `Flavor ${flavorRef} could not be found.` } };
    const image = imageRef ? this.d.images.get(imageRef) : undefined;
    if (imageRef && !image) return { problem: { reason: Reason.ImageNotFound, code: 400, message: `Image ${imageRef} could not be found.` } };
    return { flavor, image };
  }

  private async createPod(server: Server, desired: Pod, groups: Record<string, string>): Promise<PodOutcome> {
    // The drive is written as the guest is spawned (Nova's spawn), so each boot sees the server as it is then.
    if (wantsConfigDrive(server)) await this.d.kube.apply(Resources.Secret, desiredConfigDriveSecret(server), OPERATOR_FIELD_MANAGER);
    try {
      const pod = await this.d.kube.create<Pod>(Resources.Pod, desired);
      this.podCreatedAt.set(keyOf(server), this.d.now?.().getTime() ?? Date.now());
      this.d.events.record(Resources.Server, server, { type: 'Normal', reason: EventReason.CreatedPod, note: `Created pod ${pod.metadata.name}` });
      return { pod };
    } catch (err) {
      if (!isAlreadyExists(err)) throw err;
      // Our cache has not seen it (or lost it with a removed label), or it is somebody else's.
      const live = await this.d.kube.get<Pod>(Resources.Pod, desired.metadata.name, desired.metadata.namespace);
      if (!live) throw err;
      return isControlledBy(live, server) ? { pod: await this.keepPod(server, live, groups) } : { problem: conflict(live) };
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

  /**
   * Deletion: delete the Pod, wait until it is gone, then let go. No "deleting" status is written:
   * the API derives task_state "deleting" from the deletionTimestamp, and the object is about to
   * go, so the write would cost a round trip per server for nothing a client reads.
   */
  async finalize(server: Server): Promise<Outcome> {
    if (!hasFinalizer(server)) return {};
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
}
