// A VolumeType CR as Cinder shows a volume type. Extra specs are shown to admins only, as
// Cinder's volume_extension:access_types_extra_specs default says.
import type { Static } from '@sinclair/typebox';
import type { VolumeType } from '../../../../../crds/types.generated.js';
import type { AuthContext } from '../../../common/route.js';
import type { volumeType } from './volume-types.schema.js';

export function volumeTypeView(t: VolumeType, auth: AuthContext): Static<typeof volumeType> {
  const isPublic = t.spec.isPublic !== false;
  return {
    id: t.metadata.name,
    name: t.spec.name,
    description: t.spec.description ?? null,
    is_public: isPublic,
    'os-volume-type-access:is_public': isPublic,
    extra_specs: auth.isAdmin ? { ...(t.spec.extraSpecs ?? {}) } : {},
    qos_specs_id: null,
  };
}
