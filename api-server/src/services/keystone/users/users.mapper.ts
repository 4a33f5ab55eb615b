// Keystone's user request <-> User CR. The password is not here: it goes to the user's Secret.
import { Resources, typeMeta } from '../../../../../crds/resources.js';
import { MANAGED_BY, MANAGED_BY_LABEL } from '../../../../../crds/naming.js';
import type { User } from '../../../../../crds/types.generated.js';
import { extraOf } from '../domains/domains.mapper.js';
import type { CreateUserRequest, UpdateUserRequest } from './users.schema.js';

const USER_KEYS = ['name', 'domain_id', 'password', 'default_project_id', 'enabled', 'description', 'email', 'options'] as const;
type Options = NonNullable<User['spec']['options']>;

/** Options as stored: a null value removes the option, as in Keystone. */
function mergeOptions(current: Options | undefined, req: CreateUserRequest['options']): Options {
  const out: Record<string, unknown> = { ...current };
  for (const [k, v] of Object.entries(req ?? {})) {
    if (v === null) delete out[k];
    else out[k] = v;
  }
  return out;
}

export function toUserResource(id: string, req: CreateUserRequest, domainId: string, passwordExpiresAt: string | undefined): User {
  return {
    ...typeMeta(Resources.User),
    metadata: { name: id, labels: { [MANAGED_BY_LABEL]: MANAGED_BY } },
    spec: {
      name: req.name,
      domainId,
      enabled: req.enabled ?? true,
      ...(req.default_project_id ? { defaultProjectId: req.default_project_id } : {}),
      ...(req.description != null ? { description: req.description } : {}),
      ...(req.email != null ? { email: req.email } : {}),
      ...(passwordExpiresAt ? { passwordExpiresAt } : {}),
      options: mergeOptions(undefined, req.options),
      extra: extraOf(req, USER_KEYS),
    },
  };
}

export function applyUserUpdate(spec: User['spec'], req: UpdateUserRequest): User['spec'] {
  const next: User['spec'] = { ...spec, options: mergeOptions(spec.options, req.options), extra: { ...spec.extra, ...extraOf(req, USER_KEYS) } };
  if (req.name !== undefined) next.name = req.name;
  if (req.enabled !== undefined) next.enabled = req.enabled;
  if (req.default_project_id !== undefined) next.defaultProjectId = req.default_project_id ?? undefined;
  if (req.description !== undefined) next.description = req.description ?? undefined;
  if (req.email !== undefined) next.email = req.email ?? undefined;
  return next;
}
