// Tag handlers for every tagged Neutron resource: the resource's own lookup decides who may read
// (its visibility) and who may change (its owner or an admin); a tag change is a spec change, so
// it bumps revision_number and updated_at like any other.
import type { Static } from '@sinclair/typebox';
import type { KubeObject } from '../../../../../crds/kube-object.js';
import type { ResourceStore } from '../../../kube/store.js';
import type { AuthContext, RouteContext, RouteResult } from '../../../common/route.js';
import { neutronBadRequest, neutronNotFound } from '../neutron.errors.js';
import { MAX_TAG_LENGTH, MAX_TAGS, type replaceTagsBody } from './tags.schema.js';

type Tagged = KubeObject & { spec: { tags?: string[]; updatedAt?: string } };

export interface Taggable<T extends Tagged> {
  /** The path segment: networks, subnets, ports… */
  collection: string;
  store: ResourceStore<T>;
  /** The visible resource or a 404 of the resource's own type. */
  find(auth: AuthContext, id: string): T;
  /** The resource the caller may change, or a 404/403. */
  findOwn(auth: AuthContext, id: string, action: string): T;
}

type Ctx = RouteContext<undefined, object>;

function validTag(tag: string): string {
  if (!tag || tag.length > MAX_TAG_LENGTH) throw neutronBadRequest(`Invalid input for operation: '${tag}' exceeds the maximum length of ${MAX_TAG_LENGTH}.`);
  return tag;
}

async function writeTags<T extends Tagged>(t: Taggable<T>, obj: T, next: (tags: string[]) => string[]): Promise<string[]> {
  const updated = await t.store.update(obj.metadata.name, obj.metadata.namespace, (cur) => {
    const tags = next(cur.spec.tags ?? []);
    if (tags.length > MAX_TAGS) throw neutronBadRequest(`Invalid input for operation: at most ${MAX_TAGS} tags are allowed.`);
    return { ...cur, spec: { ...cur.spec, tags, updatedAt: new Date().toISOString() } };
  });
  return updated?.spec.tags ?? [];
}

type Handler<C> = (ctx: C) => Promise<RouteResult>;

export interface TagHandlers {
  list: Handler<Ctx>;
  check: Handler<Ctx>;
  replace: Handler<RouteContext<Static<typeof replaceTagsBody>, object>>;
  add: Handler<Ctx>;
  removeAll: Handler<Ctx>;
  remove: Handler<Ctx>;
}

export function tagHandlers<T extends Tagged>(t: Taggable<T>): TagHandlers {
  const action = (verb: string): string => `${verb}_${t.collection.replace(/s$/, '').replace(/-/g, '_')}:tags`;
  return {
    list: async (ctx: Ctx): Promise<RouteResult> => ({ body: { tags: t.find(ctx.auth, ctx.params.id).spec.tags ?? [] } }),
    check: async (ctx: Ctx): Promise<RouteResult> => {
      const tags = t.find(ctx.auth, ctx.params.id).spec.tags ?? [];
      if (!tags.includes(ctx.params.tag)) throw neutronNotFound('TagNotFound', `Tag ${ctx.params.tag} could not be found for ${t.collection} ${ctx.params.id}.`);
      return { status: 204 };
    },
    replace: async (ctx: RouteContext<Static<typeof replaceTagsBody>, object>): Promise<RouteResult> => {
      const obj = t.findOwn(ctx.auth, ctx.params.id, action('update'));
      const wanted = [...new Set(ctx.body.tags.map(validTag))];
      return { body: { tags: await writeTags(t, obj, () => wanted) } };
    },
    add: async (ctx: Ctx): Promise<RouteResult> => {
      const obj = t.findOwn(ctx.auth, ctx.params.id, action('update'));
      const tag = validTag(ctx.params.tag);
      await writeTags(t, obj, (tags) => (tags.includes(tag) ? tags : [...tags, tag]));
      return { status: 201 };
    },
    removeAll: async (ctx: Ctx): Promise<RouteResult> => {
      await writeTags(t, t.findOwn(ctx.auth, ctx.params.id, action('delete')), () => []);
      return { status: 204 };
    },
    remove: async (ctx: Ctx): Promise<RouteResult> => {
      const obj = t.findOwn(ctx.auth, ctx.params.id, action('delete'));
      if (!(obj.spec.tags ?? []).includes(ctx.params.tag)) throw neutronNotFound('TagNotFound', `Tag ${ctx.params.tag} could not be found for ${t.collection} ${ctx.params.id}.`);
      await writeTags(t, obj, (tags) => tags.filter((x) => x !== ctx.params.tag));
      return { status: 204 };
    },
  };
}
