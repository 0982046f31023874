/**
 * Where a rig stands, as the operator names it: building (or hall), rack (or row) and position in the
 * rack. Every part is optional; a rig with none has no location.
 */

/** A rig's location; each part null when not named. */
export interface RigLocation {
  building: string | null;
  rack: string | null;
  position: string | null;
}

/** The location from its three columns, or null when no part is named. */
export function rigLocationOf(building: string | null, rack: string | null, position: string | null): RigLocation | null {
  return building === null && rack === null && position === null ? null : { building, rack, position };
}

/** "Hall A · Rack 12 · U3": the named parts in order; null when none is named. */
export function rigLocationText(location: RigLocation | null | undefined): string | null {
  if (!location) return null;
  const parts = [location.building, location.rack, location.position].filter((p): p is string => p !== null && p !== '');
  return parts.length === 0 ? null : parts.join(' · ');
}
