// CR -> Nova flavor bodies: 2.1's, with the description from 2.55 (every view, the list's too),
// the extra specs from 2.61 (detail views, for callers who may read them: Nova's extra specs
// index policy, a project reader) and swap 0 rather than "" from 2.75.
import type { Static } from '@sinclair/typebox';
import type { Flavor } from '../../../../../crds/types.generated.js';
import { allows } from '../../../common/policy.js';
import type { AuthContext } from '../../../common/route.js';
import { novaLinks } from '../links.js';
import { at } from '../microversion.js';
import type { flavorDetail, flavorSummary } from './flavors.schema.js';

/** Who reads the flavor, at which version. */
export interface FlavorScope {
  microversion?: string;
  auth?: AuthContext;
}

export function flavorLinks(base: string, id: string): { rel: string; href: string }[] {
  return novaLinks(base, 'flavors', id);
}

const described = (f: Flavor, mv: string | undefined): { description?: string | null } => (at(mv, 'FLAVOR_DESCRIPTION') ? { description: f.spec.description ?? null } : {});

export function flavorSummaryView(base: string, f: Flavor, scope: FlavorScope = {}): Static<typeof flavorSummary> {
  return { id: f.metadata.name, name: f.spec.name, links: flavorLinks(base, f.metadata.name), ...described(f, scope.microversion) };
}

export function flavorView(base: string, f: Flavor, scope: FlavorScope = {}): Static<typeof flavorDetail> {
  const mv = scope.microversion;
  const swap = f.spec.swapMiB ?? 0;
  const specs = at(mv, 'FLAVOR_EXTRA_SPECS') && allows('reader', scope.auth) ? { extra_specs: f.spec.extraSpecs ?? {} } : {};
  return {
    id: f.metadata.name,
    name: f.spec.name,
    ram: f.spec.ramMiB,
    vcpus: f.spec.vcpus,
    disk: f.spec.diskGiB,
    // Below 2.75 Nova reports a flavor without swap as "".
    swap: swap === 0 && !at(mv, 'CONSISTENT_VIEWS') ? '' : swap,
    'OS-FLV-EXT-DATA:ephemeral': f.spec.ephemeralGiB ?? 0,
    'OS-FLV-DISABLED:disabled': f.spec.disabled ?? false,
    'os-flavor-access:is_public': f.spec.isPublic ?? true,
    rxtx_factor: f.spec.rxtxFactor ?? 1,
    links: flavorLinks(base, f.metadata.name),
    ...described(f, mv),
    ...specs,
  };
}
