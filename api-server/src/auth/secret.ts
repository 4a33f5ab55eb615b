// The slice of a core/v1 Secret the auth machinery reads and writes. Secret values travel
// base64-encoded on the Kubernetes API, so every read and write goes through these helpers.
import type { KubeObject } from '../../../crds/kube-object.js';
import { MANAGED_BY, MANAGED_BY_LABEL } from '../../../crds/naming.js';

export interface SecretObject extends KubeObject {
  type?: string;
  data?: Record<string, string>;
}

export function newSecret(name: string, namespace: string, data: Record<string, string>): SecretObject {
  return {
    apiVersion: 'v1',
    kind: 'Secret',
    metadata: { name, namespace, labels: { [MANAGED_BY_LABEL]: MANAGED_BY } },
    type: 'Opaque',
    data: encodeData(data),
  };
}

export function encodeData(data: Record<string, string>): Record<string, string> {
  return Object.fromEntries(Object.entries(data).map(([k, v]) => [k, Buffer.from(v, 'utf8').toString('base64')]));
}

export function readSecretValue(secret: SecretObject | undefined, key: string): string | undefined {
  const raw = secret?.data?.[key];
  return raw === undefined ? undefined : Buffer.from(raw, 'base64').toString('utf8');
}
