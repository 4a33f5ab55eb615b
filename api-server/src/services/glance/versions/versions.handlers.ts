// Glance answers the root with 300 Multiple Choices (which Tempest checks) and an explicit
// GET /versions with 200, as its version negotiation does.
import type { RouteContext, RouteResult } from '../../../common/route.js';
import { versionsView } from './versions.view.js';

export async function listVersionsHandler(ctx: RouteContext): Promise<RouteResult> {
  return { body: versionsView(ctx.baseUrl) };
}
