// The /v3/projects routes: CRUD and the project tags.
import { defineRoute, type RouteDef } from '../../../common/route.js';
import { noQuery } from '../../../common/parameter-types.js';
import type { AppDeps } from '../../../deps.js';
import { createProjectBody, createProjectResponse, listProjectsQuery, listProjectsResponse, projectTagsBody, projectTagsResponse, showProjectQuery, showProjectResponse, updateProjectBody } from './projects.schema.js';
import { createProjectHandler, listProjectsHandler, showProjectHandler, updateProjectHandler } from './projects.handlers.js';
import { deleteProjectHandler } from './projects.delete.js';
import { addProjectTagHandler, checkProjectTagHandler, deleteProjectTagHandler, deleteProjectTagsHandler, listProjectTagsHandler, replaceProjectTagsHandler } from './projects.tags.js';

const item = '/v3/projects/:projectId';

function projectTagRoutes(d: AppDeps): RouteDef[] {
  const tag = `${item}/tags/:tag`;
  return [
    defineRoute({ method: 'get', path: `${item}/tags`, policy: 'authenticated', body: null, query: noQuery, response: projectTagsResponse, successStatus: 200, expectedErrors: [403, 404], handler: listProjectTagsHandler(d) }),
    defineRoute({ method: 'put', path: `${item}/tags`, policy: 'admin', body: projectTagsBody, query: noQuery, response: projectTagsResponse, successStatus: 200, expectedErrors: [400, 404, 409], handler: replaceProjectTagsHandler(d) }),
    defineRoute({ method: 'delete', path: `${item}/tags`, policy: 'admin', body: null, query: noQuery, response: null, successStatus: 204, expectedErrors: [404, 409], handler: deleteProjectTagsHandler(d) }),
    defineRoute({ method: 'get', path: tag, policy: 'authenticated', body: null, query: noQuery, response: null, successStatus: 204, expectedErrors: [403, 404], handler: checkProjectTagHandler(d) }),
    defineRoute({ method: 'head', path: tag, policy: 'authenticated', body: null, query: noQuery, response: null, successStatus: 204, expectedErrors: [403, 404], handler: checkProjectTagHandler(d) }),
    defineRoute({ method: 'put', path: tag, policy: 'admin', body: null, query: noQuery, response: null, successStatus: 201, expectedErrors: [400, 404, 409], handler: addProjectTagHandler(d) }),
    defineRoute({ method: 'delete', path: tag, policy: 'admin', body: null, query: noQuery, response: null, successStatus: 204, expectedErrors: [404, 409], handler: deleteProjectTagHandler(d) }),
  ];
}

export function projectRoutes(d: AppDeps): RouteDef[] {
  return [
    defineRoute({ method: 'get', path: '/v3/projects', policy: 'admin', body: null, query: listProjectsQuery, response: listProjectsResponse, successStatus: 200, expectedErrors: [400], handler: listProjectsHandler(d) }),
    defineRoute({ method: 'post', path: '/v3/projects', policy: 'admin', body: createProjectBody, query: noQuery, response: createProjectResponse, successStatus: 201, expectedErrors: [400, 403, 404, 409], handler: createProjectHandler(d) }),
    defineRoute({ method: 'get', path: item, policy: 'authenticated', body: null, query: showProjectQuery, response: showProjectResponse, successStatus: 200, expectedErrors: [403, 404], handler: showProjectHandler(d) }),
    defineRoute({ method: 'patch', path: item, policy: 'admin', body: updateProjectBody, query: noQuery, response: createProjectResponse, successStatus: 200, expectedErrors: [400, 403, 404, 409], handler: updateProjectHandler(d) }),
    defineRoute({ method: 'delete', path: item, policy: 'admin', body: null, query: noQuery, response: null, successStatus: 204, expectedErrors: [403, 404, 409], handler: deleteProjectHandler(d) }),
    ...projectTagRoutes(d),
  ];
}
