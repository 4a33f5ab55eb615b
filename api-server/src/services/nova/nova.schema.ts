// Response fragments Nova's bodies share, as Tempest's api_schema/response/compute/v2_1/
// parameter_types.py checks them. At 2.1 Tempest allows no other keys (additionalProperties:
// false), so neither do these: a key a view adds before its microversion fails the unit tests.
import { Type } from '@sinclair/typebox';
import { strictObject } from '../../common/parameter-types.js';

export const novaLink = strictObject({ href: Type.String(), rel: Type.String() });
export const novaLinkList = Type.Array(novaLink);

/** A reference to another resource: `{id, links}` (a server's image and flavor at 2.1). */
export const resourceRef = strictObject({ id: Type.String(), links: novaLinkList });

/** One entry of a non-detailed list: id, name and links. */
export const summaryEntry = strictObject({ id: Type.String(), name: Type.String(), links: novaLinkList });

/** Nova's parameter_types.tag: a device tag (networks, block devices, attachments) and a server tag alike. */
export const deviceTag = Type.String({ minLength: 1, maxLength: 60, pattern: '^[^,/]*$' });
