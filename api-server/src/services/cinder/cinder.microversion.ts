// Cinder v3 microversions: the range advertised, and each behaviour change of the resources
// served, named as Cinder's api/microversions.py names them. Every version up to MAX_VERSION is
// honoured for what is served; what a version adds to a feature not served (messages, groups,
// backups, clusters, pools...) stays a 404 at any version. Without a header a request is 3.0.
import { atLeast, microversionNegotiator } from '../../common/microversion.js';

export const MIN_VERSION = '3.0';
export const MAX_VERSION = '3.60';

export const MV = {
  UPLOAD_IMAGE_PARAMS: '3.1',
  VOLUME_LIST_BOOTABLE: '3.2',
  VOLUME_LIST_GLANCE_METADATA: '3.4',
  VOLUME_LIST_GROUP: '3.10',
  GROUP_VOLUME: '3.13',
  GROUP_SNAPSHOTS: '3.14',
  ETAGS: '3.15',
  VOLUME_DETAIL_PROVIDER_ID: '3.21',
  SNAPSHOT_LIST_METADATA_FILTER: '3.22',
  VOLUME_DELETE_FORCE: '3.23',
  NEW_ATTACH: '3.27',
  SNAPSHOT_SORT: '3.30',
  RESOURCE_FILTER: '3.31',
  LIKE_FILTER: '3.34',
  SNAPSHOT_LIST_USER_ID: '3.41',
  VOLUME_EXTEND_INUSE: '3.42',
  NEW_ATTACH_COMPLETION: '3.44',
  SUPPORT_COUNT_INFO: '3.45',
  VOLUME_CREATE_FROM_BACKUP: '3.47',
  VOLUME_SHARED_TARGETS_AND_SERVICE_FIELDS: '3.48',
  VOLUME_TYPE_EXTRA_SPECS_FILTER: '3.52',
  SUPPORT_VOLUME_SCHEMA_CHANGES: '3.53',
  ATTACHMENT_CREATE_MODE_ARG: '3.54',
  TRANSFER_WITH_SNAPSHOTS: '3.55',
  TRANSFER_WITH_HISTORY: '3.57',
  SUPPORT_TRANSFER_PAGINATION: '3.59',
  VOLUME_TIME_COMPARISON_FILTER: '3.60',
} as const;

/** Whether the request's microversion (3.0 when absent) has the behaviour change `change`. */
export function at(microversion: string | undefined, change: keyof typeof MV): boolean {
  return atLeast(microversion ?? MIN_VERSION, MV[change]);
}

export const negotiate = microversionNegotiator({ service: 'volume', min: MIN_VERSION, max: MAX_VERSION });
