// Which of our kinds each component may touch, and how. The chart's rules for them are generated
// from this table (`npm run gen` writes charts/openstack-sim/templates/_rbac-rules.generated.tpl,
// `npm test` fails when it is stale), so a new kind is a line here, never an edit of RBAC YAML.
// Rules on built-in kinds (Pods, Secrets, Leases…) stay in the chart's templates.
import type { ResourceType } from './resource-type.js';
import { Resources } from './resources.js';

/** A kind, or a kind's subresource ([kind, 'status']). */
export type RbacTarget = ResourceType | readonly [ResourceType, string];

export interface RbacRule {
  resources: readonly RbacTarget[];
  verbs: readonly string[];
}

const READ = ['get', 'list', 'watch'] as const;
const { Server, Project, Flavor, Image, User, Role, RoleAssignment, Domain, Group, GroupMembership, ApplicationCredential, NameClaim, Quota, QuotaClass, TokenRevocation, Network, NetworkSegment, Subnet, Port, AddressAllocation, SecurityGroup, Router, FloatingIP, SubnetPool, Volume, VolumeType, Snapshot, VolumeTransfer, Keypair, InstanceAction, ServerGroup } = Resources;

export const CustomResourceRules: Record<'operator' | 'apiServer' | 'seed', readonly RbacRule[]> = {
  // Reads every kind it reconciles or consults; writes their status and finalizers.
  operator: [
    { resources: [Server], verbs: [...READ, 'patch'] },
    // Finishes the instance actions of a server once it has settled.
    { resources: [InstanceAction], verbs: READ },
    { resources: [Project, Flavor, Image, SecurityGroup, Port, Network, FloatingIP, Volume, Snapshot, VolumeType], verbs: READ },
    // Mirrors each project's quotas into its namespace's ResourceQuota; sweeps claims and names whose holder is gone.
    { resources: [Quota, QuotaClass, NameClaim, Server, Port, User, Group, ApplicationCredential, Domain, Role], verbs: READ },
    { resources: [Quota], verbs: ['update'] },
    // The quota claims sweep looks up the holder of an old claim, of whichever kind holds one.
    { resources: [ServerGroup, Subnet, Router, SubnetPool, Keypair], verbs: ['get'] },
    { resources: [NameClaim], verbs: ['delete'] },
    // Sweeps allocations whose port is gone (left by a crash between two API steps).
    { resources: [AddressAllocation], verbs: [...READ, 'delete'] },
    // Deletes the volume (and snapshot records) a project gave away, once its PersistentVolume is the taker's.
    { resources: [Volume, Snapshot], verbs: ['delete'] },
    { resources: [[Server, 'status'], [Project, 'status'], [SecurityGroup, 'status'], [Port, 'status'], [FloatingIP, 'status'], [Volume, 'status'], [Snapshot, 'status'], [InstanceAction, 'status'], [Server, 'finalizers'], [Project, 'finalizers']], verbs: ['update'] },
  ],
  // Writes what the APIs create and delete; sweeps expired revocations; reads the rest.
  apiServer: [
    { resources: [TokenRevocation, NetworkSegment, AddressAllocation, Keypair, ServerGroup], verbs: [...READ, 'create', 'delete'] },
    // Server actions change the spec (power state, boot, lock, name); instance actions are records.
    { resources: [Server], verbs: [...READ, 'create', 'update', 'delete'] },
    { resources: [InstanceAction], verbs: [...READ, 'create'] },
    { resources: [Network, Subnet, SubnetPool, Port, SecurityGroup, Router, FloatingIP, Image, Volume, Snapshot, VolumeTransfer], verbs: [...READ, 'create', 'update', 'delete'] },
    // Glance's data state (queued, saving, active and the hashes) is written as bytes arrive.
    { resources: [[Image, 'status']], verbs: ['update'] },
    // Flavors are created, changed (description, extra specs, access) and deleted by admins through Nova.
    { resources: [Flavor], verbs: [...READ, 'create', 'update', 'delete'] },
    { resources: [VolumeType], verbs: READ },
    // Keystone's identity API writes the identity kinds; names unique in a scope are NameClaims.
    { resources: [Project, User, Role, RoleAssignment, Domain, Group, GroupMembership, ApplicationCredential, NameClaim], verbs: [...READ, 'create', 'update', 'delete'] },
    // Quota sets and their ledgers of claims (written under the resourceVersion precondition).
    { resources: [Quota, QuotaClass], verbs: [...READ, 'create', 'update', 'delete'] },
  ],
  // Creates the DevStack-like defaults once, and marks the seeded image active.
  seed: [
    { resources: [Domain, Project, User, Role, RoleAssignment, NameClaim, QuotaClass, Flavor, Image, VolumeType], verbs: ['get', 'list', 'create'] },
    { resources: [[Image, 'status']], verbs: ['update'] },
  ],
};
