// /os-keypairs: a user's own keypairs (Nova's default policy: the owner, or an admin acting for a
// user from 2.10, which is not served yet). Import checks the key material; create without a
// public key generates one and answers the private key that one time. Nova's codes: 200/202 at
// 2.1, 201/204 from 2.2.
import type { Static } from '@sinclair/typebox';
import type { Keypair } from '../../../../../crds/types.generated.js';
import { isAlreadyExists } from '../../../../../crds/client/client.js';
import type { Stores } from '../../../deps.js';
import { badRequest, conflict, notFound } from '../../../common/errors.js';
import type { AuthContext, RouteContext, RouteResult } from '../../../common/route.js';
import { at } from '../microversion.js';
import { fingerprintOf, generateKeyMaterial, type KeyMaterial, type KeypairType } from './keypairs.keys.js';
import { keypairResourceName, toKeypairResource } from './keypairs.mapper.js';
import type { createKeypairBody, KeypairCreateRequest } from './keypairs.schema.js';
import { keypairCreatedView, keypairSummaryView, keypairView } from './keypairs.view.js';

type ItemContext = RouteContext<undefined, object>;

/** Nova's safe characters for a keypair name before 2.92: letters, digits, space, '_' and '-'. */
const SAFE_NAME = /^[A-Za-z0-9 _-]+$/;

/** The user's keypair of that name, if any: the one lookup the keypair routes and server create share. */
export function lookupKeypair(stores: Stores, userId: string, name: string): Keypair | undefined {
  const kp = stores.keypairs.get(keypairResourceName(userId, name));
  return kp?.spec.userId === userId ? kp : undefined;
}

/** The caller's keypair of that name, or Nova's 404. */
function findKeypair(stores: Stores, auth: AuthContext, name: string): Keypair {
  const kp = lookupKeypair(stores, auth.userId, name);
  if (!kp) throw notFound(`Keypair ${name} not found for user ${auth.userId}`);
  return kp;
}

function checkRequest(req: KeypairCreateRequest, mv: string | undefined): KeypairType {
  if (req.type !== undefined && !at(mv, 'KEYPAIR_TYPE')) throw badRequest("Invalid input for field/attribute keypair. Value: Additional properties are not allowed ('type' was unexpected)");
  if (!SAFE_NAME.test(req.name)) throw badRequest('Keypair data is invalid: Keypair name contains unsafe characters');
  return req.type ?? 'ssh';
}

/** The imported key's fingerprint (Nova's 400 when it has none), or a generated key pair. */
function keyMaterial(req: KeypairCreateRequest, type: KeypairType): Partial<KeyMaterial> & Omit<KeyMaterial, 'privateKey'> {
  if (req.public_key === undefined) return generateKeyMaterial(type, req.name);
  const fingerprint = fingerprintOf(req.public_key, type);
  if (!fingerprint) throw badRequest('Keypair data is invalid: failed to generate fingerprint');
  return { publicKey: req.public_key.trim(), fingerprint };
}

export function createKeypairHandler(stores: Stores) {
  return async (ctx: RouteContext<Static<typeof createKeypairBody>, object>): Promise<RouteResult> => {
    const req = ctx.body.keypair;
    const type = checkRequest(req, ctx.microversion);
    const material = keyMaterial(req, type);
    try {
      const kp = await stores.keypairs.create(toKeypairResource({ userId: ctx.auth.userId, name: req.name, type }, material, new Date()));
      return { status: at(ctx.microversion, 'KEYPAIR_TYPE') ? 201 : 200, body: keypairCreatedView(kp, ctx.microversion, material.privateKey) };
    } catch (err) {
      if (isAlreadyExists(err)) throw conflict(`Key pair '${req.name}' already exists.`);
      throw err;
    }
  };
}

export function listKeypairsHandler(stores: Stores) {
  return async (ctx: RouteContext<undefined, object>): Promise<RouteResult> => {
    const mine = stores.keypairs.list().filter((kp) => kp.spec.userId === ctx.auth.userId);
    mine.sort((a, b) => a.spec.name.localeCompare(b.spec.name));
    return { body: { keypairs: mine.map((kp) => keypairSummaryView(kp, ctx.microversion)) } };
  };
}

export function showKeypairHandler(stores: Stores) {
  return async (ctx: ItemContext): Promise<RouteResult> => ({ body: keypairView(findKeypair(stores, ctx.auth, ctx.params.keypairName), ctx.microversion) });
}

export function deleteKeypairHandler(stores: Stores) {
  return async (ctx: ItemContext): Promise<RouteResult> => {
    const kp = findKeypair(stores, ctx.auth, ctx.params.keypairName);
    if (!(await stores.keypairs.delete(kp.metadata.name))) throw notFound(`Keypair ${ctx.params.keypairName} not found for user ${ctx.auth.userId}`);
    return { status: at(ctx.microversion, 'KEYPAIR_TYPE') ? 204 : 202 };
  };
}
