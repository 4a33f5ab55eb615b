// metav1.Condition lists keyed by type, as meta.SetStatusCondition keeps them: the
// lastTransitionTime changes only when the status does.
import { kubeTime } from './clock.js';

export type ConditionStatus = 'True' | 'False' | 'Unknown';

export interface Condition {
  type: string;
  status: ConditionStatus;
  reason: string;
  message: string;
  lastTransitionTime: string;
  observedGeneration?: number;
}

export type ConditionInput = Omit<Condition, 'lastTransitionTime'>;

export function findCondition(list: readonly Condition[] | undefined, type: string): Condition | undefined {
  return list?.find((c) => c.type === type);
}

export function isConditionTrue(list: readonly Condition[] | undefined, type: string): boolean {
  return findCondition(list, type)?.status === 'True';
}

/**
 * Returns a new list with the condition of next.type set to next. The previous transition time is
 * kept when the status is unchanged, even if the reason or message changed. Other entries keep
 * their order; a new type is appended.
 */
export function setCondition(list: readonly Condition[] | undefined, next: ConditionInput, now: Date): Condition[] {
  const out = [...(list ?? [])];
  const i = out.findIndex((c) => c.type === next.type);
  const old = i >= 0 ? out[i] : undefined;
  const lastTransitionTime = old && old.status === next.status ? old.lastTransitionTime : kubeTime(now);
  const cond: Condition = { ...next, lastTransitionTime };
  if (cond.observedGeneration === undefined) delete cond.observedGeneration;
  if (i >= 0) out[i] = cond;
  else out.push(cond);
  return out;
}

/** Sets several conditions in order. */
export function setConditions(list: readonly Condition[] | undefined, next: ConditionInput[], now: Date): Condition[] {
  return next.reduce<Condition[]>((acc, c) => setCondition(acc, c, now), [...(list ?? [])]);
}
