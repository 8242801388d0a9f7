import { compileCodeowners } from "../codeowners/index.js";
import type { Config } from "../config/schema.js";
import { selectRules } from "../engine/profiles.js";
import { planReads, type ReadPlan } from "../snapshot/reads.js";
import type {
  ChangedFile,
  FileContent,
  FileStatus,
  IssueInfo,
  PullRequestSnapshot,
  Review,
} from "../snapshot/types.js";
import { Cache } from "../util/cache.js";
import { readBlob, readDir, readFile, readFirst } from "./contents.js";
import { type GitHub, httpStatus, type PullRequestData, type RepoRef } from "./types.js";

/** GitHub lists at most 3,000 files of a pull request, 100 per page. */
export const MAX_FILES = 3_000;
const PER_PAGE = 100;

/** Team members change rarely: cached for five minutes. */
const teamMembers = new Cache<readonly string[]>(500, 5 * 60_000);
/** Review load of a repository: cached for one minute. */
const reviewLoads = new Cache<Record<string, number>>(500, 60_000);

export function clearSnapshotCaches(): void {
  teamMembers.deletePrefix("");
  reviewLoads.deletePrefix("");
}

/**
 * Reads everything an evaluation needs, in as few round trips as it can: file pages in
 * parallel, base files in parallel (cached by immutable SHA), and GitHub-only data only when a
 * rule in force needs it.
 */
export async function loadSnapshot(
  gh: GitHub,
  repo: RepoRef,
  pr: PullRequestData,
  config: Config,
): Promise<PullRequestSnapshot> {
  const files = await listFiles(gh, repo, pr);
  const core = coreSnapshot(repo, pr, files.files, files.total);
  const { rules } = selectRules(config, core);
  const plan = planReads({
    body: core.body,
    repo: { owner: repo.owner, name: repo.repo },
    files: core.files,
    rules,
  });
  const base = pr.base.sha;
  const added = new Set(core.files.filter((f) => f.status === "added").map((f) => f.path));
  const [
    codeowners,
    gitattributes,
    decisions,
    headDecisions,
    intentFiles,
    headIntent,
    issues,
    headConfig,
  ] = await Promise.all([
    plan.codeowners.length ? readFirst(gh, repo, plan.codeowners, base) : null,
    plan.gitattributes ? readFile(gh, repo, plan.gitattributes, base) : null,
    readDecisions(gh, repo, plan.decisionDirectories, base),
    readAll(gh, repo, plan.headDecisionFiles, pr.head.sha),
    readAll(gh, repo, plan.intentFiles, base),
    readAll(
      gh,
      repo,
      plan.intentFiles.filter((p) => added.has(p)),
      pr.head.sha,
    ),
    plan.needs.intent ? readIssues(gh, plan.intentIssues) : {},
    plan.headConfig ? readFile(gh, repo, plan.headConfig, pr.head.sha) : null,
  ]);
  const [reviews, teams, social] = await Promise.all([
    plan.needs.approvals ? listReviews(gh, repo, pr.number) : null,
    plan.needs.approvals ? readTeams(gh, teamsOwning(codeowners, core.files)) : null,
    plan.needs.reviewRequests ? readReviewSocial(gh, repo, pr) : null,
  ]);
  return {
    ...core,
    baseFiles: {
      gitattributes,
      codeowners,
      codeownersProblems: [],
      decisions,
      intentFiles,
    },
    headFiles: { config: headConfig, decisions: headDecisions, intentFiles: headIntent },
    reviews,
    teams,
    requestedReviewers: requestedOf(pr),
    removedReviewers: social?.removed ?? [],
    reviewLoad: social?.load ?? null,
    issues,
  };
}

/** The snapshot fields that come from the pull request itself. */
export function coreSnapshot(
  repo: RepoRef,
  pr: PullRequestData,
  files: readonly ChangedFile[],
  total: number,
): PullRequestSnapshot {
  const type = pr.user?.type === "Bot" || pr.user?.type === "Organization" ? pr.user.type : "User";
  return {
    version: 1,
    source: "github",
    repo: {
      owner: repo.owner,
      name: repo.repo,
      defaultBranch: pr.base.repo.default_branch ?? "main",
    },
    number: pr.number,
    title: pr.title,
    body: pr.body ?? "",
    author: { login: pr.user?.login ?? "ghost", type },
    labels: pr.labels.map((l) => l.name),
    draft: Boolean(pr.draft),
    createdAt: pr.created_at,
    base: { ref: pr.base.ref, sha: pr.base.sha },
    head: { ref: pr.head.ref, sha: pr.head.sha },
    files,
    filesTruncated: total > files.length,
    changedFilesCount: Math.max(total, files.length),
    baseFiles: {
      gitattributes: null,
      codeowners: null,
      codeownersProblems: [],
      decisions: [],
      intentFiles: [],
    },
    headFiles: { config: null, decisions: [], intentFiles: [] },
    reviews: null,
    teams: null,
    requestedReviewers: requestedOf(pr),
    removedReviewers: [],
    reviewLoad: null,
    issues: null,
    commitMessages: [],
  };
}

function requestedOf(pr: PullRequestData) {
  const users: string[] = [];
  const teams: string[] = [];
  for (const r of pr.requested_reviewers ?? []) {
    if ("login" in r) users.push(r.login);
    else teams.push(r.slug);
  }
  for (const t of pr.requested_teams ?? []) teams.push(t.slug);
  return { users, teams: [...new Set(teams)] };
}

