// The one version this server speaks. keystoneauth uses the self href as the base URL of every
// later identity call, so it is built from the externally visible base URL.
import type { Static } from '@sinclair/typebox';
import type { listVersionsResponse, showVersionResponse, versionSchema } from './versions.schema.js';

function v3Entry(baseUrl: string): Static<typeof versionSchema> {
  return {
    id: 'v3.14',
    status: 'stable',
    updated: '2020-04-07T00:00:00Z',
    links: [{ rel: 'self', href: `${baseUrl}/identity/v3/` }],
    'media-types': [{ base: 'application/json', type: 'application/vnd.openstack.identity-v3+json' }],
  };
}

export function versionListView(baseUrl: string): Static<typeof listVersionsResponse> {
  return { versions: { values: [v3Entry(baseUrl)] } };
}

export function versionView(baseUrl: string): Static<typeof showVersionResponse> {
  return { version: v3Entry(baseUrl) };
}
