// Cinder's availability zones: the zones of the cluster's nodes (their topology.kubernetes.io/zone
// label, as Nova's come from), plus Cinder's default storage zone `nova`, which stands for any node
// and is what a volume gets when it names none. A zone is recorded on the volume; attaching it to a
// server in another zone is allowed, as Nova's default cross_az_attach allows it, and no claim is
// pinned by it (the hostPath and most CSI classes are not zonal to Cinder).
import { ZONE_LABEL } from '../../../../../crds/naming.js';
import type { Stores } from '../../../deps.js';
import { badRequest } from '../../../common/errors.js';

export const DEFAULT_VOLUME_ZONE = 'nova';

export function volumeZones(stores: Stores): string[] {
  const zones = new Set(stores.nodes.list().map((n) => n.metadata.labels?.[ZONE_LABEL]).filter((z): z is string => !!z));
  return [DEFAULT_VOLUME_ZONE, ...[...zones].filter((z) => z !== DEFAULT_VOLUME_ZONE).sort()];
}

export function checkVolumeZone(stores: Stores, zone: string | null | undefined): string {
  if (zone === undefined || zone === null || zone === '') return DEFAULT_VOLUME_ZONE;
  if (!volumeZones(stores).includes(zone)) throw badRequest(`Invalid input received: Availability zone '${zone}' is invalid.`);
  return zone;
}
