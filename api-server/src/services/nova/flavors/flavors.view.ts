// CR -> Nova flavor bodies at microversion 2.1.
import type { Static } from '@sinclair/typebox';
import type { Flavor } from '../../../../../crds/types.generated.js';
import { novaLinks } from '../links.js';
import type { summaryEntry } from '../nova.schema.js';
import type { flavorDetail } from './flavors.schema.js';

export function flavorLinks(base: string, id: string): { rel: string; href: string }[] {
  return novaLinks(base, 'flavors', id);
}

export function flavorSummaryView(base: string, f: Flavor): Static<typeof summaryEntry> {
  return { id: f.metadata.name, name: f.spec.name, links: flavorLinks(base, f.metadata.name) };
}

export function flavorView(base: string, f: Flavor): Static<typeof flavorDetail> {
  const swap = f.spec.swapMiB ?? 0;
  return {
    id: f.metadata.name,
    name: f.spec.name,
    ram: f.spec.ramMiB,
    vcpus: f.spec.vcpus,
    disk: f.spec.diskGiB,
    // Below 2.75 Nova reports a flavor without swap as "".
    swap: swap === 0 ? '' : swap,
    'OS-FLV-EXT-DATA:ephemeral': f.spec.ephemeralGiB ?? 0,
    'OS-FLV-DISABLED:disabled': f.spec.disabled ?? false,
    'os-flavor-access:is_public': f.spec.isPublic ?? true,
    rxtx_factor: f.spec.rxtxFactor ?? 1,
    links: flavorLinks(base, f.metadata.name),
  };
}
