// Response schemas of GET /servers/{id}/os-security-groups and of the os-security-groups proxy.
import { Type } from '@sinclair/typebox';
import { responseObject } from '../../../common/parameter-types.js';

const nullableInt = Type.Union([Type.Integer(), Type.Null()]);

export const novaSecurityGroup = responseObject({
  id: Type.String(),
  name: Type.String(),
  description: Type.String(),
  tenant_id: Type.String(),
  rules: Type.Array(Type.Object({
    id: Type.String(),
    parent_group_id: Type.String(),
    ip_protocol: Type.Union([Type.String(), Type.Null()]),
    from_port: nullableInt,
    to_port: nullableInt,
    ip_range: Type.Object({ cidr: Type.Optional(Type.String()) }),
    group: Type.Object({ name: Type.Optional(Type.String()), tenant_id: Type.Optional(Type.String()) }),
  })),
});

export const listServerSecurityGroupsResponse = responseObject({ security_groups: Type.Array(novaSecurityGroup) });
export const listNovaSecurityGroupsResponse = listServerSecurityGroupsResponse;
export const showNovaSecurityGroupResponse = responseObject({ security_group: novaSecurityGroup });
