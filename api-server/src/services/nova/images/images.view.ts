// Nova's image proxy views: a Glance image as Nova's images API shows it (status in capitals,
// progress, minimums, the properties as metadata, the server a snapshot was taken of).
import type { Static } from '@sinclair/typebox';
import type { Image } from '../../../../../crds/types.generated.js';
import { isoSeconds } from '../../../common/time.js';
import { novaLinks } from '../links.js';
import { serverLinks } from '../servers/servers.view.js';
import type { imageDetail, imageSummary } from './images.schema.js';

/** Nova's _get_image_status: Glance's status in Nova's words, with its progress. */
const STATUS: Record<string, { status: Static<typeof imageDetail>['status']; progress: number }> = {
  active: { status: 'ACTIVE', progress: 100 },
  queued: { status: 'SAVING', progress: 25 },
  saving: { status: 'SAVING', progress: 50 },
  importing: { status: 'SAVING', progress: 50 },
  uploading: { status: 'SAVING', progress: 50 },
  deleted: { status: 'DELETED', progress: 0 },
  pending_delete: { status: 'DELETED', progress: 0 },
  killed: { status: 'ERROR', progress: 0 },
};



function imageLinks(base: string, id: string): Static<typeof imageSummary>['links'] {
  return [...novaLinks(base, 'images', id), { rel: 'alternate', type: 'application/vnd.openstack.image', href: `${base}/image/images/${id}` }];
}

export function imageSummaryView(base: string, img: Image): Static<typeof imageSummary> {
  return { id: img.metadata.name, name: img.spec.name ?? null, links: imageLinks(base, img.metadata.name) };
}

export const novaImageStatus = (img: Image): Static<typeof imageDetail>['status'] => statusOf(img).status;

const statusOf = (img: Image): { status: Static<typeof imageDetail>['status']; progress: number } => STATUS[img.status?.status ?? 'queued'] ?? { status: 'UNKNOWN', progress: 0 };

/** A snapshot names the server it was taken of. */
function snapshotOf(base: string, img: Image): Pick<Static<typeof imageDetail>, 'server'> {
  const server = img.spec.properties?.instance_uuid;
  return server ? { server: { id: server, links: serverLinks(base, server) } } : {};
}

function times(img: Image): Pick<Static<typeof imageDetail>, 'created' | 'updated'> {
  const created = img.metadata.creationTimestamp ?? img.spec.updatedAt ?? new Date();
  return { created: isoSeconds(created), updated: isoSeconds(img.spec.updatedAt ?? created) };
}

export function imageDetailView(base: string, img: Image): Static<typeof imageDetail> {
  return {
    ...imageSummaryView(base, img),
    ...statusOf(img),
    minDisk: img.spec.minDiskGiB ?? 0,
    minRam: img.spec.minRamMiB ?? 0,
    metadata: img.spec.properties ?? {},
    ...times(img),
    ...snapshotOf(base, img),
    'OS-EXT-IMG-SIZE:size': img.status?.size ?? null,
  };
}
