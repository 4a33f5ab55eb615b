// Request and response schemas of /servers/{id}/tags (2.26), as Nova's schemas/server_tags.py: a tag
// is 1 to 60 characters without ',' or '/', a server has at most 50.
import { Type } from '@sinclair/typebox';
import { strictObject } from '../../../common/parameter-types.js';
import { deviceTag } from '../nova.schema.js';

/** Nova's objects.instance.MAX_TAG_COUNT. */
export const MAX_SERVER_TAGS = 50;

/** Nova's parameter_types.tag. */
export const serverTag = deviceTag;

export const replaceServerTagsBody = strictObject({ tags: Type.Array(serverTag, { maxItems: MAX_SERVER_TAGS }) });

export const serverTagsResponse = strictObject({ tags: Type.Array(Type.String()) });
