import type { RuleActions, Verdict } from "../engine/types.js";
import { ANNOTATIONS_PER_REQUEST, type CheckOutput } from "../render/check.js";
import { COMMENT_MARKER, needsAction, renderComment } from "../render/comment.js";
import { Cache } from "../util/cache.js";
import { type GitHub, httpStatus, type RepoRef } from "./types.js";

export const CHECK_NAME = "guardrails";

/** head SHA → our check run id, so re-evaluating a SHA updates its run without a lookup. */
const checkRuns = new Cache<number>(10_000);
/** PR → our sticky comment id (0: known to have none). */
const comments = new Cache<number>(10_000);

export function clearPublishCaches(): void {
  checkRuns.deletePrefix("");
  comments.deletePrefix("");
}

/**
 * Creates or updates the one `guardrails` check run on a SHA. Annotations go in batches of 50:
 * the first batch with the create/update, the rest as further updates (GitHub appends them).
 */
export async function publishCheck(
  gh: GitHub,
  repo: RepoRef,
  headSha: string,
  output: CheckOutput,
  options: { checkRunId?: number; detailsUrl?: string } = {},
): Promise<number> {
  const key = `${repo.owner}/${repo.repo}@${headSha}`;
  const existing =
    options.checkRunId ?? checkRuns.get(key) ?? (await findCheckRun(gh, repo, headSha));
  const batches: (typeof output.annotations)[] = [];
  for (let i = 0; i < output.annotations.length; i += ANNOTATIONS_PER_REQUEST)
    batches.push(output.annotations.slice(i, i + ANNOTATIONS_PER_REQUEST));
  const body = (annotations: typeof output.annotations | undefined) => ({
    status: "completed" as const,
    conclusion: output.conclusion,
    completed_at: new Date().toISOString(),
    ...(options.detailsUrl ? { details_url: options.detailsUrl } : {}),
    output: {
      title: output.title,
      summary: output.summary,
      ...(output.text ? { text: output.text } : {}),
      ...(annotations?.length ? { annotations: [...annotations] } : {}),
    },
  });
  let id: number;
  if (existing) {
    await gh.rest.checks.update({ ...repo, check_run_id: existing, ...body(batches[0]) });
    id = existing;
  } else {
    const { data } = await gh.rest.checks.create({
      ...repo,
      name: CHECK_NAME,
      head_sha: headSha,
      ...body(batches[0]),
    });
    id = data.id;
  }
  checkRuns.set(key, id);
  for (const batch of batches.slice(1)) {
    await gh.rest.checks.update({
      ...repo,
      check_run_id: id,
      output: { title: output.title, summary: output.summary, annotations: [...batch] },
    });
  }
  return id;
}

async function findCheckRun(gh: GitHub, repo: RepoRef, sha: string): Promise<number | undefined> {
  const { data } = await gh.rest.checks.listForRef({
    ...repo,
    ref: sha,
    check_name: CHECK_NAME,
    filter: "latest",
    per_page: 100,
  });
  const appId = Number(process.env.APP_ID) || undefined;
  const ours = data.check_runs.find((r) => !appId || r.app?.id === appId);
  return ours?.id;
}

/**
 * Keeps one sticky comment, found by its hidden marker: created when there is something to act
 * on, edited in place, and turned into a short "all pass" note (or deleted) when clean.
 */
export async function upsertComment(
  gh: GitHub,
  repo: RepoRef,
  pull: number,
  verdict: Verdict,
  options: { whenClean: "update" | "delete" },
): Promise<CommentOutcome> {
  try {
    return await writeComment(gh, repo, pull, verdict, options);
  } catch (err) {
    // Someone deleted the comment we remembered: forget it and look again, once.
    if (httpStatus(err) !== 404) throw err;
    comments.delete(`${repo.owner}/${repo.repo}#${pull}`);
    return writeComment(gh, repo, pull, verdict, options);
  }
}

type CommentOutcome = "created" | "updated" | "deleted" | "unchanged" | "none";

async function writeComment(
  gh: GitHub,
  repo: RepoRef,
  pull: number,
  verdict: Verdict,
  options: { whenClean: "update" | "delete" },
): Promise<CommentOutcome> {
  const key = `${repo.owner}/${repo.repo}#${pull}`;
  let found = comments.get(key);
  let currentBody: string | undefined;
  if (found === undefined) {
    const all = await gh.paginate(gh.rest.issues.listComments, {
      ...repo,
      issue_number: pull,
      per_page: 100,
    });
    const mine = all.find((c) => c.body?.includes(COMMENT_MARKER));
    found = mine?.id ?? 0;
    currentBody = mine?.body;
  }
  const body = renderComment(verdict);
  const act = needsAction(verdict);
  if (!found) {
    if (!act) return "none";
    const { data } = await gh.rest.issues.createComment({ ...repo, issue_number: pull, body });
    comments.set(key, data.id);
    return "created";
  }
  if (!act && options.whenClean === "delete") {
    await gh.rest.issues.deleteComment({ ...repo, comment_id: found });
    comments.set(key, 0);
    return "deleted";
  }
  if (currentBody === body) {
    comments.set(key, found);
    return "unchanged";
  }
  await gh.rest.issues.updateComment({ ...repo, comment_id: found, body });
  comments.set(key, found);
  return "updated";
}

/** Adds the desired managed labels and removes stale managed ones; touches no other label. */
export async function reconcileLabels(
  gh: GitHub,
  repo: RepoRef,
  pull: number,
  current: readonly string[],
  actions: readonly RuleActions[],
): Promise<{ added: string[]; removed: string[] }> {
  const desired = new Set(actions.flatMap((a) => a.labels?.desired ?? []));
  const managed = new Set(actions.flatMap((a) => a.labels?.managed ?? []));
  const added = [...desired].filter((l) => !current.includes(l));
  const removed = current.filter((l) => managed.has(l) && !desired.has(l));
  if (added.length) await gh.rest.issues.addLabels({ ...repo, issue_number: pull, labels: added });
  for (const name of removed) {
    await gh.rest.issues.removeLabel({ ...repo, issue_number: pull, name });
  }
  return { added, removed };
}

/** Requests the reviewers the rules chose that are not already requested. */
export async function requestReviewers(
  gh: GitHub,
  repo: RepoRef,
  pull: number,
  already: { users: readonly string[]; teams: readonly string[] } | null,
  actions: readonly RuleActions[],
): Promise<{ users: string[]; teams: string[] }> {
  const lower = (xs: readonly string[]) => new Set(xs.map((x) => x.toLowerCase()));
  const haveUsers = lower(already?.users ?? []);
  const haveTeams = lower(already?.teams ?? []);
  const users = [...new Set(actions.flatMap((a) => a.reviewRequests?.users ?? []))].filter(
    (u) => !haveUsers.has(u.toLowerCase()),
  );
  const teams = [...new Set(actions.flatMap((a) => a.reviewRequests?.teams ?? []))].filter(
    (t) => !haveTeams.has(t.toLowerCase()),
  );
  if (users.length || teams.length) {
    await gh.rest.pulls.requestReviewers({
      ...repo,
      pull_number: pull,
      reviewers: users,
      team_reviewers: teams,
    });
  }
  return { users, teams };
}
