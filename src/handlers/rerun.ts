import type { Context } from "probot";
import { CHECK_NAME } from "../github/publish.js";
import type { GitHub, PullRequestData, RepoRef } from "../github/types.js";
import { evaluatePullRequest } from "./evaluate-pr.js";

/** The Re-run button on our check run. */
export async function onCheckRunRerequested(context: Context<"check_run.rerequested">) {
  const run = context.payload.check_run;
  if (run.name !== CHECK_NAME) return;
  const appId = Number(process.env.APP_ID) || undefined;
  if (appId && run.app?.id !== appId) return;
  await rerun(
    context,
    run.head_sha,
    run.pull_requests.map((p) => p.number),
    run.id,
  );
}

/** "Re-run all checks" on the suite. */
export async function onCheckSuiteRerequested(context: Context<"check_suite.rerequested">) {
  const suite = context.payload.check_suite;
  await rerun(
    context,
    suite.head_sha,
    suite.pull_requests.map((p) => p.number),
  );
}

async function rerun(
  context: Context<"check_run.rerequested" | "check_suite.rerequested">,
  headSha: string,
  numbers: number[],
  checkRunId?: number,
): Promise<void> {
  const gh = context.octokit;
  const repo = context.repo();
  // Fork PRs are not listed on check payloads: find them by the head commit.
  const pulls = numbers.length ? numbers : await pullsForCommit(gh, repo, headSha);
  for (const pull_number of pulls) {
    const { data } = await gh.rest.pulls.get({ ...repo, pull_number });
    if (data.state !== "open") continue;
    await evaluatePullRequest(
      { gh, repo, log: context.log },
      data as unknown as PullRequestData,
      data.head.sha === headSha && checkRunId ? { checkRunId } : {},
    );
  }
}

async function pullsForCommit(gh: GitHub, repo: RepoRef, sha: string): Promise<number[]> {
  const { data } = await gh.rest.repos.listPullRequestsAssociatedWithCommit({
    ...repo,
    commit_sha: sha,
  });
  return data.filter((p) => p.state === "open").map((p) => p.number);
}
