// Nova's version documents (GET /compute, /compute/v2 and /compute/v2.1).
import type { Static } from '@sinclair/typebox';
import { MAX_VERSION, MIN_VERSION } from '../microversion.js';
import type { version } from './versions.schema.js';

export type VersionId = 'v2.0' | 'v2.1';
type Version = Static<typeof version>;

function v21(base: string): Version {
  return {
    id: 'v2.1',
    status: 'CURRENT',
    version: MAX_VERSION,
    min_version: MIN_VERSION,
    updated: '2013-07-23T11:33:21Z',
    links: [{ rel: 'self', href: `${base}/compute/v2.1/` }],
  };
}

function v20(base: string): Version {
  return {
    id: 'v2.0',
    status: 'SUPPORTED',
    version: '',
    min_version: '',
    updated: '2011-01-21T11:33:21Z',
    links: [{ rel: 'self', href: `${base}/compute/v2/` }],
  };
}

const MEDIA_TYPES: Record<VersionId, string> = {
  'v2.0': 'application/vnd.openstack.compute+json;version=2',
  'v2.1': 'application/vnd.openstack.compute+json;version=2.1',
};

/** Every version, as the root lists them (no media types: Nova shows those for one version only). */
export function versionsView(base: string): Version[] {
  return [v20(base), v21(base)];
}

/** One version with its media types. */
export function versionView(base: string, id: VersionId): Version {
  const doc = id === 'v2.1' ? v21(base) : v20(base);
  return { ...doc, 'media-types': [{ base: 'application/json', type: MEDIA_TYPES[id] }] };
}
