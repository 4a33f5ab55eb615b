// Gives each server Pod on a KWOK node a console log: writes the simulated guest's boot output
// (console.log.ts) to a file once per Pod incarnation, and points a KWOK Logs object at it, so
// the Pod's log subresource, and with it Nova's os-getConsoleOutput, reads it. Only run when
// the operator is given a console directory on the machine that runs kwok-controller (the local
// cluster); where Pods really run, their containers' own logs are the console. Level-triggered
// and idempotent: an existing file is kept, and the Logs object is applied once per file.
import { existsSync, mkdirSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Flavor, Image, Server } from '../../../../crds/types.generated.js';
import { isNotFound, type KubeClient } from '../../../../crds/client/client.js';
import { OPERATOR_FIELD_MANAGER } from '../../../../crds/naming.js';
import { Resources, splitKey } from '../../../../crds/resources.js';
import type { Pod } from '../../../../crds/kube-types.js';
import { silentLogger, type Logger } from '../../../../crds/client/logger.js';
import type { ReconcileFn } from '../../runtime/controller.js';
import type { ObjectCache } from '../../runtime/objects.js';
import { consoleLines, criLog } from './console.log.js';
import { consoleFile, consoleFilePrefix, desiredLogs } from './console.resources.js';

export interface ConsoleReconcilerDeps {
  kube: KubeClient;
  servers: ObjectCache<Server>;
  pods: ObjectCache<Pod>;
  flavors: ObjectCache<Flavor>;
  images: ObjectCache<Image>;
  /** Where the console files go: read by kwok-controller, so on its machine. */
  dir: string;
  log?: Logger;
}

export class ConsoleReconciler {
  /** The file each key's Logs object was last pointed at by this process. */
  private readonly applied = new Map<string, string>();
  /** Set when the cluster has no Logs kind (kwok without the CRD): nothing to do, said once. */
  private unavailable = false;
  readonly reconcile: ReconcileFn;

  constructor(private readonly d: ConsoleReconcilerDeps) {
    mkdirSync(d.dir, { recursive: true });
    this.reconcile = (key) => this.sync(key).then(() => ({}));
  }

  private async sync(key: string): Promise<void> {
    const { namespace = '', name } = splitKey(key);
    const server = this.d.servers.get(name, namespace);
    if (!server) return this.forget(key, namespace, name);
    const pod = this.d.pods.get(name, namespace);
    if (this.unavailable || !pod?.spec.nodeName || !pod.metadata.uid || pod.metadata.deletionTimestamp) return;
    const file = consoleFile(this.d.dir, pod);
    if (!existsSync(file)) this.write(server, pod, file);
    if (this.applied.get(key) !== file) await this.point(key, pod, file);
  }

  private write(server: Server, pod: Pod, file: string): void {
    this.clearFiles(pod.metadata.namespace ?? '', pod.metadata.name);
    const lines = consoleLines({ server, pod, flavor: this.d.flavors.get(server.spec.flavorRef), image: server.spec.imageRef ? this.d.images.get(server.spec.imageRef) : undefined });
    writeFileSync(file, criLog(lines, new Date(pod.metadata.creationTimestamp ?? Date.now())), { mode: 0o600 });
  }

  private async point(key: string, pod: Pod, file: string): Promise<void> {
    try {
      await this.d.kube.apply(Resources.KwokLogs, desiredLogs(pod, file), OPERATOR_FIELD_MANAGER);
      this.applied.set(key, file);
    } catch (err) {
      if (!isNotFound(err)) throw err;
      this.unavailable = true;
      (this.d.log ?? silentLogger).warn('this cluster has no KWOK Logs kind (kwok-controller needs --enable-crds=Logs): servers get no console log', {});
    }
  }

  /** The server is gone: its console files go too (the Logs object went with its Pod). */
  private forget(key: string, namespace: string, name: string): void {
    this.applied.delete(key);
    this.clearFiles(namespace, name);
  }

  private clearFiles(namespace: string, name: string): void {
    const prefix = consoleFilePrefix(namespace, name);
    for (const f of readdirSync(this.d.dir)) if (f.startsWith(prefix)) rmSync(join(this.d.dir, f), { force: true });
  }
}
