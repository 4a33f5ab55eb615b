// CR -> Glance v2 image bodies. Glance puts user-defined properties at the top level.
import type { Static } from '@sinclair/typebox';
import type { Image } from '../../../../../crds/types.generated.js';
import { isoSeconds } from '../../../common/time.js';
import type { image } from './images.schema.js';

type ImageBody = Static<typeof image>;

/** The data fields Glance fills in as bytes arrive (all null before an upload). */
function dataFields(img: Image): Pick<ImageBody, 'status' | 'checksum' | 'os_hash_algo' | 'os_hash_value' | 'size' | 'virtual_size'> {
  const st = img.status ?? {};
  return {
    status: st.status ?? 'queued',
    checksum: st.checksum ?? null,
    os_hash_algo: st.osHashAlgo ?? null,
    os_hash_value: st.osHashValue ?? null,
    size: st.size ?? null,
    virtual_size: st.virtualSize ?? null,
  };
}

/** The later of the last attribute change and the last data change. */
function updatedAt(img: Image, created: string): string {
  const times = [img.spec.updatedAt, img.status?.dataUpdatedAt].filter((t): t is string => t !== undefined).map((t) => isoSeconds(t));
  return times.reduce((a, b) => (a > b ? a : b), created);
}

export function imageView(img: Image): ImageBody {
  const id = img.metadata.name;
  const created = isoSeconds(img.metadata.creationTimestamp ?? new Date());
  return {
    ...(img.spec.properties ?? {}),
    ...(img.spec.containerImage ? { container_image: img.spec.containerImage } : {}),
    ...dataFields(img),
    id,
    name: img.spec.name ?? null,
    visibility: img.spec.visibility,
    protected: img.spec.protected ?? false,
    os_hidden: img.spec.osHidden ?? false,
    owner: img.spec.owner,
    min_disk: img.spec.minDiskGiB ?? 0,
    min_ram: img.spec.minRamMiB ?? 0,
    disk_format: img.spec.diskFormat ?? null,
    container_format: img.spec.containerFormat ?? null,
    created_at: created,
    updated_at: updatedAt(img, created),
    tags: img.spec.tags ?? [],
    self: `/v2/images/${id}`,
    file: `/v2/images/${id}/file`,
    schema: '/v2/schemas/image',
  };
}
