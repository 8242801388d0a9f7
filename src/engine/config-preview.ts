import { formatConfigError, parseConfigText } from "../config/load.js";
import type { FileContent } from "../snapshot/types.js";
import { ruleResult } from "./result.js";
import type { RuleResult } from "./types.js";

const PREVIEW = { id: "config-change", title: "Config change" };

/**
 * A PR that changes the Guardrails config is judged by the base's config; the new config is
 * validated and previewed here, never applied. Errors in it fail the check (merging it would
 * break every PR's check), located on the file.
 */
export function previewConfigChange(file: FileContent | null): RuleResult | null {
  if (!file) return null;
  const result = parseConfigText(file.content, file.path);
  if (result.ok) {
    const profiles = result.config.profiles.map((p) => p.name);
    return ruleResult(
      PREVIEW,
      `the new ${file.path} is valid; it applies once merged${profiles.length ? ` (profiles: ${profiles.join(", ")})` : ""}`,
      [],
    );
  }
  return ruleResult(
    PREVIEW,
    `the new ${file.path} is invalid: ${result.errors.length} error${result.errors.length === 1 ? "" : "s"}`,
    result.errors.map((e) => ({
      ruleId: PREVIEW.id,
      severity: "error" as const,
      message: formatConfigError(e),
      path: file.path,
      ...(e.line ? { line: e.line } : {}),
      fix: "Fix the config in this PR; `guardrails validate <file>` checks it locally.",
    })),
  );
}
