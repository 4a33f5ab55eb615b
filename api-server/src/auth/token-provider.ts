// The token machinery one API server replica runs: issuing and validating stateless Fernet
// tokens, revocation (and sweeping revocations whose tokens have expired), and password checks.
// createTokenProvider(deps).authenticator is what the router uses for X-Auth-Token on every
// service; it never waits for a password check.
import type { AuthContext } from '../common/route.js';
import { unauthorized } from '../common/errors.js';
import type { AppDeps, Authenticator } from '../deps.js';
import { resolveAuthContext } from './auth-context.js';
import { KeyRing } from './key-ring.js';
import { openConsoleToken, sealConsoleToken, type ConsoleClaims } from './console-token.js';
import { DEFAULT_LOCKOUT } from './lockout.js';
import { DEFAULT_PASSWORD_CHECKS, PasswordGate, type GateLimits } from './password-gate.js';
import { createPasswordVerifier, type HashVerifier, type PasswordVerifier } from './password-login.js';
import { DEFAULT_SCRYPT, hashPassword, type ScryptParams } from './password.js';
import { createAppCredSecretVerifier, type AppCredSecretVerifier } from './app-cred-secrets.js';
import {
  DEFAULT_EXPIRATION_BUFFER_SECONDS,
  DEFAULT_MAX_REVOCATIONS_PER_USER,
  isRevoked,
  revocationLimitExceeded,
  revocationLimitReached,
  revokeAuditId,
  sweepRevocations,
} from './revocations.js';
import { newAuditId, openToken, sealToken, type TokenData } from './token-codec.js';

export const DEFAULT_TOKEN_TTL_SECONDS = 3600;
export const DEFAULT_REVOCATION_SWEEP_SECONDS = 300;

export interface TokenProviderOptions {
  /** scrypt cost for the dummy hash; must match how passwords are hashed (tests use a cheap one). */
  passwordParams?: ScryptParams;
  /** Password checks in flight and waiting; beyond that a login gets 503 (see password-gate.ts). */
  passwordChecks?: GateLimits;
  /** The scrypt comparison, for tests that count or hold the checks. */
  verifyHash?: HashVerifier;
  /** Keystone's [security_compliance] lockout_failure_attempts; 0 (the default) is off. */
  lockoutFailureAttempts?: number;
  /** Keystone's [security_compliance] lockout_duration, seconds; 0 locks until cleared by hand. */
  lockoutDurationSeconds?: number;
  /** Keystone's [revoke] expiration_buffer: how long a revocation outlives its tokens, seconds. */
  revocationExpirationBufferSeconds?: number;
  /** How often this replica sweeps collectable revocations, seconds; 0 never (tests sweep by hand). */
  revocationSweepIntervalSeconds?: number;
  /** Revocations one user may hold at once (admins revoking are exempt); 0 is no limit. */
  maxRevocationsPerUser?: number;
  /** Clock in epoch milliseconds, for tests. */
  now?: () => number;
}

export interface IssueRequest {
  userId: string;
  methods: string[];
  /** The project of a project-scoped token; null for unscoped, domain- and system-scoped ones. */
  projectId: string | null;
  /** A domain-scoped token's domain. */
  domainId?: string;
  /** A system-scoped token. */
  system?: boolean;
  /** The application credential authenticated with (its project is projectId). */
  appCredId?: string;
  /** The token expires no later than this (an application credential's expires_at). */
  notAfter?: Date;
  /** The token this one re-scopes: it keeps its expiry and audit chain. */
  parent?: AuthContext;
}

