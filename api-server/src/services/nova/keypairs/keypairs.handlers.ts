// /os-keypairs: a user's own keypairs (Nova's default policy: the owner, or from 2.10 an admin
// acting for a user named by user_id). Import checks the key material; create without a
// public key generates one and answers the private key that one time. Nova's codes: 200/202 at
// 2.1, 201/204 from 2.2.
import type { Static } from '@sinclair/typebox';
import type { Keypair } from '../../../../../crds/types.generated.js';
import { isAlreadyExists } from '../../../../../crds/client/client.js';
import type { Stores } from '../../../deps.js';
import { badRequest, conflict, forbidden, notFound } from '../../../common/errors.js';
import type { AuthContext, RouteContext, RouteResult } from '../../../common/route.js';
import { at, refuseKeysOutsideVersion, refuseUnknownQueryKeys } from '../microversion.js';
import { nextPageLinks } from '../links.js';
import { lastQueryValue, nextQuery, parseLimit } from '../../../common/pagination.js';
import { fingerprintOf, generateKeyMaterial, type KeyMaterial, type KeypairType } from './keypairs.keys.js';
import { keypairResourceName, toKeypairResource } from './keypairs.mapper.js';
import type { createKeypairBody, KeypairCreateRequest, keypairQuery } from './keypairs.schema.js';
import { keypairCreatedView, keypairSummaryView, keypairView } from './keypairs.view.js';
import type { QuotaAdmission } from '../../../quota/quota.admission.js';
import { claimKeypair, releaseKeypair, withQuotaProject } from '../quota-sets/quota-sets.keypairs.js';

type ListContext = RouteContext<undefined, Static<typeof keypairQuery>>;
type ItemContext = ListContext;

/** Nova's api.max_limit: a page holds at most this many keypairs. */
const MAX_KEYPAIRS_PAGE = 1000;

/** Nova's safe characters for a keypair name before 2.92: letters, digits, space, '_' and '-'. */
const SAFE_NAME = /^[A-Za-z0-9 _-]+$/;

/** The user's keypair of that name, if any: the one lookup the keypair routes and server create share. */
export function lookupKeypair(stores: Stores, userId: string, name: string): Keypair | undefined {
  const kp = stores.keypairs.get(keypairResourceName(userId, name));
  return kp?.spec.userId === userId ? kp : undefined;
}

/**
 * Whose keypairs a request acts on: the caller's own, or from 2.10 the user an admin names
 * (user_id in the query, or in a create's body); anyone else naming another user is refused.
 */
export function keypairUser(auth: AuthContext, asked: unknown, mv: string | undefined, rule: string): string {
  const named = typeof asked === 'string' ? asked : Array.isArray(asked) ? String(asked[asked.length - 1]) : undefined;
  if (!at(mv, 'KEYPAIR_USER_ID') || named === undefined || named === auth.userId) return auth.userId;
  if (!auth.isAdmin) throw forbidden(`Policy doesn't allow os_compute_api:os-keypairs:${rule} to be performed.`);
  return named;
}

/** The user's keypair of that name, or Nova's 404. */
function findKeypair(stores: Stores, userId: string, name: string): Keypair {
  const kp = lookupKeypair(stores, userId, name);
  if (!kp) throw notFound(`Keypair ${name} not found for user ${userId}`);
  return kp;
}

function checkRequest(req: KeypairCreateRequest, mv: string | undefined): KeypairType {
  refuseKeysOutsideVersion('keypair', req, mv, { since: { type: 'KEYPAIR_TYPE', user_id: 'KEYPAIR_USER_ID' } });
  if (!SAFE_NAME.test(req.name)) throw badRequest('Keypair data is invalid: Keypair name contains unsafe characters');
  return req.type ?? 'ssh';
}

/** The imported key's fingerprint (Nova's 400 when it has none), or a generated key pair. */
function keyMaterial(req: KeypairCreateRequest, type: KeypairType): Partial<KeyMaterial> & Omit<KeyMaterial, 'privateKey'> {
  if (req.public_key === undefined) return generateKeyMaterial(type, req.name);
  const fingerprint = fingerprintOf(req.public_key, type);
  if (!fingerprint) throw badRequest('Keypair data is invalid: failed to generate fingerprint');
  // Kept exactly as sent, as Nova stores it: clients compare it with their file (a .pub ends in a newline).
  return { publicKey: req.public_key, fingerprint };
}

