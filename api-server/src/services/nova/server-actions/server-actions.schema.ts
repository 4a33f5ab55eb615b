// Request schema of POST /servers/{id}/action, for the actions served so far: addSecurityGroup and
// removeSecurityGroup. Any other action is a 400, as Nova refuses an action it does not know.
import { Type } from '@sinclair/typebox';
import { strictObject } from '../../../common/parameter-types.js';

const group = strictObject({ name: Type.String({ minLength: 1, maxLength: 255 }) });

export const serverActionBody = Type.Union([strictObject({ addSecurityGroup: group }), strictObject({ removeSecurityGroup: group })]);
