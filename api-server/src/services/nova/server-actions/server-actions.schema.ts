// Request schemas of POST /servers/{id}/action. The route takes any one-key object, so that an
// unknown server is a 404 whatever the action (as in Nova, which finds the server first); the
// handler then checks the action's own body, and refuses an action it does not serve with 400,
// as Nova refuses an action it does not know.
import { Type, type Static } from '@sinclair/typebox';
import { strictObject } from '../../../common/parameter-types.js';

export const serverActionBody = Type.Record(Type.String(), Type.Unknown(), { minProperties: 1, maxProperties: 1 });

const group = strictObject({ name: Type.String({ minLength: 1, maxLength: 255 }) });

/** The actions served so far, each with its body's schema (Nova reads nothing of os-stop's and os-start's: null and {} are both sent). */
export const SERVED_ACTIONS = {
  addSecurityGroup: group,
  removeSecurityGroup: group,
  'os-stop': Type.Unknown(),
  'os-start': Type.Unknown(),
  // Nova reads nothing of lock's body below 2.73 (locked_reason), nor of unlock's.
  lock: Type.Unknown(),
  unlock: Type.Unknown(),
} as const;
export type ServedAction = keyof typeof SERVED_ACTIONS;
export type GroupActionBody = Static<typeof group>;
