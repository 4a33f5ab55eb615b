// The metadata verbs Nova offers on servers and Cinder on volumes and snapshots: show, merge
// (POST), replace (PUT the collection), and one key's show, set and delete. One implementation
// over a small adapter per kind. An owner may check a write against the live object (Nova's state
// check and item limit), and may use Etags (Cinder's volumes from 3.15: GET sends one, and a PUT
// whose If-Match names none that matches the live metadata, checked inside the guarded update, is
// a 412).
import type { Static } from '@sinclair/typebox';
import type { KubeObject } from '../../../../crds/kube-object.js';
import type { ResourceStore } from '../../kube/store.js';
import { createHash } from 'node:crypto';
import { ApiError, badRequest, notFound } from '../errors.js';
import type { RouteContext, RouteResult } from '../route.js';
import type { metadataBody, metaItemBody } from './metadata.schema.js';

export type WithMetadata = KubeObject & { spec: { metadata?: Record<string, string>; updatedAt?: string } };

export interface MetadataOwner<T extends WithMetadata> {
  store: ResourceStore<T>;
  /** The object the path names, visible to the caller, or the kind's 404. */
  find(ctx: RouteContext<unknown, object>): T;
  /** Whether Etags and If-Match apply to this request (Cinder's volumes from 3.15). */
  etags?: (ctx: RouteContext<unknown, object>) => boolean;
  /** Checks a write on the live object, with the metadata it would leave (throws to refuse it). */
  checkWrite?: (cur: T, next: Record<string, string>, ctx: RouteContext<unknown, object>) => void;
  /** Whether the object records when its metadata changed (spec.updatedAt). */
  stampsUpdates?: boolean;
}

/** md5 of Python's json.dumps({"metadata": ...}), as Cinder's volume metadata controller computes it (keys sorted, so it is stable). */
export function metadataEtag(md: Record<string, string>): string {
  const entries = Object.keys(md).sort().map((k) => `${JSON.stringify(k)}: ${JSON.stringify(md[k])}`);
  return createHash('md5').update(`{"metadata": {${entries.join(', ')}}}`).digest('hex');
}

function etagsApply<T extends WithMetadata>(owner: MetadataOwner<T>, ctx: RouteContext<unknown, object>): boolean {
  return owner.etags?.(ctx) === true;
}

/** The If-Match precondition, when the request has one. */
function ifMatch<T extends WithMetadata>(owner: MetadataOwner<T>, ctx: RouteContext<unknown, object>): ((md: Record<string, string>) => void) | undefined {
  const header = ctx.req.get('If-Match');
  if (!header || !etagsApply(owner, ctx)) return undefined;
  const wanted = header.split(',').map((t) => t.trim().replace(/^W\//, '').replace(/^"|"$/g, ''));
  return (md) => {
    if (!wanted.includes('*') && !wanted.includes(metadataEtag(md))) throw new ApiError(412, 'The metadata was changed since its Etag was read; read it again.');
  };
}

interface Write {
  change: (md: Record<string, string>) => Record<string, string>;
  precondition?: (md: Record<string, string>) => void;
}

async function writeMetadata<T extends WithMetadata>(owner: MetadataOwner<T>, ctx: RouteContext<unknown, object>, found: T, { change, precondition }: Write): Promise<Record<string, string>> {
  const updated = await owner.store.update(found.metadata.name, found.metadata.namespace, (cur) => {
    precondition?.(cur.spec.metadata ?? {});
    const metadata = change({ ...(cur.spec.metadata ?? {}) });
    owner.checkWrite?.(cur, metadata, ctx);
    return { ...cur, spec: { ...cur.spec, metadata, ...(owner.stampsUpdates === false ? {} : { updatedAt: new Date().toISOString() }) } };
  });
  return { ...((updated ?? found).spec.metadata ?? {}) };
}

const target = <T extends WithMetadata>(owner: MetadataOwner<T>, ctx: RouteContext<unknown, object>): T => owner.find(ctx);

export function showMetadataHandler<T extends WithMetadata>(owner: MetadataOwner<T>) {
  return async (ctx: RouteContext<undefined, object>): Promise<RouteResult> => {
    const metadata = { ...(target(owner, ctx).spec.metadata ?? {}) };
    return { body: { metadata }, ...(etagsApply(owner, ctx) ? { headers: { Etag: metadataEtag(metadata) } } : {}) };
  };
}

export function writeMetadataHandler<T extends WithMetadata>(owner: MetadataOwner<T>, mode: 'merge' | 'replace') {
  return async (ctx: RouteContext<Static<typeof metadataBody>, object>): Promise<RouteResult> => {
    const found = target(owner, ctx);
    const precondition = mode === 'replace' ? ifMatch(owner, ctx) : undefined;
    const metadata = await writeMetadata(owner, ctx, found, { change: (md) => (mode === 'merge' ? { ...md, ...ctx.body.metadata } : { ...ctx.body.metadata }), precondition });
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
    await writeMetadata(owner, ctx, found, { change: (md) => ({ ...md, [entries[0][0]]: entries[0][1] }), precondition: ifMatch(owner, ctx) });
    return { body: { meta: { [entries[0][0]]: entries[0][1] } } };
  };
}

export function deleteMetaItemHandler<T extends WithMetadata>(owner: MetadataOwner<T>) {
  return async (ctx: RouteContext<undefined, object>): Promise<RouteResult> => {
    const found = target(owner, ctx);
    if (!Object.hasOwn(found.spec.metadata ?? {}, ctx.params.key)) throw notFound(`Metadata item was not found`);
    await writeMetadata(owner, ctx, found, {
      change: (md) => {
        delete md[ctx.params.key];
        return md;
      },
    });
    return {};
  };
}
