import { type ConfigError, formatConfigError } from "../config/load.js";
import { verdictOf } from "./evaluate.js";
import type { Verdict } from "./types.js";

export const CONFIG_RULE_ID = "config";

/**
 * An invalid config is a failing verdict with one "Configuration" result whose findings locate
 * each error — the app and `guardrails check` both show it, nothing crashes.
 */
export function configErrorVerdict(errors: readonly ConfigError[]): Verdict {
  const findings = errors.map((e) => ({
    ruleId: CONFIG_RULE_ID,
    severity: "error" as const,
    message: formatConfigError(e),
    ...(e.file.includes(":") ? {} : { path: e.file }),
    ...(e.line ? { line: e.line } : {}),
    fix: `Fix \`${e.path || "the file"}\` in ${e.file} on the default branch; \`guardrails validate <file>\` checks a config locally.`,
  }));
  return verdictOf(
    [
      {
        ruleId: CONFIG_RULE_ID,
        title: "Configuration",
        status: "failed",
        summary: `invalid config in ${errors[0]?.file ?? "the config file"}: ${errors.length} error${errors.length === 1 ? "" : "s"}`,
        findings,
      },
    ],
    null,
  );
}
