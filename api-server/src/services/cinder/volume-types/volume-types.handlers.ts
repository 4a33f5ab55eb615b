// Volume type handlers: the list (is_public as Cinder reads it; from 3.52 extra_specs too, and a
// non-admin's other filters are a 400) and one type, by id or name.
import type { Static } from '@sinclair/typebox';
import type { RouteContext, RouteResult } from '../../../common/route.js';
import { lastQueryValue, parseBoolQuery } from '../../../common/pagination.js';
import { checkResourceFilters } from '../cinder.filters.js';
import { at } from '../cinder.microversion.js';
import { parseMetadataFilter } from '../volumes/volumes.query.js';
import type { Stores } from '../../../deps.js';
import { pathProject } from '../cinder.errors.js';
import { defaultVolumeType, findVolumeType, volumeTypeVisible } from './volume-types.access.js';
import type { listVolumeTypesQuery } from './volume-types.schema.js';
import { volumeTypeView } from './volume-types.view.js';

export function listVolumeTypesHandler(stores: Stores) {
  return async (ctx: RouteContext<undefined, Static<typeof listVolumeTypesQuery>>): Promise<RouteResult> => {
    pathProject(ctx.auth, ctx.params.projectId);
    // is_public=None (what OSC sends) or absent: public types, plus private ones for admins.
    const isPublic = parseBoolQuery(ctx.query.is_public);
    checkResourceFilters(ctx, 'volume_type', 'VOLUME_TYPE_EXTRA_SPECS_FILTER');
    const raw = lastQueryValue(ctx.query.extra_specs);
    const specs = at(ctx.microversion, 'VOLUME_TYPE_EXTRA_SPECS_FILTER') && raw !== undefined ? parseMetadataFilter(raw) : undefined;
    const types = stores.volumeTypes
      .list()
      .filter((t) => volumeTypeVisible(t, ctx.auth))
      .filter((t) => isPublic === undefined || (t.spec.isPublic !== false) === isPublic)
      .filter((t) => !specs || Object.entries(specs).every(([k, v]) => t.spec.extraSpecs?.[k] === String(v)))
      .sort((a, b) => a.spec.name.localeCompare(b.spec.name));
    return { body: { volume_types: types.map((t) => volumeTypeView(t, ctx.auth)) } };
  };
}

export function showVolumeTypeHandler(stores: Stores, which?: 'default') {
  return async (ctx: RouteContext<undefined, object>): Promise<RouteResult> => {
    pathProject(ctx.auth, ctx.params.projectId);
    const t = which === 'default' ? defaultVolumeType(stores) : findVolumeType(stores, ctx.auth, ctx.params.typeId);
    return { body: { volume_type: volumeTypeView(t, ctx.auth) } };
  };
}
