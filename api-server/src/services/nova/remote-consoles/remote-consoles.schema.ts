// Nova's remote console requests and answers: the 2.1 actions (os-getVNCConsole and its SPICE,
// RDP and serial siblings) and 2.6's POST /servers/{id}/remote-consoles, plus the page and log
// the console URL leads to (served here, authorized by the URL's console token alone).
import { Type, type Static, type TObject, type TUnion, type TLiteral } from '@sinclair/typebox';
import { strictObject } from '../../../common/parameter-types.js';

const consoleType = (...types: string[]): TObject<{ type: TUnion<TLiteral<string>[]> }> => strictObject({ type: Type.Union(types.map((t) => Type.Literal(t))) });

/** The 2.1 console actions, each with the types Nova's schema names. */
export const CONSOLE_ACTIONS = {
  'os-getVNCConsole': consoleType('novnc', 'xvpvnc'),
  'os-getSPICEConsole': consoleType('spice-html5'),
  'os-getRDPConsole': consoleType('rdp-html5'),
  'os-getSerialConsole': consoleType('serial'),
} as const;
export type ConsoleAction = keyof typeof CONSOLE_ACTIONS;
export type ConsoleActionBody = Static<(typeof CONSOLE_ACTIONS)[ConsoleAction]>;

export const consoleActionResponse = strictObject({ console: strictObject({ type: Type.String(), url: Type.String() }) });

export const remoteConsoleBody = strictObject({
  remote_console: strictObject({
    protocol: Type.Union(['vnc', 'spice', 'rdp', 'serial', 'mks'].map((p) => Type.Literal(p))),
    type: Type.Union(['novnc', 'xvpvnc', 'rdp-html5', 'spice-html5', 'serial', 'webmks'].map((t) => Type.Literal(t))),
  }),
});
export type RemoteConsoleBody = Static<typeof remoteConsoleBody>;

export const remoteConsoleResponse = strictObject({ remote_console: strictObject({ protocol: Type.String(), type: Type.String(), url: Type.String() }) });

export const consolePageQuery = strictObject({ token: Type.String({ minLength: 1, maxLength: 2048 }) });
/** The console page: HTML. */
export const consolePageResponse = Type.String();
export const consoleLogResponse = strictObject({ output: Type.String() });
