// /servers/{id}/tags (2.26): list, check one (204, else 404), add one (201 with its Location, or 204
// when the server already has it), replace all, delete one and delete all (204). Nova's checks: a
// write needs the server active, paused, suspended or stopped (409, its vm_state check; tags
// ignore the lock), an added tag must be a valid tag (400) and fit under the 50 a server may have
// (400). Each write is made on the live object inside the guarded update.
import type { Static } from '@sinclair/typebox';
import type { Server } from '../../../../../crds/types.generated.js';
import type { Stores } from '../../../deps.js';
import { badRequest, conflict, notFound } from '../../../common/errors.js';
import type { RouteContext, RouteResult } from '../../../common/route.js';
import { check } from '../../../common/validate.js';
import { findServer } from '../servers/servers.handlers.js';
import { serverLinks } from '../servers/servers.view.js';
import { withTags } from './server-tags.mapper.js';
import { MAX_SERVER_TAGS, serverTag, type replaceServerTagsBody } from './server-tags.schema.js';
import { serverTagsView } from './server-tags.view.js';

type ItemContext = RouteContext<undefined, object>;
const TAGGABLE_IN = new Set(['active', 'paused', 'suspended', 'stopped']);

function checkTaggable(s: Server, verb: string): void {
  const vmState = s.status?.vmState ?? 'building';
  if (!TAGGABLE_IN.has(vmState)) throw conflict(`Cannot '${verb}' instance ${s.metadata.name} while it is in vm_state ${vmState}`);
}

/** Writes the tags `change` makes of the live server's, after Nova's state check on it. */
async function changeTags(stores: Stores, ctx: RouteContext<unknown, object>, verb: string, change: (tags: string[]) => string[]): Promise<Server> {
  const found = findServer(stores, ctx.auth, ctx.params.serverId);
  const written = await stores.servers.update(found.metadata.name, found.metadata.namespace, (cur) => {
    checkTaggable(cur, verb);
    return { ...cur, spec: withTags(cur.spec, change(cur.spec.tags ?? [])) };
  });
  if (!written) throw notFound(`Instance ${found.metadata.name} could not be found.`);
  return written;
}

export function listServerTagsHandler(stores: Stores) {
  return async (ctx: ItemContext): Promise<RouteResult> => ({ body: serverTagsView(findServer(stores, ctx.auth, ctx.params.serverId)) });
}

export function checkServerTagHandler(stores: Stores) {
  return async (ctx: ItemContext): Promise<RouteResult> => {
    const server = findServer(stores, ctx.auth, ctx.params.serverId);
    if (!(server.spec.tags ?? []).includes(ctx.params.tag)) throw notFound(`Server ${server.metadata.name} has no tag '${ctx.params.tag}'`);
    return {};
  };
}

export function addServerTagHandler(stores: Stores) {
  return async (ctx: ItemContext): Promise<RouteResult> => {
    const { tag } = ctx.params;
    let added = false;
    const server = await changeTags(stores, ctx, 'update tag', (tags) => {
      const invalid = check(serverTag, tag, 'tag');
      if (invalid) throw badRequest(`Tag '${tag}' is invalid. It must be a non empty string without characters '/' and ','. Validation error message: ${invalid}`);
      if (tags.length >= MAX_SERVER_TAGS) throw badRequest(`The number of tags exceeded the per-server limit ${MAX_SERVER_TAGS}`);
      added = !tags.includes(tag);
      return [...tags, tag];
    });
    if (!added) return { status: 204 };
    return { status: 201, headers: { Location: `${serverLinks(ctx.baseUrl, server.metadata.name)[0].href}/tags/${encodeURIComponent(tag)}` } };
  };
}

export function replaceServerTagsHandler(stores: Stores) {
  return async (ctx: RouteContext<Static<typeof replaceServerTagsBody>, object>): Promise<RouteResult> => {
    const server = await changeTags(stores, ctx, 'update tags', () => ctx.body.tags);
    return { body: serverTagsView(server) };
  };
}

export function deleteServerTagHandler(stores: Stores) {
  return async (ctx: ItemContext): Promise<RouteResult> => {
    const { tag } = ctx.params;
    await changeTags(stores, ctx, 'delete tag', (tags) => {
      if (!tags.includes(tag)) throw notFound(`Instance ${ctx.params.serverId} has no tag '${tag}'`);
      return tags.filter((t) => t !== tag);
    });
    return {};
  };
}

export function deleteServerTagsHandler(stores: Stores) {
  return async (ctx: ItemContext): Promise<RouteResult> => {
    await changeTags(stores, ctx, 'delete tags', () => []);
    return {};
  };
}
