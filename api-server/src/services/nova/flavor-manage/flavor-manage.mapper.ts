// Nova's flavor create request to a Flavor CR: the id becomes the CR's name (a UUID when none, or
// "auto", is given, as Nova makes one), digit strings become numbers, a swap of "" is none.
import { randomUUID } from 'node:crypto';
import type { Flavor } from '../../../../../crds/types.generated.js';
import { Resources, typeMeta } from '../../../../../crds/resources.js';
import { badRequest } from '../../../common/errors.js';
import { NOVA_TRUE, type CreateFlavorRequest } from './flavor-manage.schema.js';

/** Nova's boolean spellings to a boolean. */
const isTrue = (v: boolean | string): boolean => (typeof v === 'boolean' ? v : NOVA_TRUE.includes(v));

function whole(field: string, v: number | string | undefined, min: number): number {
  const n = v === undefined || v === '' ? 0 : Number(v);
  if (!Number.isSafeInteger(n) || n < min || n > 2147483647) throw badRequest(`Invalid input for field/attribute ${field}. Value: ${v}. ${min === 1 ? 'must be >= 1' : 'must be >= 0'}`);
  return n;
}

export function toFlavor(req: CreateFlavorRequest): Flavor {
  const id = req.id === undefined || req.id === null || req.id === 'auto' ? randomUUID() : String(req.id);
  const rxtx = req.rxtx_factor === undefined ? 1 : Number(req.rxtx_factor);
  if (!(rxtx > 0)) throw badRequest(`Invalid input for field/attribute rxtx_factor. Value: ${req.rxtx_factor}.`);
  return {
    ...typeMeta(Resources.Flavor),
    metadata: { name: id },
    spec: {
      name: req.name,
      vcpus: whole('vcpus', req.vcpus, 1),
      ramMiB: whole('ram', req.ram, 1),
      diskGiB: whole('disk', req.disk, 0),
      ephemeralGiB: whole('OS-FLV-EXT-DATA:ephemeral', req['OS-FLV-EXT-DATA:ephemeral'], 0),
      swapMiB: whole('swap', req.swap, 0),
      rxtxFactor: rxtx,
      isPublic: isTrue(req['os-flavor-access:is_public'] ?? true),
      disabled: false,
      extraSpecs: {},
      ...(req.description ? { description: req.description } : {}),
    },
  };
}
