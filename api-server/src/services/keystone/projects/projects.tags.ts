// /v3/projects/{id}/tags and /tags/{tag}: reads for an admin or a token scoped to the project
// (identity:list_project_tags, get_project_tag), writes for admins (update_project_tags,
// create_project_tag, delete_project_tag), each under the project's resourceVersion.
import type { Project } from '../../../../../crds/types.generated.js';
import { badRequest, notFound } from '../../../common/errors.js';
import type { AppDeps } from '../../../deps.js';
import type { Handler } from '../handler.js';
import { syncHandler } from '../handler.js';
import { policyDenied, v3Url } from '../collection.js';
import { findProject } from './projects.handlers.js';
import type { ProjectTagsBody } from './projects.schema.js';

const MAX_TAGS = 80;

function readable(d: AppDeps, ctx: { params: Record<string, string>; auth: { isAdmin: boolean; projectId?: string } }, action: string): Project {
  const project = findProject(d, ctx.params.projectId);
  if (!ctx.auth.isAdmin && ctx.auth.projectId !== project.metadata.name) throw policyDenied(action);
  return project;
}

async function writeTags(d: AppDeps, id: string, change: (tags: string[]) => string[]): Promise<string[]> {
  const updated = await d.stores.projects.update(id, undefined, (p) => ({ ...p, spec: { ...p.spec, tags: change(p.spec.tags ?? []) } }));
  if (!updated) throw notFound(`Could not find project: ${id}.`);
  return updated.spec.tags ?? [];
}

/** Keystone's tag rule: 1-255 characters, neither "/" nor ",". */
function checkTag(tag: string): void {
  if (tag.length < 1 || tag.length > 255 || /[,/]/.test(tag)) throw badRequest(`Invalid tag: ${tag}`);
}

export function listProjectTagsHandler(d: AppDeps): Handler {
  return syncHandler((ctx) => ({ body: { tags: readable(d, ctx, 'list_project_tags').spec.tags ?? [] } }));
}

export function checkProjectTagHandler(d: AppDeps): Handler {
  return syncHandler((ctx) => {
    const tags = readable(d, ctx, 'get_project_tag').spec.tags ?? [];
    if (!tags.includes(ctx.params.tag)) throw notFound(`Tag ${ctx.params.tag} not found for project ${ctx.params.projectId}.`);
    return { status: 204 };
  });
}

export function replaceProjectTagsHandler(d: AppDeps): Handler<ProjectTagsBody> {
  return async (ctx) => {
    const id = findProject(d, ctx.params.projectId).metadata.name;
    const tags = await writeTags(d, id, () => [...new Set(ctx.body.tags)]);
    return { body: { tags, links: { self: v3Url(ctx.baseUrl, `projects/${id}/tags`) } } };
  };
}

export function addProjectTagHandler(d: AppDeps): Handler {
  return async (ctx) => {
    const id = findProject(d, ctx.params.projectId).metadata.name;
    const tag = ctx.params.tag;
    checkTag(tag);
    await writeTags(d, id, (tags) => {
      if (tags.includes(tag)) return tags;
      if (tags.length >= MAX_TAGS) throw badRequest(`A project may have at most ${MAX_TAGS} tags.`);
      return [...tags, tag];
    });
    return { status: 201, headers: { Location: v3Url(ctx.baseUrl, `projects/${id}/tags/${encodeURIComponent(tag)}`) } };
  };
}

export function deleteProjectTagHandler(d: AppDeps): Handler {
  return async (ctx) => {
    const project = findProject(d, ctx.params.projectId);
    const tag = ctx.params.tag;
    if (!(project.spec.tags ?? []).includes(tag)) throw notFound(`Tag ${tag} not found for project ${project.metadata.name}.`);
    await writeTags(d, project.metadata.name, (tags) => tags.filter((t) => t !== tag));
    return { status: 204 };
  };
}

export function deleteProjectTagsHandler(d: AppDeps): Handler {
  return async (ctx) => {
    await writeTags(d, findProject(d, ctx.params.projectId).metadata.name, () => []);
    return { status: 204 };
  };
}
