import type { Context } from "probot";
import { loadConfig } from "../github/load-config.js";
import type { PullRequestData } from "../github/types.js";
import { evaluatePullRequest } from "./evaluate-pr.js";
import { editMatters, labelMatters, reviewsMatter } from "./relevance.js";

export const PULL_REQUEST_EVENTS = [
  "pull_request.opened",
  "pull_request.reopened",
  "pull_request.synchronize",
  "pull_request.edited",
  "pull_request.ready_for_review",
  "pull_request.converted_to_draft",
  "pull_request.labeled",
  "pull_request.unlabeled",
] as const;

export async function onPullRequest(context: Context<"pull_request">): Promise<void> {
  const { payload } = context;
  const repo = context.repo();
  const target = { gh: context.octokit, repo, log: context.log };
  if (payload.pull_request.state !== "open") return;
  if (payload.action === "edited" && !editMatters(payload.changes as Record<string, unknown>)) {
    context.log.debug("edit cannot change the verdict; nothing to do");
    return;
  }
  if (payload.action === "labeled" || payload.action === "unlabeled") {
    const label = (payload as { label?: { name: string } }).label?.name ?? "";
    const config = await loadConfig(context.octokit, repo);
    if (config.ok && !labelMatters(config.config, label)) {
      context.log.debug({ label }, "label cannot change the verdict; nothing to do");
      return;
    }
  }
  await evaluatePullRequest(target, payload.pull_request as unknown as PullRequestData);
}

export const REVIEW_EVENTS = [
  "pull_request_review.submitted",
  "pull_request_review.edited",
  "pull_request_review.dismissed",
] as const;

export async function onReview(context: Context<"pull_request_review">): Promise<void> {
  const repo = context.repo();
  const pr = context.payload.pull_request;
  if (pr.state !== "open") return;
  const config = await loadConfig(context.octokit, repo);
  if (config.ok && !reviewsMatter(config.config)) {
    context.log.debug("reviews cannot change the verdict; nothing to do");
    return;
  }
  // The review payload's PR lacks changed_files; the files are paginated instead.
  await evaluatePullRequest(
    { gh: context.octokit, repo, log: context.log },
    pr as unknown as PullRequestData,
  );
}
