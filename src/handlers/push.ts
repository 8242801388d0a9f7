import type { Context } from "probot";
import { CONFIG_PATH } from "../config/load.js";
import { forgetConfigs } from "../github/load-config.js";
import type { PullRequestData } from "../github/types.js";
import { CODEOWNERS_CANDIDATES } from "../snapshot/reads.js";
import { evaluatePullRequest } from "./evaluate-pr.js";

/** At most this many open PRs are re-evaluated after the rules on a base branch change. */
export const MAX_PULLS_PER_PUSH = 50;

/**
 * A push to a branch that changes the rules (config or CODEOWNERS) re-evaluates the open PRs
 * based on it, since a PR is judged by the rules of its base branch. A push to the org's
 * `.github` repository clears the cached configs of the owner (they may `_extends` it).
 */
export async function onPush(context: Context<"push">): Promise<void> {
  const { payload } = context;
  const repo = context.repo();
  const touched = new Set(
    payload.commits.flatMap((c) => [
      ...(c.added ?? []),
      ...(c.modified ?? []),
      ...(c.removed ?? []),
    ]),
  );
  const rulesChanged =
    touched.has(CONFIG_PATH) || CODEOWNERS_CANDIDATES.some((p) => touched.has(p));
  if (!rulesChanged) return;
  forgetConfigs(repo.owner);
  if (payload.repository.name === ".github" || payload.deleted) return;
  const branch = payload.ref.replace(/^refs\/heads\//, "");
  const gh = context.octokit;
  const open = await gh.paginate(gh.rest.pulls.list, {
    ...repo,
    state: "open",
    base: branch,
    per_page: 100,
  });
  context.log.info({ branch, pulls: open.length }, "rules changed: re-evaluating open PRs");
  for (const pr of open.slice(0, MAX_PULLS_PER_PUSH)) {
    await evaluatePullRequest({ gh, repo, log: context.log }, pr as unknown as PullRequestData);
  }
}
