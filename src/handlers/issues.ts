import type { Context } from "probot";
import { loadConfig } from "../github/load-config.js";
import type { PullRequestData } from "../github/types.js";
import { findIntentReferences } from "../intent/references.js";
import { evaluatePullRequest } from "./evaluate-pr.js";
import { intentMatters } from "./relevance.js";

export const ISSUE_EVENTS = [
  "issues.edited",
  "issues.labeled",
  "issues.unlabeled",
  "issues.closed",
  "issues.reopened",
  "issues.deleted",
] as const;

/** At most this many open PRs are re-evaluated for one issue change. */
export const MAX_PULLS_PER_ISSUE = 50;

/** Editing, labelling or closing an intent issue re-evaluates the open PRs that reference it. */
export async function onIssue(context: Context<"issues">): Promise<void> {
  const gh = context.octokit;
  const repo = context.repo();
  const issue = context.payload.issue;
  if ("pull_request" in issue && issue.pull_request) return;
  const config = await loadConfig(gh, repo);
  if (config.ok && !intentMatters(config.config)) return;
  const key = `${repo.owner}/${repo.repo}#${issue.number}`.toLowerCase();
  const open = await gh.paginate(gh.rest.pulls.list, { ...repo, state: "open", per_page: 100 });
  const referencing = open.filter((pr) =>
    findIntentReferences(pr.body ?? "", { owner: repo.owner, name: repo.repo }).some(
      (r) => r.kind === "issue" && r.key.toLowerCase() === key,
    ),
  );
  context.log.info({ issue: issue.number, pulls: referencing.length }, "intent issue changed");
  for (const pr of referencing.slice(0, MAX_PULLS_PER_ISSUE)) {
    await evaluatePullRequest({ gh, repo, log: context.log }, pr as unknown as PullRequestData);
  }
}
