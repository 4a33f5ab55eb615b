// Image member bodies: one member as Glance shows it.
import type { Static } from '@sinclair/typebox';
import type { Image } from '../../../../../crds/types.generated.js';
import { isoSeconds } from '../../../common/time.js';
import type { ImageMember } from '../images/images.access.js';
import type { member } from './image-members.schema.js';

export function memberView(image: Image, m: ImageMember): Static<typeof member> {
  return {
    image_id: image.metadata.name,
    member_id: m.projectId,
    status: m.status,
    created_at: isoSeconds(m.createdAt),
    updated_at: isoSeconds(m.updatedAt),
    schema: '/v2/schemas/member',
  };
}
