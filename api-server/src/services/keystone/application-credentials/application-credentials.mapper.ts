// The create request (wire) -> an ApplicationCredential CR. The only place the wire's snake_case
// meets the CR's camelCase; the secret never reaches the CR (only the name of its hash's Secret).
import { Resources, typeMeta } from '../../../../../crds/resources.js';
import type { ApplicationCredential } from '../../../../../crds/types.generated.js';
import { badRequest } from '../../../common/errors.js';
import { appCredSecretName } from '../../../auth/app-cred-secrets.js';
import type { ApplicationCredentialFields } from './application-credentials.schema.js';

// Keystone's parse_expiration_date: an ISO 8601 time, UTC unless it says otherwise.
const EXPIRES_AT = /^(\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2})(?:\.(\d{1,6})\d*)?(Z|[+-]\d{2}:?\d{2})?$/i;

const timestampFormat = (): Error => badRequest('Timestamp not in expected format. The server could not comply with the request since it is either malformed or otherwise incorrect. The client is assumed to be in error.');

/**
 * expires_at as the CR keeps it: RFC 3339 with six fraction digits and a Z, so the microseconds
 * a client sent come back unchanged (Tempest compares them). A time in the past is Keystone's 400.
 */
export function toExpiresAt(raw: string | null | undefined, nowMs: number): string | undefined {
  if (raw === null || raw === undefined) return undefined;
  const m = EXPIRES_AT.exec(raw.trim());
  if (!m) throw timestampFormat();
  const [, seconds, fraction = '', zone = 'Z'] = m;
  const micros = fraction.padEnd(6, '0');
  const whole = Date.parse(`${seconds}${zone.toUpperCase() === 'Z' ? 'Z' : zone}`);
  if (Number.isNaN(whole)) throw timestampFormat();
  const utc = new Date(whole).toISOString().slice(0, 19);
  if (whole + Number(micros) / 1000 <= nowMs) {
    throw badRequest("The 'expires_at' must not be before now. The server could not comply with the request since it is either malformed or otherwise incorrect. The client is assumed to be in error.");
  }
  return `${utc}.${micros}Z`;
}

/** access_rules are not kept here (the API server enforces none): an empty list is all that is accepted. */
export function refuseAccessRules(fields: ApplicationCredentialFields): void {
  if (fields.access_rules?.length) {
    throw badRequest('Application credential access rules are not supported by this deployment: create the credential without access_rules.');
  }
}

export interface CredentialFacts {
  id: string;
  userId: string;
  projectId: string;
  roleIds: string[];
  expiresAt: string | undefined;
}

export function toApplicationCredentialResource(fields: ApplicationCredentialFields, facts: CredentialFacts): ApplicationCredential {
  return {
    ...typeMeta(Resources.ApplicationCredential),
    metadata: { name: facts.id },
    spec: {
      name: fields.name,
      userId: facts.userId,
      projectId: facts.projectId,
      ...(typeof fields.description === 'string' ? { description: fields.description } : {}),
      ...(facts.expiresAt ? { expiresAt: facts.expiresAt } : {}),
      unrestricted: fields.unrestricted === true,
      roles: facts.roleIds,
      secretRef: appCredSecretName(facts.id),
    },
  };
}
