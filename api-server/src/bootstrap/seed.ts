// Applies a SeedPlan idempotently: what exists (matched by name) is kept, what is missing is
// created, and seeded users' passwords are (re)set so the written clouds.yaml always works. The
// default Domain comes first; the seeded domain, projects and users hold their NameClaims like any
// created through the API, so the API refuses their names to others.
import { randomUUID } from 'node:crypto';
import type { Domain, Flavor, Image, NameClaim, Project, Role, RoleAssignment, User, VolumeType } from '../../../crds/types.generated.js';
import type { KubeObject } from '../../../crds/kube-object.js';
import { createIfAbsent, type KubeClient } from '../../../crds/client/client.js';
import { MANAGED_BY, MANAGED_BY_LABEL } from '../../../crds/naming.js';
import { Resources, typeMeta, type ResourceType } from '../../../crds/resources.js';
import { setUserPassword } from '../auth/password-store.js';
import { DEFAULT_DOMAIN_ID, DEFAULT_DOMAIN_NAME } from '../auth/default-domain.js';
import { nameClaimObject, type NameKey } from '../common/name-claims.js';
import type { SeedPlan } from './seed-plan.js';

export interface SeedResult {
  projectIds: Record<string, string>;
  userIds: Record<string, string>;
  roleIds: Record<string, string>;
  imageIds: Record<string, string>;
}

type Named = KubeObject & { spec: { name?: string } };

const keystoneId = (): string => randomUUID().replace(/-/g, '');

/** Returns the ID of the object of `res` named `name`, creating it from `spec` when missing. */
async function ensureNamed<T extends Named>(kube: KubeClient, res: ResourceType, spec: T['spec'], id = keystoneId()): Promise<string> {
  const existing = (await kube.list<T>(res)).items.find((o) => o.spec.name === spec.name);
  if (existing) return existing.metadata.name;
  const obj = { ...typeMeta(res), metadata: { name: id, labels: { [MANAGED_BY_LABEL]: MANAGED_BY } }, spec };
  await kube.create(res, obj as unknown as T);
  return id;
}

/** Claims the name for its holder unless already claimed (by it, or by an object made before claims existed). */
async function ensureClaim(kube: KubeClient, key: NameKey, holderId: string): Promise<void> {
  await createIfAbsent<NameClaim>(kube, Resources.NameClaim, nameClaimObject(key, holderId));
}

async function seedDefaultDomain(kube: KubeClient): Promise<void> {
  const domain: Domain = {
    ...typeMeta(Resources.Domain),
    metadata: { name: DEFAULT_DOMAIN_ID, labels: { [MANAGED_BY_LABEL]: MANAGED_BY } },
    spec: { name: DEFAULT_DOMAIN_NAME, description: 'The default domain', enabled: true, tags: [], options: {}, extra: {} },
  };
  await createIfAbsent(kube, Resources.Domain, domain);
  await ensureClaim(kube, { kind: Resources.Domain.kind, scope: '', name: DEFAULT_DOMAIN_NAME }, DEFAULT_DOMAIN_ID);
}

/** The roles in plan order, each created with the ids of the roles it implies (seeded before it). */
async function seedRoles(kube: KubeClient, plan: SeedPlan, ids: SeedResult): Promise<void> {
  for (const name of plan.roles) {
    const implies = (plan.roleImplies?.[name] ?? []).map((r) => ids.roleIds[r]).filter((id) => id !== undefined);
    ids.roleIds[name] = await ensureNamed<Role>(kube, Resources.Role, { name, ...(implies.length ? { implies } : {}) });
  }
}

export function roleAssignmentName(projectId: string, userId: string, roleId: string): string {
  return `${projectId}.${userId}.${roleId}`;
}

async function ensureAssignment(kube: KubeClient, spec: RoleAssignment['spec'] & { userId: string; projectId: string }): Promise<void> {
  const obj: RoleAssignment = {
    ...typeMeta(Resources.RoleAssignment),
    metadata: { name: roleAssignmentName(spec.projectId, spec.userId, spec.roleId), labels: { [MANAGED_BY_LABEL]: MANAGED_BY } },
    spec,
  };
  await createIfAbsent(kube, Resources.RoleAssignment, obj);
}

async function seedFlavors(kube: KubeClient, flavors: SeedPlan['flavors']): Promise<void> {
  for (const [id, spec] of Object.entries(flavors)) {
    const obj: Flavor = { ...typeMeta(Resources.Flavor), metadata: { name: id, labels: { [MANAGED_BY_LABEL]: MANAGED_BY } }, spec };
    await createIfAbsent(kube, Resources.Flavor, obj);
  }
}

async function seedImage(kube: KubeClient, img: SeedPlan['images'][number], owner: string): Promise<string> {
  const spec: Image['spec'] = { name: img.name, containerImage: img.containerImage, visibility: 'public', owner, diskFormat: 'qcow2', containerFormat: 'bare', minDiskGiB: 0, minRamMiB: 0 };
  const id = await ensureNamed<Image>(kube, Resources.Image, spec, randomUUID());
  const current = await kube.get<Image>(Resources.Image, id);
  if (current && current.status?.status !== 'active') {
    // A seeded image has no bytes to upload: it is active from the start, with Glance's 0-size defaults.
    current.status = { status: 'active', size: 0, virtualSize: null, checksum: null, osHashAlgo: null, osHashValue: null };
    await kube.replaceStatus(Resources.Image, current);
  }
  return id;
}

async function seedUsers(kube: KubeClient, systemNamespace: string, plan: SeedPlan, ids: SeedResult): Promise<void> {
  for (const u of plan.users) {
    const projectId = ids.projectIds[u.project];
    const userId = await ensureNamed<User>(kube, Resources.User, { name: u.name, domainId: DEFAULT_DOMAIN_ID, enabled: true, defaultProjectId: projectId });
    ids.userIds[u.name] = userId;
    await ensureClaim(kube, { kind: Resources.User.kind, scope: DEFAULT_DOMAIN_ID, name: u.name }, userId);
    await setUserPassword(kube, systemNamespace, userId, u.password);
    for (const role of u.roles) await ensureAssignment(kube, { userId, projectId, roleId: ids.roleIds[role] });
  }
}

export async function seed(kube: KubeClient, systemNamespace: string, plan: SeedPlan): Promise<SeedResult> {
  const ids: SeedResult = { projectIds: {}, userIds: {}, roleIds: {}, imageIds: {} };
  await seedDefaultDomain(kube);
  await seedRoles(kube, plan, ids);
  for (const name of plan.projects) {
    ids.projectIds[name] = await ensureNamed<Project>(kube, Resources.Project, { name, domainId: DEFAULT_DOMAIN_ID, enabled: true, description: `${name} project` });
    await ensureClaim(kube, { kind: Resources.Project.kind, scope: DEFAULT_DOMAIN_ID, name }, ids.projectIds[name]);
  }
  await seedUsers(kube, systemNamespace, plan, ids);
  await seedFlavors(kube, plan.flavors);
  for (const img of plan.images) ids.imageIds[img.name] = await seedImage(kube, img, ids.projectIds[img.ownerProject]);
  for (const type of plan.volumeTypes ?? []) await ensureNamed<VolumeType>(kube, Resources.VolumeType, type, randomUUID());
  return ids;
}