export interface TokenProvider {
  authenticator: Authenticator;
  /** Issues a token and returns the identity it grants (the token string is in .token). */
  issue(req: IssueRequest): AuthContext;
  /** Throws ApiError 401 for a malformed, forged, expired, revoked or no-longer-valid token. */
  validate(token: string): Promise<AuthContext>;
  /** Revokes the token and every token re-scoped from it; 403 past the caller's revocation limit. */
  revoke(subject: AuthContext, caller: AuthContext): Promise<void>;
  /** See PasswordVerifier: 401 for a locked account, 503 when too many checks are in flight. */
  verifyPassword: PasswordVerifier;
  /** An application credential's secret against its stored hash, through the same gate as passwords. */
  verifyAppCredSecret: AppCredSecretVerifier;
  /** A secret's scrypt hash, with the cost passwords are hashed with. */
  hashSecret(secret: string): Promise<string>;
  /** Deletes the revocations whose tokens expired (start() also runs this periodically). */
  sweepRevocations(): Promise<number>;
  /** Nova's console tokens: sealed with the token keys, valid for CONSOLE_TOKEN_TTL_SECONDS. */
  consoleTokens: ConsoleTokens;
  /** Loads (creating if needed) the key repository, starts following it and sweeping. */
  start(): Promise<void>;
  stop(): void;
}

/** Nova's console_token_ttl default. */
export const CONSOLE_TOKEN_TTL_SECONDS = 600;

export interface ConsoleTokens {
  seal(claims: ConsoleClaims): string;
  open(token: string): ConsoleClaims | undefined;
}

function auditChain(parent: AuthContext | undefined): string[] {
  if (!parent) return [newAuditId()];
  return [newAuditId(), parent.auditIds[parent.auditIds.length - 1]];
}

interface Settings {
  now: () => number;
  ttlMs: number;
  bufferMs: number;
  sweepMs: number;
  maxRevocations: number;
}

function settingsOf(deps: AppDeps, options: TokenProviderOptions): Settings {
  return {
    now: options.now ?? Date.now,
    ttlMs: (deps.config.tokenTtlSeconds || DEFAULT_TOKEN_TTL_SECONDS) * 1000,
    bufferMs: (options.revocationExpirationBufferSeconds ?? DEFAULT_EXPIRATION_BUFFER_SECONDS) * 1000,
    sweepMs: (options.revocationSweepIntervalSeconds ?? DEFAULT_REVOCATION_SWEEP_SECONDS) * 1000,
    maxRevocations: options.maxRevocationsPerUser ?? DEFAULT_MAX_REVOCATIONS_PER_USER,
  };
}

function passwordVerifier(deps: AppDeps, options: TokenProviderOptions, gate: PasswordGate, now: () => number): PasswordVerifier {
  return createPasswordVerifier(deps.kube, deps.config.systemNamespace, {
    params: options.passwordParams ?? DEFAULT_SCRYPT,
    gate,
    lockout: {
      failureAttempts: options.lockoutFailureAttempts ?? DEFAULT_LOCKOUT.failureAttempts,
      durationSeconds: options.lockoutDurationSeconds ?? DEFAULT_LOCKOUT.durationSeconds,
    },
    verifyHash: options.verifyHash,
    now,
  });
}

class FernetTokenProvider implements TokenProvider {
  readonly authenticator: Authenticator = { authenticate: (token) => this.validate(token) };
  readonly verifyPassword: PasswordVerifier;
  readonly verifyAppCredSecret: AppCredSecretVerifier;
  private readonly scrypt: ScryptParams;
  private readonly keyRing: KeyRing;
  readonly consoleTokens: ConsoleTokens = {
    seal: (claims) => sealConsoleToken(this.keyRing.current(), claims, this.settings.now() + CONSOLE_TOKEN_TTL_SECONDS * 1000, this.settings.now()),
    open: (token) => openConsoleToken(this.keyRing.current(), token, this.settings.now()),
  };
  private sweeper: NodeJS.Timeout | undefined;
  private sweeping = false;
  /** Revocations being created, per user, until the cache has them (see revoke). */
  private readonly revoking = new Map<string, number>();

  constructor(
    private readonly deps: AppDeps,
    private readonly settings: Settings,
    options: TokenProviderOptions,
  ) {
    this.keyRing = new KeyRing(deps.kube, deps.config.systemNamespace, deps.log);
    // One gate for every scrypt check, password or application credential secret.
    const gate = new PasswordGate(options.passwordChecks ?? DEFAULT_PASSWORD_CHECKS);
    this.scrypt = options.passwordParams ?? DEFAULT_SCRYPT;
    this.verifyPassword = passwordVerifier(deps, options, gate, settings.now);
    this.verifyAppCredSecret = createAppCredSecretVerifier(deps.kube, deps.config.systemNamespace, { params: this.scrypt, gate, verifyHash: options.verifyHash });
  }

