// Response schemas of /os-availability-zone, as Tempest's compute/v2_1/availability_zone.py checks
// them: hosts is null in the list and a map of host to service in the detail.
import { Type, type Static } from '@sinclair/typebox';
import { strictObject } from '../../../common/parameter-types.js';

const zoneState = strictObject({ available: Type.Boolean() });
export const hostService = strictObject({ available: Type.Boolean(), active: Type.Boolean(), updated_at: Type.Union([Type.String(), Type.Null()]) });
const listedZone = strictObject({ zoneName: Type.String(), zoneState, hosts: Type.Null() });
const detailedZone = strictObject({ zoneName: Type.String(), zoneState, hosts: Type.Record(Type.String(), Type.Record(Type.String(), hostService)) });

export const zoneListResponse = strictObject({ availabilityZoneInfo: Type.Array(listedZone) });
export const zoneDetailResponse = strictObject({ availabilityZoneInfo: Type.Array(detailedZone) });

export type ListedZone = Static<typeof listedZone>;
export type DetailedZone = Static<typeof detailedZone>;
export type HostService = Static<typeof hostService>;
