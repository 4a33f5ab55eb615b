// Neutron's discovery: the version list at the root, the resource index at /v2.0.
import type { RouteContext, RouteResult } from '../../../common/route.js';
import { resourcesView, versionsView } from './versions.view.js';

export async function listVersionsHandler(ctx: RouteContext): Promise<RouteResult> {
  return { body: versionsView(ctx.baseUrl) };
}

export async function listResourcesHandler(ctx: RouteContext): Promise<RouteResult> {
  return { body: resourcesView(ctx.baseUrl) };
}