  hashSecret(secret: string): Promise<string> {
    return hashPassword(secret, this.scrypt);
  }

  private decode(token: string): TokenData {
    const data = openToken(this.keyRing.current(), token);
    if (!data || data.expiresAt.getTime() <= this.settings.now()) throw unauthorized();
    if (isRevoked(this.deps.stores.tokenRevocations, data.auditIds)) throw unauthorized();
    return data;
  }

  // Synchronous work (informer caches only) behind the Authenticator's promise-based interface.
  validate(token: string): Promise<AuthContext> {
    return new Promise((resolve) => resolve(resolveAuthContext(this.deps.stores, this.decode(token), token)));
  }

  issue(req: IssueRequest): AuthContext {
    const issuedAt = this.settings.now();
    const expiresAt = req.parent?.expiresAt ?? new Date(issuedAt + this.settings.ttlMs);
    const data = {
      userId: req.userId,
      methods: [...new Set([...req.methods, ...(req.parent?.methods ?? [])])],
      projectId: req.projectId,
      ...(req.domainId !== undefined ? { domainId: req.domainId } : {}),
      ...(req.system ? { system: true } : {}),
      ...(req.appCredId !== undefined ? { appCredId: req.appCredId } : {}),
      expiresAt: req.notAfter && req.notAfter < expiresAt ? req.notAfter : expiresAt,
      auditIds: auditChain(req.parent),
    };
    const token = sealToken(this.keyRing.current(), data, issuedAt);
    // The token records its issue time to the millisecond (token-codec's payload version 3).
    return resolveAuthContext(this.deps.stores, { ...data, issuedAt: new Date(Math.floor(issuedAt)) }, token);
  }

  async revoke(subject: AuthContext, caller: AuthContext): Promise<void> {
    const store = this.deps.stores.tokenRevocations;
    const { maxRevocations: max, bufferMs } = this.settings;
    const user = subject.userId;
    // Creates still in flight are not in the cache yet: count them, or a burst passes the cap.
    const pending = this.revoking.get(user) ?? 0;
    if (!caller.isAdmin && revocationLimitReached(store, user, { max, bufferMs, nowMs: this.settings.now(), pending })) {
      throw revocationLimitExceeded(max);
    }
    this.revoking.set(user, pending + 1);
    try {
      await revokeAuditId(store, { userId: user, auditId: subject.auditIds[0], expiresAt: subject.expiresAt });
    } finally {
      const left = (this.revoking.get(user) ?? 1) - 1;
      if (left > 0) this.revoking.set(user, left);
      else this.revoking.delete(user);
    }
  }

  sweepRevocations(): Promise<number> {
    return sweepRevocations(this.deps.kube, this.deps.stores.tokenRevocations, this.settings.now(), this.settings.bufferMs);
  }

  /** One sweep at a time; a failed one is logged and the next interval tries again. */
  private async sweepQuietly(): Promise<void> {
    if (this.sweeping) return;
    this.sweeping = true;
    try {
      await this.sweepRevocations();
    } catch (err) {
      this.deps.log.warn('sweeping expired token revocations failed', { error: String(err) });
    } finally {
      this.sweeping = false;
    }
  }

  async start(): Promise<void> {
    await this.keyRing.start();
    if (this.settings.sweepMs > 0 && !this.sweeper) {
      this.sweeper = setInterval(() => void this.sweepQuietly(), this.settings.sweepMs);
      this.sweeper.unref();
    }
  }

  stop(): void {
    clearInterval(this.sweeper);
    this.sweeper = undefined;
    this.keyRing.stop();
  }
}

export function createTokenProvider(deps: AppDeps, options: TokenProviderOptions = {}): TokenProvider {
  return new FernetTokenProvider(deps, settingsOf(deps, options), options);
}
