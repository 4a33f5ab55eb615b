// Version discovery needs no token: clients read it to find the API before authenticating.
import type { RouteContext, RouteResult } from '../../../common/route.js';
import { versionsView, versionView, type VersionId } from './versions.view.js';

export async function listVersionsHandler(ctx: RouteContext): Promise<RouteResult> {
  return { body: { versions: versionsView(ctx.baseUrl) } };
}

export function showVersionHandler(id: VersionId) {
  return async (ctx: RouteContext): Promise<RouteResult> => ({ body: { version: versionView(ctx.baseUrl, id) } });
}
