// Nova's service updates → merge patches of the Node: disabling nova-compute cordons the Node
// (spec.unschedulable, as `kubectl cordon`), so the scheduler places no new server there, and keeps
// the reason in an annotation; enabling uncordons and drops it. Each patch names only these
// fields, so it cannot undo anyone else's change to the Node.
import { DISABLED_REASON_ANNOTATION, FORCED_DOWN_ANNOTATION } from '../../../../../crds/naming.js';

export interface NodePatch {
  spec?: { unschedulable: true | null };
  metadata: { annotations: Record<string, string | null> };
}

export function disablePatch(reason: string | undefined): NodePatch {
  return { spec: { unschedulable: true }, metadata: { annotations: { [DISABLED_REASON_ANNOTATION]: reason ?? null } } };
}

/** Uncordoned: null removes the field, as `kubectl uncordon` leaves it. */
export function enablePatch(): NodePatch {
  return { spec: { unschedulable: null }, metadata: { annotations: { [DISABLED_REASON_ANNOTATION]: null } } };
}

/** Nova's forced_down flag only changes what the service reports (state down); the Node is untouched otherwise. */
export function forcedDownPatch(forcedDown: boolean): NodePatch {
  return { metadata: { annotations: { [FORCED_DOWN_ANNOTATION]: forcedDown ? 'true' : null } } };
}

const TRUE_WORDS = ['true', '1', 'on', 'yes'];

/** oslo's bool_from_string over parameter_types.boolean's spellings. */
export function novaBool(v: boolean | string): boolean {
  return typeof v === 'boolean' ? v : TRUE_WORDS.includes(v.toLowerCase());
}
