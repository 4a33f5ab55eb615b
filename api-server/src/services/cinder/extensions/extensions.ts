// The Cinder API extensions this server implements, as GET /extensions lists them: only those
// whose calls are served (Tempest reads the list to decide what to test).
export const CINDER_EXTENSIONS: readonly { alias: string; name: string; description: string }[] = [
  { alias: 'os-admin-actions', name: 'AdminActions', description: 'Enable admin actions (os-reset_status, os-force_delete).' },
  { alias: 'os-availability-zone', name: 'AvailabilityZones', description: 'Describe Availability Zones.' },
  { alias: 'os-extended-snapshot-attributes', name: 'ExtendedSnapshotAttributes', description: 'Extended attributes for snapshots.' },
  { alias: 'os-vol-image-meta', name: 'VolumeImageMetadata', description: 'Show image metadata associated with the volume.' },
  { alias: 'os-vol-tenant-attr', name: 'VolumeTenantAttribute', description: 'Expose the internal project_id as an attribute of a volume.' },
  { alias: 'os-volume-actions', name: 'VolumeActions', description: 'Enable volume actions.' },
];
