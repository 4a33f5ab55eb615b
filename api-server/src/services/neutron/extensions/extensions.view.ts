// The extensions this API really implements, and nothing more: clients and Tempest decide what to
// call from this list, so an alias here is a promise. Each line says what it covers.
import type { Static } from '@sinclair/typebox';
import type { extension } from './extensions.schema.js';

type Extension = Static<typeof extension>;

const UPDATED = '2026-12-01T00:00:00-00:00';

const IMPLEMENTED: readonly [alias: string, name: string, description: string][] = [
  ['external-net', 'Neutron external network', 'router:external on networks, and external networks visible to every project'],
  ['net-mtu', 'Network MTU', 'The mtu attribute of networks'],
  ['net-mtu-writable', 'Network MTU (writable)', 'mtu can be set when a network is created or updated'],
  ['provider', 'Provider Network', 'provider:network_type, provider:physical_network and provider:segmentation_id (admin only)'],
  ['network_availability_zone', 'Network Availability Zone', 'availability_zone_hints and availability_zones on networks'],
  ['binding', 'Port Binding', 'binding:host_id (admin), binding:vnic_type normal, and the vif type and details an admin reads'],
  ['subnet_allocation', 'Subnet Allocation', 'Subnet pools, and subnets allocated from them by prefix length or with a CIDR inside their prefixes (atomically, across API replicas)'],
  ['default-subnetpools', 'Default Subnetpools', 'is_default on subnet pools (admin) and use_default_subnetpool on subnets'],
  ['port-security', 'Port Security', 'port_security_enabled on networks and ports'],
  ['allowed-address-pairs', 'Allowed Address Pairs', 'allowed_address_pairs on ports (port security required)'],
  ['security-group', 'security-group', 'Security groups and rules, and each project\'s default group (each realized as a NetworkPolicy)'],
  ['router', 'Neutron L3 Router', 'Routers with interfaces by subnet or port and an external gateway (records only: nothing routes packets on the local cluster), and floating IPs (an associated one realized as a Service)'],
  ['fip-port-details', 'Floating IP Port Details Extension', 'port_details (the associated port\'s name, network, MAC, state and device) on floating IPs'],
  ['ext-gw-mode', 'Neutron L3 Configurable external gateway mode', 'enable_snat in external_gateway_info'],
  ['extraroute', 'Neutron Extra Route', 'Static routes on routers, whose next hop is on a connected subnet'],
  ['project-id', 'project_id field enabled', 'project_id beside tenant_id in every resource'],
  ['standard-attr-description', 'standard-attr-description', 'A description on every resource'],
  ['standard-attr-revisions', 'Resource revision numbers', 'revision_number on every resource, bumped by each change'],
  ['revision-if-match', 'If-Match constraints based on revision_number', 'Updates and deletes honour If-Match: revision_number=N (412 on mismatch)'],
  ['standard-attr-tag', 'Tag support for resources with standard attribute', 'PUT/GET/DELETE /{resource}/{id}/tags and the tags, tags-any, not-tags and not-tags-any filters'],
  ['standard-attr-timestamp', 'Resource timestamps', 'created_at and updated_at on every resource, and the changed_since filter'],
  ['pagination', 'Pagination support', 'limit and marker, with next links'],
  ['quotas', 'Quota management support', 'GET/PUT/DELETE /v2.0/quotas/{project_id}, the defaults and the admin\'s list: network, subnet, subnetpool, port, router, floatingip, security_group, security_group_rule and rbac_policy, each create admitted atomically against them (409 OverQuota)'],
  ['quota_details', 'Quota details management support', 'GET /v2.0/quotas/{project_id}/details(.json): used, limit and reserved (always 0) per resource'],
  ['quota-check-limit', 'Quota engine limit check', 'check_limit on a quota update refuses a limit below the current usage'],
  ['sorting', 'Sorting support', 'sort_key and sort_dir'],
];

export const EXTENSIONS: readonly Extension[] = IMPLEMENTED.map(([alias, name, description]) => ({ alias, name, description, updated: UPDATED, links: [] }));
