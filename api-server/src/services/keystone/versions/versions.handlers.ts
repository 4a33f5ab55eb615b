// GET /identity (every version) and GET /identity/v3 (the one).
import { syncHandler, type Handler } from '../handler.js';
import { versionListView, versionView } from './versions.view.js';

export function listVersionsHandler(): Handler {
  return syncHandler((ctx) => ({ body: versionListView(ctx.baseUrl) }));
}

export function showVersionHandler(): Handler {
  return syncHandler((ctx) => ({ body: versionView(ctx.baseUrl) }));
}
