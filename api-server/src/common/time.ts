// OpenStack clients parse timestamps strictly and each service has its own shape (see the wire
// contract, §0.8), so every format lives here, named for where it is used.

/** RFC 3339 in UTC without fractions: Nova created/updated, Glance, Neutron. */
export function isoSeconds(d: Date | string): string {
  return new Date(d).toISOString().replace(/\.\d{3}Z$/, 'Z');
}

/** Microseconds with a Z: Keystone's expires_at/issued_at (Tempest accepts only this or seconds). */
export function isoMicrosZ(d: Date | string): string {
  return new Date(d).toISOString().replace(/\.(\d{3})Z$/, '.$1000Z');
}

/** Microseconds without a zone: Nova launched_at/terminated_at and Cinder timestamps. */
export function isoMicrosNoZone(d: Date | string): string {
  return new Date(d).toISOString().replace(/\.(\d{3})Z$/, '.$1000');
}
