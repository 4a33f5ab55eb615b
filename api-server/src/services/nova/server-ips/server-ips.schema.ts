// Response schemas of /servers/{id}/ips (Nova's ips view: the addresses by network label).
import { Type } from '@sinclair/typebox';
import { responseObject } from '../../../common/parameter-types.js';

const address = responseObject({ version: Type.Integer(), addr: Type.String() });
export const listIpsResponse = responseObject({ addresses: Type.Record(Type.String(), Type.Array(address)) });
export const networkIpsResponse = Type.Record(Type.String(), Type.Array(address));