/** 2.35's paging: the keypairs after the marker (a name; an unknown one is Nova's 400), at most limit of them. */
function pageOf(sorted: Keypair[], query: Static<typeof keypairQuery>): { page: Keypair[]; next?: string } {
  const marker = lastQueryValue(query.marker);
  const start = marker === undefined ? 0 : sorted.findIndex((kp) => kp.spec.name === marker) + 1;
  if (start === 0 && marker !== undefined) throw badRequest(`Marker ${marker} could not be found.`);
  const limit = parseLimit(query.limit, MAX_KEYPAIRS_PAGE);
  const page = sorted.slice(start, start + limit);
  return { page, next: start + limit < sorted.length && page.length ? page[page.length - 1].spec.name : undefined };
}

export function createKeypairHandler(stores: Stores, quotas: QuotaAdmission) {
  return async (ctx: RouteContext<Static<typeof createKeypairBody>, object>): Promise<RouteResult> => {
    const req = ctx.body.keypair;
    const type = checkRequest(req, ctx.microversion);
    const userId = keypairUser(ctx.auth, req.user_id, ctx.microversion, 'create');
    const material = keyMaterial(req, type);
    const cr = toKeypairResource({ userId, name: req.name, type }, material, new Date());
    if (lookupKeypair(stores, userId, req.name)) throw conflict(`Key pair '${req.name}' already exists.`);
    const claim = await claimKeypair(quotas, ctx.auth.projectId, cr);
    try {
      const kp = await stores.keypairs.create(withQuotaProject(cr, claim));
      return { status: at(ctx.microversion, 'KEYPAIR_TYPE') ? 201 : 200, body: keypairCreatedView(kp, ctx.microversion, material.privateKey) };
    } catch (err) {
      // The same name's keypair won a race: the claim under its key is that keypair's now.
      if (isAlreadyExists(err)) throw conflict(`Key pair '${req.name}' already exists.`);
      await releaseKeypair(quotas, claim, cr).catch(() => undefined);
      throw err;
    }
  };
}

export function listKeypairsHandler(stores: Stores) {
  return async (ctx: ListContext): Promise<RouteResult> => {
    refuseUnknownQueryKeys(ctx.query, at(ctx.microversion, 'KEYPAIR_PAGING') ? ['user_id', 'limit', 'marker'] : ['user_id'], ctx.microversion);
    const userId = keypairUser(ctx.auth, ctx.query.user_id, ctx.microversion, 'index');
    const mine = stores.keypairs.list().filter((kp) => kp.spec.userId === userId);
    mine.sort((a, b) => (a.spec.name < b.spec.name ? -1 : a.spec.name > b.spec.name ? 1 : 0));
    const { page, next } = at(ctx.microversion, 'KEYPAIR_PAGING') ? pageOf(mine, ctx.query) : { page: mine, next: undefined };
    const links = nextPageLinks(ctx.baseUrl, 'os-keypairs', next && nextQuery(ctx.query, next));
    return { body: { keypairs: page.map((kp) => keypairSummaryView(kp, ctx.microversion)), ...(links ? { keypairs_links: links } : {}) } };
  };
}

export function showKeypairHandler(stores: Stores) {
  return async (ctx: ItemContext): Promise<RouteResult> => {
    refuseUnknownQueryKeys(ctx.query, ['user_id'], ctx.microversion);
    const userId = keypairUser(ctx.auth, ctx.query.user_id, ctx.microversion, 'show');
    return { body: keypairView(findKeypair(stores, userId, ctx.params.keypairName), ctx.microversion) };
  };
}

export function deleteKeypairHandler(stores: Stores, quotas: QuotaAdmission) {
  return async (ctx: ItemContext): Promise<RouteResult> => {
    refuseUnknownQueryKeys(ctx.query, ['user_id'], ctx.microversion);
    const userId = keypairUser(ctx.auth, ctx.query.user_id, ctx.microversion, 'delete');
    const kp = findKeypair(stores, userId, ctx.params.keypairName);
    if (!(await stores.keypairs.delete(kp.metadata.name))) throw notFound(`Keypair ${ctx.params.keypairName} not found for user ${userId}`);
    await releaseKeypair(quotas, undefined, kp);
    return { status: at(ctx.microversion, 'KEYPAIR_TYPE') ? 204 : 202 };
  };
}