/** All pages of changed files, fetched in parallel when the count is known (one page otherwise). */
async function listFiles(gh: GitHub, repo: RepoRef, pr: PullRequestData) {
  const toFile = (f: {
    filename: string;
    status: string;
    additions: number;
    deletions: number;
    previous_filename?: string;
  }): ChangedFile => ({
    path: f.filename,
    status: f.status as FileStatus,
    additions: f.additions,
    deletions: f.deletions,
    ...(f.previous_filename ? { previousPath: f.previous_filename } : {}),
  });
  const params = { ...repo, pull_number: pr.number, per_page: PER_PAGE };
  if (pr.changed_files === undefined) {
    const all = await gh.paginate(gh.rest.pulls.listFiles, params);
    return { files: all.slice(0, MAX_FILES).map(toFile), total: all.length };
  }
  const pages = Math.max(1, Math.ceil(Math.min(pr.changed_files, MAX_FILES) / PER_PAGE));
  const results = await Promise.all(
    Array.from({ length: pages }, (_, i) => gh.rest.pulls.listFiles({ ...params, page: i + 1 })),
  );
  return { files: results.flatMap((r) => r.data).map(toFile), total: pr.changed_files };
}

async function readAll(gh: GitHub, repo: RepoRef, paths: readonly string[], ref: string) {
  const files = await Promise.all(paths.map((p) => readFile(gh, repo, p, ref)));
  return files.filter((f): f is FileContent => f !== null);
}

async function readDecisions(
  gh: GitHub,
  repo: RepoRef,
  dirs: readonly string[],
  ref: string,
): Promise<FileContent[]> {
  const listings = await Promise.all(dirs.map((d) => readDir(gh, repo, d, ref)));
  const entries = listings.flat().filter((e) => e.type === "file" && e.path.endsWith(".md"));
  return Promise.all(
    entries.map(async (e) => ({
      path: e.path,
      sha: e.sha,
      content: await readBlob(gh, repo, e.sha),
    })),
  );
}

/** Issues named as intent briefs; a missing or inaccessible issue is `found: false`. */
async function readIssues(gh: GitHub, keys: readonly string[]): Promise<Record<string, IssueInfo>> {
  const entries = await Promise.all(
    keys.map(async (key): Promise<[string, IssueInfo]> => {
      const m = /^([^/]+)\/([^#]+)#(\d+)$/.exec(key)!;
      try {
        const { data } = await gh.rest.issues.get({
          owner: m[1]!,
          repo: m[2]!,
          issue_number: Number(m[3]),
        });
        return [
          key,
          {
            ref: key,
            found: true,
            title: data.title,
            body: data.body ?? "",
            state: data.state === "closed" ? "closed" : "open",
            labels: data.labels.map((l) => (typeof l === "string" ? l : (l.name ?? ""))),
          },
        ];
      } catch (err) {
        const status = httpStatus(err);
        if (status !== 404 && status !== 403 && status !== 410) throw err;
        return [key, { ref: key, found: false, title: "", body: "", state: "open", labels: [] }];
      }
    }),
  );
  return Object.fromEntries(entries);
}

async function listReviews(gh: GitHub, repo: RepoRef, pull: number): Promise<Review[]> {
  const reviews = await gh.paginate(gh.rest.pulls.listReviews, {
    ...repo,
    pull_number: pull,
    per_page: 100,
  });
  return reviews.map((r) => ({
    login: r.user?.login ?? "ghost",
    state: r.state,
    commitId: r.commit_id ?? null,
    submittedAt: r.submitted_at ?? null,
  }));
}

/** Team owners (`@org/team`) of the changed files and of renamed files' old paths. */
function teamsOwning(codeowners: FileContent | null, files: readonly ChangedFile[]): string[] {
  if (!codeowners) return [];
  const matcher = compileCodeowners(codeowners.content, codeowners.sha);
  const teams = new Set<string>();
  for (const f of files) {
    for (const path of f.previousPath ? [f.path, f.previousPath] : [f.path]) {
      for (const owner of matcher.match(path).owners) {
        if (/^@[^/\s]+\/[^/\s]+$/.test(owner)) teams.add(owner.slice(1).toLowerCase());
      }
    }
  }
  return [...teams];
}

async function readTeams(gh: GitHub, teams: readonly string[]) {
  const entries = await Promise.all(
    teams.map(async (team): Promise<[string, readonly string[]]> => {
      const [org = "", slug = ""] = team.split("/");
      const members = await teamMembers.getOrLoad(team, async () => {
        try {
          const list = await gh.paginate(gh.rest.teams.listMembersInOrg, {
            org,
            team_slug: slug,
            per_page: 100,
          });
          return list.map((m) => m.login);
        } catch (err) {
          if (httpStatus(err) === 404 || httpStatus(err) === 403) return [];
          throw err;
        }
      });
      return [team, members];
    }),
  );
  return Object.fromEntries(entries);
}

/** Who a person removed from review on this PR, and each login's pending requests in the repo. */
async function readReviewSocial(gh: GitHub, repo: RepoRef, pr: PullRequestData) {
  const [events, load] = await Promise.all([
    gh.paginate(gh.rest.issues.listEvents, { ...repo, issue_number: pr.number, per_page: 100 }),
    reviewLoads.getOrLoad(`${repo.owner}/${repo.repo}`, async () => {
      const open = await gh.paginate(gh.rest.pulls.list, { ...repo, state: "open", per_page: 100 });
      const counts: Record<string, number> = {};
      for (const p of open)
        for (const r of p.requested_reviewers ?? []) counts[r.login] = (counts[r.login] ?? 0) + 1;
      return counts;
    }),
  ]);
  const removed = new Set<string>();
  for (const e of events) {
    const ev = e as {
      event?: string;
      actor?: { type?: string } | null;
      requested_reviewer?: { login: string } | null;
    };
    if (ev.event === "review_request_removed" && ev.requested_reviewer && ev.actor?.type !== "Bot")
      removed.add(ev.requested_reviewer.login);
  }
  return { removed: [...removed], load };
}

export type { ReadPlan };
