// Watches for the address allocation sweeper: an AddressAllocation event enqueues it; a deleted
// Port enqueues the allocations it held, so a leftover is seen again.
import type { AddressAllocation, Port } from '../../../../crds/types.generated.js';
import { keyOf } from '../../runtime/objects.js';
import type { Caches } from '../caches.js';
import { defineController } from '../registry.js';
import { AddressAllocationReconciler } from './address-allocation.reconciler.js';

export const ADDRESS_ALLOCATION_CONTROLLER = 'address-allocation';

const ADDRESS_ALLOCATION_CACHES = ['addressAllocations', 'ports'] as const;
export type AddressAllocationWatchSources = Pick<Caches, (typeof ADDRESS_ALLOCATION_CACHES)[number]>;

export function watchAddressAllocations(src: AddressAllocationWatchSources, enqueue: (key: string) => void): void {
  const self = (a: AddressAllocation): void => enqueue(keyOf(a));
  src.addressAllocations.on({ onUpsert: self });
  const held = (p: Port): void => {
    for (const a of src.addressAllocations.list()) if (a.spec.portId === p.metadata.name && a.spec.portNamespace === p.metadata.namespace) enqueue(keyOf(a));
  };
  src.ports.on({ onDelete: held });
}

export const addressAllocationController = defineController({
  name: ADDRESS_ALLOCATION_CONTROLLER,
  primary: 'addressAllocations',
  informers: ADDRESS_ALLOCATION_CACHES,
  watch: watchAddressAllocations,
  newReconciler: ({ kube, events, caches }) => new AddressAllocationReconciler({ kube, events, ...caches }).reconcile,
});
