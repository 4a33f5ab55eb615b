// CR -> Nova extra-spec bodies.
import type { Flavor } from '../../../../../crds/types.generated.js';

export function extraSpecsView(f: Flavor): Record<string, string> {
  return { ...(f.spec.extraSpecs ?? {}) };
}

export function extraSpecView(key: string, value: string): Record<string, string> {
  return { [key]: value };
}
