// A server's config drive, the Kubernetes way: Nova writes an ISO labelled config-2 that the guest
// mounts; here its files are a Secret (user data may hold credentials) owned by the Server, mounted
// read-only at /mnt/config, where Nova's documentation tells a guest to mount the drive. The files
// are crds/guest-metadata.ts's, the same the API server's metadata routes answer. Written when a
// Pod is made, as Nova writes the drive when it spawns the guest. Pure builders.
import { configDriveLayout } from '../../../../crds/guest-metadata.js';
import type { KubeObject } from '../../../../crds/kube-object.js';
import type { PodVolume } from '../../../../crds/kube-types.js';
import { MANAGED_BY, MANAGED_BY_LABEL } from '../../../../crds/naming.js';
import { Resources, typeMeta } from '../../../../crds/resources.js';
import type { Server } from '../../../../crds/types.generated.js';
import { controllerReference } from '../../runtime/objects.js';

export const CONFIG_DRIVE_VOLUME = 'config-drive';
export const CONFIG_DRIVE_DIR = '/mnt/config';

export interface ConfigDriveSecret extends KubeObject {
  type: 'Opaque';
  data: Record<string, string>;
}

export const configDriveSecretName = (serverId: string): string => `${serverId}-config-drive`;

export const wantsConfigDrive = (server: Server): boolean => server.spec.configDrive === true;

export function desiredConfigDriveSecret(server: Server): ConfigDriveSecret {
  const { files } = configDriveLayout(server);
  return {
    ...typeMeta(Resources.Secret),
    metadata: {
      name: configDriveSecretName(server.metadata.name),
      namespace: server.metadata.namespace,
      labels: { [MANAGED_BY_LABEL]: MANAGED_BY },
      ownerReferences: [controllerReference(Resources.Server, server)],
    },
    type: 'Opaque',
    data: Object.fromEntries(Object.entries(files).map(([k, v]) => [k, Buffer.from(v, 'utf8').toString('base64')])),
  };
}

/** The drive's volume: every document at each path the drive layout names, read-only to all. */
export function configDriveVolume(server: Server): PodVolume {
  const { paths } = configDriveLayout(server);
  return { name: CONFIG_DRIVE_VOLUME, secret: { secretName: configDriveSecretName(server.metadata.name), defaultMode: 0o444, items: paths } };
}
