// What microversions change in attaching volumes, on create's block devices as on
// os-volume_attachments: a multiattach volume is Nova's 400 below 2.60.
import type { Volume } from '../../../../../crds/types.generated.js';
import { badRequest } from '../../../common/errors.js';
import { at } from '../microversion.js';

export function checkMultiattach(volumes: Volume[], mv: string | undefined): void {
  if (volumes.some((v) => v.spec.multiattach) && !at(mv, 'MULTIATTACH')) throw badRequest('Multiattach volumes are only supported starting with compute API version 2.60.');
}
