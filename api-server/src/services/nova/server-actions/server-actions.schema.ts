// Request schemas of POST /servers/{id}/action. The route takes any one-key object, so that an
// unknown server is a 404 whatever the action (as in Nova, which finds the server first); the
// handler then checks the action's own body, and refuses an action it does not serve with 400,
// as Nova refuses an action it does not know.
import { Type, type Static } from '@sinclair/typebox';
import { CONSOLE_ACTIONS } from '../remote-consoles/remote-consoles.schema.js';
import { description, metadata, name, strictObject } from '../../../common/parameter-types.js';
import type { KeyVersions } from '../microversion.js';

export const serverActionBody = Type.Record(Type.String(), Type.Unknown(), { minProperties: 1, maxProperties: 1 });

const group = strictObject({ name: Type.String({ minLength: 1, maxLength: 255 }) });

/** Nova's reboot schema: the type is SOFT or HARD, in any case. */
const reboot = strictObject({ type: Type.String({ pattern: '^([Ss][Oo][Ff][Tt]|[Hh][Aa][Rr][Dd])$' }) });

const accessIp = Type.String({ maxLength: 64 });

/** Nova's resize schema: a flavor reference (id or link), and the disk config Nova ignores here. */
const resize = strictObject({
  flavorRef: Type.Union([Type.String({ minLength: 1, maxLength: 255 }), Type.Integer({ minimum: 1 })]),
  'OS-DCF:diskConfig': Type.Optional(Type.Union([Type.Literal('AUTO'), Type.Literal('MANUAL')])),
});

/** Nova's create_image schema: a name (no leading or trailing spaces) and metadata. */
const createImage = strictObject({ name: Type.String({ minLength: 1, maxLength: 255, pattern: '^\\S(.*\\S)?$' }), metadata: Type.Optional(metadata) });

/** Nova's rebuild schema, every version's keys (REBUILD_KEYS says from when). */
const rebuild = strictObject({
  imageRef: Type.String({ minLength: 1, maxLength: 255 }),
  name: Type.Optional(name),
  adminPass: Type.Optional(Type.String()),
  metadata: Type.Optional(metadata),
  preserve_ephemeral: Type.Optional(Type.Boolean()),
  'OS-DCF:diskConfig': Type.Optional(Type.Union([Type.Literal('AUTO'), Type.Literal('MANUAL')])),
  accessIPv4: Type.Optional(accessIp),
  accessIPv6: Type.Optional(accessIp),
  personality: Type.Optional(Type.Array(strictObject({ path: Type.String({ maxLength: 255 }), contents: Type.String() }))),
  description: Type.Optional(description),
  key_name: Type.Optional(Type.Union([Type.String({ minLength: 1, maxLength: 255 }), Type.Null()])),
  user_data: Type.Optional(Type.Union([Type.String({ maxLength: 65535, pattern: '^[A-Za-z0-9+/=\\s]*$' }), Type.Null()])),
  trusted_image_certificates: Type.Optional(Type.Union([Type.Array(Type.String({ minLength: 1 }), { minItems: 1, maxItems: 50, uniqueItems: true }), Type.Null()])),
});

/** The rebuild keys later versions add, and personality, which 2.57 removes (the schema above is every version's). */
export const REBUILD_KEYS: KeyVersions = {
  since: { description: 'DESCRIPTION', key_name: 'REBUILD_KEYPAIR', user_data: 'REBUILD_USER_DATA', trusted_image_certificates: 'TRUSTED_CERTS' },
  until: { personality: 'REBUILD_USER_DATA' },
};

/** Nova's rescue schema: the body may be null; the admin password and rescue image are optional. */
const rescue = Type.Union([Type.Null(), strictObject({ adminPass: Type.Optional(Type.String()), rescue_image_ref: Type.Optional(Type.String({ minLength: 1, maxLength: 255 })) })]);

/** Nova's os-getConsoleOutput schema: a length of lines (-1: all), as a number or a numeric string; the body may be null. */
const consoleOutput = Type.Union([Type.Null(), strictObject({ length: Type.Optional(Type.Union([Type.Integer({ minimum: -1 }), Type.String({ pattern: '^-?[0-9]+$' }), Type.Null()])) })]);

/** os-getConsoleOutput's answer. */
export const consoleOutputResponse = strictObject({ output: Type.String() });

/** createImage's answer from 2.45: the snapshot image's id. */
export const createImageResponse = strictObject({ image_id: Type.String() });

/** Rescue's answer: the rescue boot's admin password. */
export const rescueResponse = strictObject({ adminPass: Type.String() });

/** Nova's lock body from 2.73: null, or the reason (1 to 255 characters). */
export const lockBody = strictObject({ locked_reason: Type.Optional(Type.String({ minLength: 1, maxLength: 255 })) });

/** Nova's unshelve body from 2.77: null, or the zone to unshelve into. */
export const unshelveBody = Type.Union([Type.Null(), strictObject({ availability_zone: Type.String({ minLength: 1, maxLength: 255 }) })]);
export type UnshelveBody = Static<typeof unshelveBody>;

/** The actions served so far, each with its body's schema (Nova reads nothing of os-stop's and os-start's: null and {} are both sent). */
export const SERVED_ACTIONS = {
  addSecurityGroup: group,
  removeSecurityGroup: group,
  'os-stop': Type.Unknown(),
  'os-start': Type.Unknown(),
  // Nova reads nothing of lock's body below 2.73 (locked_reason), nor of unlock's.
  lock: Type.Unknown(),
  unlock: Type.Unknown(),
  // Nor of these: their bodies are null (unshelve's availability_zone is 2.77's).
  shelve: Type.Unknown(),
  shelveOffload: Type.Unknown(),
  unshelve: Type.Unknown(),
  pause: Type.Unknown(),
  unpause: Type.Unknown(),
  suspend: Type.Unknown(),
  resume: Type.Unknown(),
  reboot,
  rebuild,
  createImage,
  resize,
  // Nova reads nothing of these bodies either.
  confirmResize: Type.Unknown(),
  revertResize: Type.Unknown(),
  rescue,
  unrescue: Type.Unknown(),
  'os-getConsoleOutput': consoleOutput,
  ...CONSOLE_ACTIONS,
} as const;
export type ServedAction = keyof typeof SERVED_ACTIONS;
export type GroupActionBody = Static<typeof group>;
export type RebootBody = Static<typeof reboot>;
export type RebuildBody = Static<typeof rebuild>;
export type CreateImageBody = Static<typeof createImage>;
export type ResizeBody = Static<typeof resize>;
export type RescueBody = Static<typeof rescue>;
export type ConsoleOutputBody = Static<typeof consoleOutput>;
