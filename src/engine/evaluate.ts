import type { Config } from "../config/schema.js";
import { RULES } from "../rules/index.js";
import type { PullRequestSnapshot } from "../snapshot/types.js";
import { previewConfigChange } from "./config-preview.js";
import { selectRules } from "./profiles.js";
import type { Finding, RuleContext, RuleResult, Verdict } from "./types.js";

/**
 * Runs every guardrail over the snapshot with the config (after profiles) and aggregates the
 * conclusion: failure when any error finding. A rule that throws becomes a failed result that
 * says so — never a silent pass.
 */
export function evaluate(
  snapshot: PullRequestSnapshot,
  config: Config,
  ctx: RuleContext = { now: new Date() },
): Verdict {
  const { profile, rules } = selectRules(config, snapshot);
  const results: RuleResult[] = RULES.map((rule) => {
    const ruleConfig = rules[rule.id as keyof typeof rules];
    try {
      // biome-ignore lint/suspicious/noExplicitAny: each rule receives its own config section
      return rule.evaluate(snapshot, ruleConfig as any, ctx);
    } catch (err) {
      return crashed(rule, err);
    }
  });
  const preview = previewConfigChange(snapshot.headFiles.config);
  return verdictOf(preview ? [...results, preview] : results, profile);
}

export function verdictOf(results: readonly RuleResult[], profile: string | null): Verdict {
  const all = results.flatMap((r) => r.findings);
  const count = (s: Finding["severity"]) => all.filter((f) => f.severity === s).length;
  const counts = { errors: count("error"), warnings: count("warning"), notices: count("notice") };
  return {
    conclusion: counts.errors > 0 ? "failure" : "success",
    profile,
    counts,
    rules: results,
  };
}

function crashed(rule: { id: string; title: string }, err: unknown): RuleResult {
  const message = err instanceof Error ? err.message : String(err);
  return {
    ruleId: rule.id,
    title: rule.title,
    status: "failed",
    summary: "the guardrail crashed while evaluating",
    findings: [
      {
        ruleId: rule.id,
        severity: "error",
        message: `The ${rule.title} guardrail could not evaluate this PR: ${message}`,
        fix: "Re-run the check; if it fails again, report this error to the Guardrails maintainers.",
      },
    ],
  };
}
