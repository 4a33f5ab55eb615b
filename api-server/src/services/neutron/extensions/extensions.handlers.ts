// GET /v2.0/extensions and /v2.0/extensions/{alias}: show equals the list entry (Tempest checks it).
import { ApiError } from '../../../common/errors.js';
import type { RouteContext, RouteResult } from '../../../common/route.js';
import { EXTENSIONS } from './extensions.view.js';

export async function listExtensionsHandler(): Promise<RouteResult> {
  return { body: { extensions: EXTENSIONS } };
}

export async function showExtensionHandler(ctx: RouteContext): Promise<RouteResult> {
  const found = EXTENSIONS.find((e) => e.alias === ctx.params.alias);
  if (!found) throw new ApiError(404, `Extension with alias ${ctx.params.alias} does not exist`, {}, 'HTTPNotFound');
  return { body: { extension: found } };
}
