// What a token carries and how it is packed. Tokens are stateless: everything needed to rebuild
// the caller's identity is inside, encrypted and authenticated with the Fernet keys. The payload
// is a short JSON array (methods as a bit mask, times as epoch numbers) so that a token scoped
// with UUID ids and two audit ids stays under 300 characters.
//
// Version 2 adds the scope's kind (project, domain or system) and the application credential a
// token was issued with; version 1 tokens (unscoped or project-scoped, from before the upgrade)
// still open, so an upgrade does not log anyone out.
import { randomBytes } from 'node:crypto';
import { fernetEncrypt, openJsonToken } from './fernet.js';
import type { KeySet } from './token-keys.js';

export interface TokenData {
  userId: string;
  methods: string[];
  /** The project of a project-scoped token; null for every other token. */
  projectId: string | null;
  /** The domain of a domain-scoped token. */
  domainId?: string;
  /** A system-scoped token (Keystone's only system, "all"). */
  system?: boolean;
  /** The application credential the token was issued with; its restriction is re-applied at validation. */
  appCredId?: string;
  expiresAt: Date;
  issuedAt: Date;
  /** [this token's id, the original token's id when re-scoped]; used for revocation. */
  auditIds: string[];
}

const PAYLOAD_V1 = 1;
const PAYLOAD_V2 = 2;
/** Version 2 plus the issue time's milliseconds past Fernet's timestamp, which has whole seconds: too coarse to revoke a user's tokens at a password change without also refusing the login that follows it. */
const PAYLOAD_V3 = 3;
const METHOD_BITS: Record<string, number> = { password: 1, token: 2, application_credential: 4 };
const AUDIT_ID = /^[A-Za-z0-9_-]{22}$/;

/** The scope kinds of a version 2 payload. */
const SCOPE = { unscoped: 0, project: 1, domain: 2, system: 3 } as const;

/** Keystone's audit ids: 16 random bytes, URL-safe base64 without padding. */
export function newAuditId(): string {
  return randomBytes(16).toString('base64url');
}

function methodMask(methods: string[]): number {
  return methods.reduce((mask, m) => mask | (METHOD_BITS[m] ?? 0), 0);
}

function methodNames(mask: number): string[] {
  return Object.entries(METHOD_BITS)
    .filter(([, bit]) => (mask & bit) !== 0)
    .map(([name]) => name);
}

/** [kind, target id]: a system token names no target, an unscoped one neither. */
function packScope(data: Pick<TokenData, 'projectId' | 'domainId' | 'system'>): [number, string | null] {
  if (data.system) return [SCOPE.system, null];
  if (data.domainId !== undefined) return [SCOPE.domain, data.domainId];
  if (data.projectId !== null) return [SCOPE.project, data.projectId];
  return [SCOPE.unscoped, null];
}

function unpackScope(kind: number, target: string | null): Pick<TokenData, 'projectId' | 'domainId' | 'system'> | undefined {
  if (kind === SCOPE.unscoped && target === null) return { projectId: null };
  if (kind === SCOPE.project && target !== null) return { projectId: target };
  if (kind === SCOPE.domain && target !== null) return { projectId: null, domainId: target };
  if (kind === SCOPE.system && target === null) return { projectId: null, system: true };
  return undefined;
}

export function sealToken(keys: KeySet, data: Omit<TokenData, 'issuedAt'>, nowMs: number): string {
  const [kind, target] = packScope(data);
  const payload = [PAYLOAD_V3, data.userId, methodMask(data.methods), kind, target, data.expiresAt.getTime(), data.auditIds, data.appCredId ?? null, Math.floor(nowMs) % 1000];
  return fernetEncrypt(keys.primary, Buffer.from(JSON.stringify(payload), 'utf8'), nowMs / 1000);
}

const isIdOrNull = (v: unknown): v is string | null => v === null || typeof v === 'string';
const validMsPart = (v: unknown): boolean => v === null || (Number.isInteger(v) && (v as number) >= 0 && (v as number) < 1000);

function validAuditIds(audit: unknown): audit is string[] {
  return Array.isArray(audit) && audit.length >= 1 && audit.every((a) => typeof a === 'string' && AUDIT_ID.test(a));
}

type Fields = [userId: string, mask: number, kind: number, target: string | null, expires: number, auditIds: string[], appCredId: string | null, issuedMsPart: number | null];

/** The fields of any payload version, in version 3's order (a version 1 token is unscoped or project-scoped; before 3, whole seconds only). */
function versionedFields(p: unknown): unknown[] | undefined {
  if (!Array.isArray(p)) return undefined;
  if (p[0] === PAYLOAD_V3 && p.length === 9) return (p as unknown[]).slice(1);
  if (p[0] === PAYLOAD_V2 && p.length === 8) return [...(p as unknown[]).slice(1), null];
  if (p[0] !== PAYLOAD_V1 || p.length !== 6) return undefined;
  const [, userId, mask, projectId, expires, audit] = p as unknown[];
  return [userId, mask, projectId === null ? SCOPE.unscoped : SCOPE.project, projectId, expires, audit, null, null];
}

function fieldsOf(p: unknown): Fields | undefined {
  const fields = versionedFields(p);
  if (!fields) return undefined;
  const [userId, mask, kind, target, expires, audit, appCred, msPart] = fields;
  const ok = typeof userId === 'string' && Number.isInteger(mask) && Number.isInteger(kind) && isIdOrNull(target) && Number.isFinite(expires) && validAuditIds(audit) && isIdOrNull(appCred) && validMsPart(msPart);
  return ok ? (fields as Fields) : undefined;
}

/** The token's content when it was made with one of our keys; says nothing about expiry. */
export function openToken(keys: KeySet, token: string): TokenData | undefined {
  const opened = openJsonToken(keys.all, token);
  const fields = opened && fieldsOf(opened.payload);
  if (!opened || !fields) return undefined;
  const [userId, mask, kind, target, expires, auditIds, appCredId, msPart] = fields;
  const scope = unpackScope(kind, target);
  if (!scope) return undefined;
  return {
    userId,
    methods: methodNames(mask),
    ...scope,
    ...(appCredId !== null ? { appCredId } : {}),
    expiresAt: new Date(expires),
    issuedAt: new Date(opened.timestamp * 1000 + (msPart ?? 0)),
    auditIds,
  };
}
