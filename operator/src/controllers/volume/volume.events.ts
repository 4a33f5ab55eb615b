// The events a Volume's status transitions deserve (pure): a warning when its claim fails, and a
// normal event when it becomes in-use or available again. A steady state emits nothing.
import type { VolumeStatus } from '../../../../crds/types.generated.js';
import { findCondition as find } from '../../runtime/conditions.js';
import type { EventSpec } from '../../runtime/events.js';

function failed(next: VolumeStatus): EventSpec {
  const ready = find(next.conditions, 'Ready');
  return { type: 'Warning', reason: ready?.reason ?? 'VolumeError', note: ready?.message ?? 'The volume failed' };
}

export function volumeEvents(prev: VolumeStatus | undefined, next: VolumeStatus): EventSpec[] {
  const was = prev?.status;
  if (was === next.status) return [];
  if (next.status === 'error') return [failed(next)];
  if (next.status === 'in-use') return [{ type: 'Normal', reason: 'Attached', note: find(next.conditions, 'Attached')?.message ?? 'Attached' }];
  const again = next.status === 'available' && was !== undefined && was !== 'creating';
  return again ? [{ type: 'Normal', reason: 'Available', note: `The volume is available again (was ${was})` }] : [];
}
