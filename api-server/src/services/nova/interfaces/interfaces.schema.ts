// Request and response schemas of /servers/{id}/os-interface (attach by port, by network with an
// optional fixed IP, or on the project's only network; from 2.49 with a device tag).
import { Type } from '@sinclair/typebox';
import type { KeyVersions } from '../microversion.js';
import { deviceTag } from '../nova.schema.js';
import { responseObject, strictObject } from '../../../common/parameter-types.js';

const id = Type.String({ minLength: 1, maxLength: 64 });

export const attachInterfaceBody = strictObject({
  interfaceAttachment: strictObject({
    port_id: Type.Optional(id),
    net_id: Type.Optional(id),
    fixed_ips: Type.Optional(Type.Array(strictObject({ ip_address: Type.String({ maxLength: 64 }) }), { maxItems: 1 })),
    tag: Type.Optional(deviceTag),
  }),
});

/** The attach keys later versions add. */
export const ATTACH_INTERFACE_KEYS: KeyVersions = { since: { tag: 'ATTACH_TAGS' } };

export const interfaceAttachment = responseObject({
  port_id: Type.String(),
  net_id: Type.String(),
  mac_addr: Type.String(),
  port_state: Type.String(),
  fixed_ips: Type.Array(Type.Object({ subnet_id: Type.String(), ip_address: Type.String() })),
  tag: Type.Optional(Type.Union([Type.String(), Type.Null()])),
});

export const interfaceResponse = responseObject({ interfaceAttachment });
export const listInterfacesResponse = responseObject({ interfaceAttachments: Type.Array(interfaceAttachment) });
