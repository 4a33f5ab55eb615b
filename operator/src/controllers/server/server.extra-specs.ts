// The flavor extra specs that mean something to a Pod, and what they become (the rest are kept and
// shown, and change nothing here):
// - hw:mem_page_size large/2MB/2048 (1GB/1048576): the guest's RAM as hugepages-2Mi (hugepages-1Gi),
//   so only nodes with that many huge pages take it, as Nova's NUMA topology filter places it;
// - quota:cpu_quota with quota:cpu_period (libvirt's CFS quota, microseconds; period 100000 by
//   default): the container's CPU, requests and limits, is quota/period cores;
// - trait:<NAME>=required (forbidden): the node must (must not) carry the label
//   trait.openstack.sim/<NAME>, as placement's required and forbidden traits.
// hw:cpu_policy=dedicated needs nothing more: every server Pod is already Guaranteed (requests equal
// limits, whole CPUs). Pure functions of the flavor.
import type { Flavor } from '../../../../crds/types.generated.js';
import type { NodeSelectorRequirement } from '../../../../crds/kube-types.js';

export const TRAIT_LABEL_PREFIX = 'trait.openstack.sim/';

const HUGEPAGES: Record<string, string> = { large: 'hugepages-2Mi', '2MB': 'hugepages-2Mi', '2048': 'hugepages-2Mi', '2048KB': 'hugepages-2Mi', '1GB': 'hugepages-1Gi', '1048576': 'hugepages-1Gi' };

/** The CPU the flavor's CFS quota allows, in millicores, if it sets one below its vCPUs. */
function quotaMillicores(flavor: Flavor): number | undefined {
  const specs = flavor.spec.extraSpecs ?? {};
  const quota = Number(specs['quota:cpu_quota']);
  const period = Number(specs['quota:cpu_period'] ?? 100000);
  if (!(quota > 0) || !(period > 0)) return undefined;
  const milli = Math.max(1, Math.floor((quota / period) * 1000));
  return milli < flavor.spec.vcpus * 1000 ? milli : undefined;
}

/** The container's requests (equal to its limits): CPU, memory and, with huge pages, the pages. */
export function flavorResources(flavor: Flavor): Record<string, string> {
  const milli = quotaMillicores(flavor);
  const size: Record<string, string> = { cpu: milli === undefined ? String(flavor.spec.vcpus) : `${milli}m`, memory: `${flavor.spec.ramMiB}Mi` };
  const pages = HUGEPAGES[flavor.spec.extraSpecs?.['hw:mem_page_size'] ?? ''];
  if (pages) size[pages] = `${flavor.spec.ramMiB}Mi`;
  return size;
}

/** Required node terms from the flavor's trait:<NAME> specs. */
export function traitTerms(flavor: Flavor): NodeSelectorRequirement[] {
  const terms: NodeSelectorRequirement[] = [];
  for (const [key, value] of Object.entries(flavor.spec.extraSpecs ?? {})) {
    if (!key.startsWith('trait:')) continue;
    const label = `${TRAIT_LABEL_PREFIX}${key.slice('trait:'.length)}`;
    if (value === 'required') terms.push({ key: label, operator: 'Exists' });
    if (value === 'forbidden') terms.push({ key: label, operator: 'DoesNotExist' });
  }
  return terms;
}
