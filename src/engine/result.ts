import type { Finding, RuleResult, RuleStatus } from "./types.js";

/** Status follows from the findings: any error → failed, any warning → warning, else passed. */
export function statusOf(findings: readonly Finding[]): RuleStatus {
  if (findings.some((f) => f.severity === "error")) return "failed";
  if (findings.some((f) => f.severity === "warning")) return "warning";
  return "passed";
}

/** Builds a rule result whose status is derived from its findings. */
export function ruleResult(
  rule: { id: string; title: string },
  summary: string,
  findings: readonly Finding[],
  extra: Pick<RuleResult, "details" | "actions"> = {},
): RuleResult {
  return {
    ruleId: rule.id,
    title: rule.title,
    status: statusOf(findings),
    summary,
    findings,
    ...extra,
  };
}

/** A rule that could not run here (disabled, or needs data this source lacks) says why. */
export function skipped(rule: { id: string; title: string }, reason: string): RuleResult {
  return { ruleId: rule.id, title: rule.title, status: "skipped", summary: reason, findings: [] };
}

/** The one-line reason used when a rule needs GitHub data that a local run does not have. */
export const NEEDS_GITHUB = "skipped (needs GitHub)";
