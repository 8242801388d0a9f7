import type { Logger } from "probot";
import { configErrorVerdict } from "../engine/config-verdict.js";
import { evaluate } from "../engine/evaluate.js";
import type { Verdict } from "../engine/types.js";
import { loadConfig } from "../github/load-config.js";
import { loadSnapshot } from "../github/load-snapshot.js";
import {
  publishCheck,
  reconcileLabels,
  requestReviewers,
  upsertComment,
} from "../github/publish.js";
import { type GitHub, httpStatus, type PullRequestData, type RepoRef } from "../github/types.js";
import { renderCheck, renderEvaluationError } from "../render/check.js";
import { serialize } from "./serial.js";

export const DOCS_URL =
  process.env.GUARDRAILS_DOCS_URL ??
  "https://github.com/guardrails-app/guardrails/blob/main/docs/configuration.md";

export interface EvaluationTarget {
  readonly gh: GitHub;
  readonly repo: RepoRef;
  readonly log: Logger;
}

/**
 * Load → evaluate → publish for one pull request. Every failure ends as a visible check result:
 * an invalid config is a located config error, a GitHub error or a bug is a failing check that
 * says what to do — never success, never a run left in progress. Follow-up actions (comment,
 * labels, reviewers) are best-effort and logged.
 */
export function evaluatePullRequest(
  target: EvaluationTarget,
  pr: PullRequestData,
  options: { checkRunId?: number } = {},
): Promise<Verdict | null> {
  const { repo } = target;
  return serialize(`${repo.owner}/${repo.repo}#${pr.number}`, () => run(target, pr, options));
}

async function run(
  { gh, repo, log }: EvaluationTarget,
  pr: PullRequestData,
  options: { checkRunId?: number },
): Promise<Verdict | null> {
  const publish = { detailsUrl: DOCS_URL, ...options };
  try {
    // 1. Config from the default branch (cached briefly).
    const config = await loadConfig(gh, repo);
    if (!config.ok) {
      const verdict = configErrorVerdict(config.errors);
      await publishCheck(
        gh,
        repo,
        pr.head.sha,
        renderCheck(verdict, { docsUrl: DOCS_URL }),
        publish,
      );
      log.info({ pull: pr.number, errors: config.errors.length }, "invalid config reported");
      return verdict;
    }
    // 2. Everything the rules need, in as few round trips as possible.
    const snapshot = await loadSnapshot(gh, repo, pr, config.config);
    // 3. Pure evaluation.
    const verdict = evaluate(snapshot, config.config);
    // 4. The check run: the one required result.
    await publishCheck(gh, repo, pr.head.sha, renderCheck(verdict, { docsUrl: DOCS_URL }), publish);
    // 5. Follow-ups, best effort.
    const actions = verdict.rules.flatMap((r) => (r.actions ? [r.actions] : []));
    await Promise.all([
      bestEffort(log, "comment", async () => {
        if (config.config.comment.enabled)
          await upsertComment(gh, repo, pr.number, verdict, {
            whenClean: config.config.comment.when_clean,
          });
      }),
      bestEffort(log, "labels", () =>
        reconcileLabels(gh, repo, pr.number, snapshot.labels, actions),
      ),
      bestEffort(log, "reviewers", () =>
        requestReviewers(gh, repo, pr.number, snapshot.requestedReviewers, actions),
      ),
    ]);
    log.info(
      { pull: pr.number, conclusion: verdict.conclusion, profile: verdict.profile },
      "evaluated",
    );
    return verdict;
  } catch (err) {
    log.error({ err, pull: pr.number }, "evaluation failed");
    const status = httpStatus(err);
    const reason =
      status !== undefined
        ? `GitHub answered ${status} while reading this pull request (${(err as Error).message}).`
        : `an unexpected error: ${err instanceof Error ? err.message : String(err)}.`;
    const hint =
      status === 403 || status === 404
        ? "Check that the Guardrails app is installed on this repository with the permissions in app.yml, then press Re-run."
        : "Press Re-run on this check. If it fails again, report the error to the Guardrails maintainers.";
    try {
      await publishCheck(gh, repo, pr.head.sha, renderEvaluationError(reason, hint), publish);
    } catch (publishErr) {
      log.error({ err: publishErr, pull: pr.number }, "could not report the failure on the check");
      throw err; // the delivery fails, so it shows as failed in the app's deliveries and can be redelivered
    }
    return null;
  }
}

async function bestEffort(log: Logger, what: string, task: () => Promise<unknown>): Promise<void> {
  try {
    await task();
  } catch (err) {
    log.warn({ err }, `follow-up "${what}" failed`);
  }
}
