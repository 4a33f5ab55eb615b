// Nova's console authorization tokens (console_token_ttl, 600 s by default): whoever holds the
// URL may watch that one server's console until the token expires, with no Keystone token, as
// with Nova's noVNC proxy. Here the token is sealed (Fernet, encrypted and signed) with the same
// key repository as Keystone's tokens, so every API server replica opens what another sealed,
// and a rotation retires old console URLs with old keys. Its payload starts with a tag no
// Keystone payload has, so neither kind of token passes for the other.
import { fernetEncrypt, openJsonToken } from './fernet.js';
import type { KeySet } from './token-keys.js';

const TAG = 'nova-console';

/** What a console token grants: one server's console, in its project's namespace. */
export interface ConsoleClaims {
  serverId: string;
  namespace: string;
  /** Nova's console type, as asked (novnc). */
  type: string;
}

export function sealConsoleToken(keys: KeySet, claims: ConsoleClaims, expiresAtMs: number, nowMs: number): string {
  const payload = [TAG, claims.serverId, claims.namespace, claims.type, expiresAtMs];
  return fernetEncrypt(keys.primary, Buffer.from(JSON.stringify(payload), 'utf8'), nowMs / 1000);
}

function isPayload(p: unknown): p is [string, string, string, string, number] {
  return Array.isArray(p) && p.length === 5 && p[0] === TAG && p.slice(1, 4).every((x) => typeof x === 'string') && Number.isFinite(p[4]);
}

/** The claims of a genuine, unexpired console token; undefined for anything else. */
export function openConsoleToken(keys: KeySet, token: string, nowMs: number): ConsoleClaims | undefined {
  const payload = openJsonToken(keys.all, token)?.payload;
  if (!isPayload(payload) || payload[4] <= nowMs) return undefined;
  return { serverId: payload[1], namespace: payload[2], type: payload[3] };
}
