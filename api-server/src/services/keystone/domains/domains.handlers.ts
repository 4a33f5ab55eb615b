// /v3/domains. Reads: the list for admins (identity:list_domains), one domain for an admin or a
// token scoped to a project of that domain (identity:get_domain; an unknown domain is 404 before
// the policy, as in Keystone). Writes, for admins: create (the name unique among domains, through
// a NameClaim), update (rename moves the claim), and delete, which Keystone allows only once the
// domain is disabled; it takes the domain's groups, users and projects with it, as Keystone does,
// except that a project still owning resources refuses (see projects.delete.ts).
import { Resources } from '../../../../../crds/resources.js';
import { forbidden, notFound } from '../../../common/errors.js';
import { duplicateEntry, releaseName, withNewClaim, withRenamedClaim, type NameKey } from '../../../common/name-claims.js';
import type { AppDeps } from '../../../deps.js';
import type { RouteContext } from '../../../common/route.js';
import { DEFAULT_DOMAIN_ID, findDomain } from '../../../auth/default-domain.js';
import { syncHandler, type Handler } from '../handler.js';
import { collectionLinks, policyDenied } from '../collection.js';
import type { CreateDomainRequest, ListDomainsQuery, UpdateDomainRequest } from './domains.schema.js';
import { domainFilter } from './domains.query.js';
import { domainListView, domainView, type DomainLike } from './domains.view.js';
import { applyDomainUpdate, newKeystoneId, toDomainResource } from './domains.mapper.js';
import { removeDomainContents } from './domains.contents.js';

export const domainNameKey = (name: string): NameKey => ({ kind: Resources.Domain.kind, scope: '', name });
const nameTaken = (name: string) => () => duplicateEntry('domain', `Duplicate entry found with name ${name}.`);

/** Every live domain, the built-in default one included when its CR is missing. */
export function allDomains(d: AppDeps): DomainLike[] {
  const live: DomainLike[] = d.stores.domains.list().filter((x) => !x.metadata.deletionTimestamp);
  const builtIn = findDomain(d.stores, DEFAULT_DOMAIN_ID);
  if (builtIn && !live.some((x) => x.metadata.name === DEFAULT_DOMAIN_ID)) live.push(builtIn);
  return live.sort((a, b) => a.spec.name.localeCompare(b.spec.name));
}

export function findDomainOr404(d: AppDeps, id: string): DomainLike {
  const domain = findDomain(d.stores, id);
  if (!domain) throw notFound(`Could not find domain: ${id}.`);
  return domain;
}

/** Keystone's ResourceUpdateForbidden / ResourceDeleteForbidden for a resource marked immutable. */
export function immutable(type: string, id: string, verb: 'update' | 'delete'): Error {
  return forbidden(`Unable to ${verb} immutable ${type} resource: \`${id}. Set resource option "immutable" to false first.`);
}

/** An update of an immutable resource may only clear the option itself. */
export function refuseImmutableUpdate(type: string, id: string, options: { immutable?: boolean } | undefined, req: { options?: { immutable?: boolean | null } }): void {
  if (options?.immutable !== true) return;
  const unlocks = req.options !== undefined && req.options.immutable !== true && Object.keys(req).length === 1;
  if (!unlocks) throw immutable(type, id, 'update');
}

export function listDomainsHandler(d: AppDeps): Handler<undefined, ListDomainsQuery> {
  return syncHandler((ctx) => ({ body: domainListView(ctx.baseUrl, collectionLinks(ctx), allDomains(d).filter(domainFilter(ctx.query))) }));
}

export function showDomainHandler(d: AppDeps): Handler {
  return syncHandler((ctx) => {
    const domain = findDomainOr404(d, ctx.params.domainId);
    // By id only: a client holding the name gets 404 and retries with ?name=, as with Keystone.
    if (!ctx.auth.isAdmin && ctx.auth.projectDomainId !== domain.metadata.name) throw policyDenied('get_domain');
    return { body: { domain: domainView(ctx.baseUrl, domain) } };
  });
}

export async function createDomain(d: AppDeps, req: CreateDomainRequest): Promise<DomainLike> {
  const id = newKeystoneId();
  const claim = { key: domainNameKey(req.name), holderId: id, taken: nameTaken(req.name) };
  return withNewClaim(d.stores, claim, () => d.stores.domains.create(toDomainResource(id, req)));
}

export function createDomainHandler(d: AppDeps): Handler<{ domain: CreateDomainRequest }> {
  return async (ctx) => ({ status: 201, body: { domain: domainView(ctx.baseUrl, await createDomain(d, ctx.body.domain)) } });
}

/** The default domain keeps the cloud admin's users and projects: it is never disabled nor deleted. */
function refuseDisablingDefault(id: string, enabled: boolean | undefined): void {
  if (id === DEFAULT_DOMAIN_ID && enabled === false) throw forbidden('The default domain cannot be disabled.');
}

export async function updateDomain(d: AppDeps, current: DomainLike, req: UpdateDomainRequest): Promise<DomainLike> {
  const id = current.metadata.name;
  refuseImmutableUpdate('domain', id, current.spec.options, req);
  refuseDisablingDefault(id, req.enabled);
  const to = { key: domainNameKey(req.name ?? current.spec.name), holderId: id, taken: nameTaken(req.name ?? current.spec.name) };
  const write = async (): Promise<DomainLike | undefined> => {
    if (!d.stores.domains.get(id)) return d.stores.domains.create({ ...toDomainResource(id, { name: current.spec.name }), spec: applyDomainUpdate(current.spec, req) });
    return d.stores.domains.update(id, undefined, (dom) => ({ ...dom, spec: applyDomainUpdate(dom.spec, req) }));
  };
  const updated = await withRenamedClaim(d.stores, domainNameKey(current.spec.name), to, write);
  if (!updated) throw notFound(`Could not find domain: ${id}.`);
  if (req.enabled === false && current.spec.enabled !== false) await revokeDomainUsers(d, id);
  return updated;
}

/** Disabling a domain revokes its users' tokens, as Keystone's revocation event for the domain does. */
async function revokeDomainUsers(d: AppDeps, domainId: string): Promise<void> {
  const now = new Date().toISOString();
  for (const u of d.stores.users.list().filter((x) => x.spec.domainId === domainId)) {
    await d.stores.users.update(u.metadata.name, undefined, (cur) => ({ ...cur, spec: { ...cur.spec, tokensValidAfter: now } }));
  }
}

export function updateDomainHandler(d: AppDeps): Handler<{ domain: UpdateDomainRequest }> {
  return async (ctx) => ({ body: { domain: domainView(ctx.baseUrl, await updateDomain(d, findDomainOr404(d, ctx.params.domainId), ctx.body.domain)) } });
}

export async function removeDomain<B, Q>(d: AppDeps, domain: DomainLike, ctx: RouteContext<B, Q>): Promise<void> {
  const id = domain.metadata.name;
  if (id === DEFAULT_DOMAIN_ID) throw forbidden('The default domain cannot be deleted.');
  if (domain.spec.options?.immutable === true) throw immutable('domain', id, 'delete');
  if (domain.spec.enabled !== false) throw forbidden('Cannot delete a domain that is enabled, please disable it first.');
  await removeDomainContents(d, id, ctx);
  await d.stores.domains.delete(id);
  await releaseName(d.stores, domainNameKey(domain.spec.name), id);
}

export function deleteDomainHandler(d: AppDeps): Handler {
  return async (ctx) => {
    await removeDomain(d, findDomainOr404(d, ctx.params.deleteDomainId), ctx);
    return { status: 204 };
  };
}
