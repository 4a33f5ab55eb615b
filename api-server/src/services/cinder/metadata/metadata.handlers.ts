// The metadata verbs Cinder offers on volumes and snapshots: show, merge (POST), replace (PUT the
// collection), and one key's show, set and delete. One implementation over a small adapter per kind.
import type { Static } from '@sinclair/typebox';
import type { KubeObject } from '../../../../../crds/kube-object.js';
import type { ResourceStore } from '../../../kube/store.js';
import { badRequest, notFound } from '../../../common/errors.js';
import type { AuthContext, RouteContext, RouteResult } from '../../../common/route.js';
import { pathProject } from '../cinder.errors.js';
import type { metadataBody, metaItemBody } from './metadata.schema.js';

export type WithMetadata = KubeObject & { spec: { metadata?: Record<string, string>; updatedAt?: string } };

export interface MetadataOwner<T extends WithMetadata> {
  store: ResourceStore<T>;
  /** The object the path names, visible to the caller, or the kind's 404. */
  find(auth: AuthContext, id: string): T;
  idParam: string;
}

async function writeMetadata<T extends WithMetadata>(owner: MetadataOwner<T>, found: T, change: (md: Record<string, string>) => Record<string, string>): Promise<Record<string, string>> {
  const updated = await owner.store.update(found.metadata.name, found.metadata.namespace, (cur) => ({
    ...cur,
    spec: { ...cur.spec, metadata: change({ ...(cur.spec.metadata ?? {}) }), updatedAt: new Date().toISOString() },
  }));
  return { ...((updated ?? found).spec.metadata ?? {}) };
}

function target<T extends WithMetadata>(owner: MetadataOwner<T>, ctx: RouteContext<unknown, object>): T {
  pathProject(ctx.auth, ctx.params.projectId);
  return owner.find(ctx.auth, ctx.params[owner.idParam]);
}

export function showMetadataHandler<T extends WithMetadata>(owner: MetadataOwner<T>) {
  return async (ctx: RouteContext<undefined, object>): Promise<RouteResult> => ({ body: { metadata: { ...(target(owner, ctx).spec.metadata ?? {}) } } });
}

export function writeMetadataHandler<T extends WithMetadata>(owner: MetadataOwner<T>, mode: 'merge' | 'replace') {
  return async (ctx: RouteContext<Static<typeof metadataBody>, object>): Promise<RouteResult> => {
    const found = target(owner, ctx);
    const metadata = await writeMetadata(owner, found, (md) => (mode === 'merge' ? { ...md, ...ctx.body.metadata } : { ...ctx.body.metadata }));
    return { body: { metadata } };
  };
}

export function showMetaItemHandler<T extends WithMetadata>(owner: MetadataOwner<T>) {
  return async (ctx: RouteContext<undefined, object>): Promise<RouteResult> => {
    const md = target(owner, ctx).spec.metadata ?? {};
    if (!Object.hasOwn(md, ctx.params.key)) throw notFound(`Metadata item was not found`);
    return { body: { meta: { [ctx.params.key]: md[ctx.params.key] } } };
  };
}

export function setMetaItemHandler<T extends WithMetadata>(owner: MetadataOwner<T>) {
  return async (ctx: RouteContext<Static<typeof metaItemBody>, object>): Promise<RouteResult> => {
    const found = target(owner, ctx);
    const entries = Object.entries(ctx.body.meta);
    if (entries.length !== 1) throw badRequest('Request body contains too many items.');
    if (entries[0][0] !== ctx.params.key) throw badRequest('Request body and URI mismatch');
    await writeMetadata(owner, found, (md) => ({ ...md, [entries[0][0]]: entries[0][1] }));
    return { body: { meta: { [entries[0][0]]: entries[0][1] } } };
  };
}

export function deleteMetaItemHandler<T extends WithMetadata>(owner: MetadataOwner<T>) {
  return async (ctx: RouteContext<undefined, object>): Promise<RouteResult> => {
    const found = target(owner, ctx);
    if (!Object.hasOwn(found.spec.metadata ?? {}, ctx.params.key)) throw notFound(`Metadata item was not found`);
    await writeMetadata(owner, found, (md) => {
      delete md[ctx.params.key];
      return md;
    });
    return {};
  };
}
