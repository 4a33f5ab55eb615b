// The token machinery one API server replica runs: issuing and validating stateless Fernet
// tokens, revocation, and password checks. createTokenProvider(deps).authenticator is what the
// router uses for X-Auth-Token on every service.
import type { AuthContext } from '../common/route.js';
import { unauthorized } from '../common/errors.js';
import type { AppDeps, Authenticator } from '../deps.js';
import { resolveAuthContext } from './auth-context.js';
import { KeyRing } from './key-ring.js';
import { createPasswordVerifier, type PasswordVerifier } from './password-store.js';
import { DEFAULT_SCRYPT, type ScryptParams } from './password.js';
import { isRevoked, revokeAuditId } from './revocations.js';
import { newAuditId, openToken, sealToken, type TokenData } from './token-codec.js';

export const DEFAULT_TOKEN_TTL_SECONDS = 3600;

export interface TokenProviderOptions {
  /** scrypt cost for the dummy hash; must match how passwords are hashed (tests use a cheap one). */
  passwordParams?: ScryptParams;
  /** Clock in epoch milliseconds, for tests. */
  now?: () => number;
}

export interface IssueRequest {
  userId: string;
  methods: string[];
  projectId: string | null;
  /** The token this one re-scopes: it keeps its expiry and audit chain. */
  parent?: AuthContext;
}

export interface TokenProvider {
  authenticator: Authenticator;
  /** Issues a token and returns the identity it grants (the token string is in .token). */
  issue(req: IssueRequest): AuthContext;
  /** Throws ApiError 401 for a malformed, forged, expired, revoked or no-longer-valid token. */
  validate(token: string): Promise<AuthContext>;
  /** Revokes the token and every token re-scoped from it. */
  revoke(subject: AuthContext): Promise<void>;
  verifyPassword: PasswordVerifier;
  /** Loads (creating if needed) the key repository and starts following it. */
  start(): Promise<void>;
  stop(): void;
}

function auditChain(parent: AuthContext | undefined): string[] {
  if (!parent) return [newAuditId()];
  return [newAuditId(), parent.auditIds[parent.auditIds.length - 1]];
}

export function createTokenProvider(deps: AppDeps, options: TokenProviderOptions = {}): TokenProvider {
  const { config, stores, kube } = deps;
  const now = options.now ?? Date.now;
  const ttlMs = (config.tokenTtlSeconds || DEFAULT_TOKEN_TTL_SECONDS) * 1000;
  const keyRing = new KeyRing(kube, config.systemNamespace, deps.log);

  function decode(token: string): TokenData {
    const data = openToken(keyRing.current(), token);
    if (!data || data.expiresAt.getTime() <= now()) throw unauthorized();
    if (isRevoked(stores.tokenRevocations, data.auditIds)) throw unauthorized();
    return data;
  }

  // Synchronous work (informer caches only) behind the Authenticator's promise-based interface.
  const validate = (token: string): Promise<AuthContext> =>
    new Promise((resolve) => resolve(resolveAuthContext(stores, decode(token), token)));

  function issue(req: IssueRequest): AuthContext {
    const issuedAt = now();
    const data = {
      userId: req.userId,
      methods: [...new Set([...req.methods, ...(req.parent?.methods ?? [])])],
      projectId: req.projectId,
      expiresAt: req.parent?.expiresAt ?? new Date(issuedAt + ttlMs),
      auditIds: auditChain(req.parent),
    };
    const token = sealToken(keyRing.current(), data, issuedAt);
    return resolveAuthContext(stores, { ...data, issuedAt: new Date(Math.floor(issuedAt / 1000) * 1000) }, token);
  }

  return {
    authenticator: { authenticate: validate },
    issue,
    validate,
    revoke: (subject) => revokeAuditId(stores.tokenRevocations, subject.auditIds[0], subject.expiresAt),
    verifyPassword: createPasswordVerifier(kube, config.systemNamespace, options.passwordParams ?? DEFAULT_SCRYPT),
    start: () => keyRing.start(),
    stop: () => keyRing.stop(),
  };
}
