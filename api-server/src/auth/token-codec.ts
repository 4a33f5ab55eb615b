// What a token carries and how it is packed. Tokens are stateless: everything needed to rebuild
// the caller's identity is inside, encrypted and authenticated with the Fernet keys. The payload
// is a short JSON array (methods as a bit mask, times as epoch numbers) so that a token scoped
// with UUID ids and two audit ids stays under 300 characters.
import { randomBytes } from 'node:crypto';
import { fernetEncrypt, openJsonToken } from './fernet.js';
import type { KeySet } from './token-keys.js';

export interface TokenData {
  userId: string;
  methods: string[];
  /** null for an unscoped token. */
  projectId: string | null;
  expiresAt: Date;
  issuedAt: Date;
  /** [this token's id, the original token's id when re-scoped]; used for revocation. */
  auditIds: string[];
}

const PAYLOAD_VERSION = 1;
const METHOD_BITS: Record<string, number> = { password: 1, token: 2, application_credential: 4 };
const AUDIT_ID = /^[A-Za-z0-9_-]{22}$/;

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

export function sealToken(keys: KeySet, data: Omit<TokenData, 'issuedAt'>, nowMs: number): string {
  const payload = [PAYLOAD_VERSION, data.userId, methodMask(data.methods), data.projectId, data.expiresAt.getTime(), data.auditIds];
  return fernetEncrypt(keys.primary, Buffer.from(JSON.stringify(payload), 'utf8'), nowMs / 1000);
}

function isPayload(p: unknown): p is [number, string, number, string | null, number, string[]] {
  if (!Array.isArray(p) || p.length !== 6 || p[0] !== PAYLOAD_VERSION) return false;
  const [, userId, mask, projectId, expires, audit] = p as unknown[];
  return (
    typeof userId === 'string' &&
    Number.isInteger(mask) &&
    (projectId === null || typeof projectId === 'string') &&
    Number.isFinite(expires) &&
    Array.isArray(audit) &&
    audit.length >= 1 &&
    audit.every((a) => typeof a === 'string' && AUDIT_ID.test(a))
  );
}

/** The token's content when it was made with one of our keys; says nothing about expiry. */
export function openToken(keys: KeySet, token: string): TokenData | undefined {
  const opened = openJsonToken(keys.all, token);
  const payload = opened?.payload;
  if (!opened || !isPayload(payload)) return undefined;
  const [, userId, mask, projectId, expires, auditIds] = payload;
  return {
    userId,
    methods: methodNames(mask),
    projectId,
    expiresAt: new Date(expires),
    issuedAt: new Date(opened.timestamp * 1000),
    auditIds,
  };
}
