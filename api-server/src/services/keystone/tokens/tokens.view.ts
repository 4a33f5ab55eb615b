// The {"token": {...}} document returned by POST and GET /v3/auth/tokens (wire contract §1.2).
// Unscoped tokens carry neither roles nor a catalog, as in Keystone; a project-scoped token names
// its project, a domain-scoped one its domain, a system-scoped one {"system": {"all": true}}.
import type { AuthContext } from '../../../common/route.js';
import type { Stores } from '../../../deps.js';
import { isoMicrosZ } from '../../../common/time.js';
import { domainRef } from '../../../auth/default-domain.js';
import type { CatalogService } from '../catalog.js';
import type { TokenDocument } from './tokens.schema.js';

type TokenBody = TokenDocument['token'];

function scopePart(stores: Stores, auth: AuthContext): Pick<TokenBody, 'project' | 'domain' | 'system' | 'roles'> {
  const roles = auth.roles.map((r) => ({ id: r.id, name: r.name }));
  if (auth.projectId) {
    return { project: { id: auth.projectId, name: auth.projectName ?? '', domain: domainRef(stores, auth.projectDomainId ?? '') }, roles };
  }
  if (auth.domainId) return { domain: { id: auth.domainId, name: auth.domainName ?? auth.domainId }, roles };
  if (auth.system) return { system: { all: true }, roles };
  return {};
}

/** Keystone's token.application_credential: restricted unless the credential is unrestricted. */
function appCredPart(auth: AuthContext): Pick<TokenBody, 'application_credential'> {
  const cred = auth.applicationCredential;
  return cred ? { application_credential: { id: cred.id, name: cred.name, restricted: !cred.unrestricted } } : {};
}

/** catalog undefined: the caller asked for ?nocatalog, or the token is unscoped. */
export function tokenView(stores: Stores, auth: AuthContext, catalog: CatalogService[] | undefined): TokenDocument {
  return {
    token: {
      methods: auth.methods,
      user: {
        id: auth.userId,
        name: auth.userName,
        domain: domainRef(stores, auth.userDomainId),
        password_expires_at: null,
      },
      audit_ids: auth.auditIds,
      expires_at: isoMicrosZ(auth.expiresAt),
      issued_at: isoMicrosZ(auth.issuedAt),
      ...scopePart(stores, auth),
      ...appCredPart(auth),
      is_domain: false,
      ...(catalog ? { catalog } : {}),
    },
  };
}
