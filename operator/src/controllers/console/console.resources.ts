// The KWOK Logs object that makes a server Pod's log readable through the Kubernetes API
// (`kubectl logs`, the Pod's log subresource the Nova API reads): named as the Pod, pointing at
// the console file the operator wrote, and owned by the Pod, so the garbage collector removes it
// with the Pod. Pure builders.
import { join } from 'node:path';
import type { KubeObject } from '../../../../crds/kube-object.js';
import type { Pod } from '../../../../crds/kube-types.js';
import { MANAGED_BY, MANAGED_BY_LABEL } from '../../../../crds/naming.js';
import { Resources, typeMeta } from '../../../../crds/resources.js';

export interface KwokLogs extends KubeObject {
  spec: { logs: { containers?: string[]; logsFile?: string }[] };
}

/** One file per Pod incarnation (its uid): a new boot's Pod gets a fresh console. */
export function consoleFile(dir: string, pod: Pod): string {
  return join(dir, `${pod.metadata.namespace}_${pod.metadata.name}_${pod.metadata.uid}.log`);
}

/** The prefix of every console file a server's Pods had, to clear the old ones. */
export function consoleFilePrefix(namespace: string, name: string): string {
  return `${namespace}_${name}_`;
}

export function desiredLogs(pod: Pod, file: string): KwokLogs {
  return {
    ...typeMeta(Resources.KwokLogs),
    metadata: {
      name: pod.metadata.name,
      namespace: pod.metadata.namespace,
      labels: { [MANAGED_BY_LABEL]: MANAGED_BY },
      ownerReferences: [{ apiVersion: 'v1', kind: 'Pod', name: pod.metadata.name, uid: pod.metadata.uid ?? '' }],
    },
    spec: { logs: [{ logsFile: file }] },
  };
}
