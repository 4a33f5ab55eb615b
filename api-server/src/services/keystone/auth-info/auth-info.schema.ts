// Response schemas of /v3/auth/projects, /v3/auth/domains, /v3/auth/system and /v3/auth/catalog.
import { Type } from '@sinclair/typebox';
import { responseObject } from '../../../common/parameter-types.js';
import { catalogSchema } from '../catalog.js';
import { keystoneCollection } from '../keystone.schema.js';
import { domainSchema } from '../domains/domains.schema.js';
import { projectSchema } from '../projects/projects.schema.js';

export const listAuthProjectsResponse = keystoneCollection('projects', projectSchema);
export const listAuthDomainsResponse = keystoneCollection('domains', domainSchema);
// {"system": [{"all": true}], "links": {...}}, or an empty list.
export const listAuthSystemResponse = keystoneCollection('system', responseObject({ all: Type.Literal(true) }));
// Keystone answers {"catalog": [...], "links": {...}}, the catalog list being the token's.
export const showAuthCatalogResponse = keystoneCollection('catalog', catalogSchema.items);
