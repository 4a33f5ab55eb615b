// Cinder's availability zones. Volumes here are claims any node can mount (the hostPath and most
// CSI classes are not zonal to Cinder), so there is one zone, Cinder's default `nova`.
import { badRequest } from '../../../common/errors.js';

export const DEFAULT_VOLUME_ZONE = 'nova';

export function volumeZones(): string[] {
  return [DEFAULT_VOLUME_ZONE];
}

export function checkVolumeZone(zone: string | null | undefined): string {
  if (zone === undefined || zone === null || zone === '') return DEFAULT_VOLUME_ZONE;
  if (!volumeZones().includes(zone)) throw badRequest(`Invalid input received: Availability zone '${zone}' is invalid.`);
  return zone;
}
