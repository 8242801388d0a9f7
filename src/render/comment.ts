import type { Verdict } from "../engine/types.js";
import { checkTitle, findingLine, truncate } from "./check.js";

/** The hidden marker that identifies the one sticky comment. */
export const COMMENT_MARKER = "<!-- guardrails:sticky-comment -->";

/** True when the verdict has something for the author to act on. */
export function needsAction(verdict: Verdict): boolean {
  return verdict.counts.errors > 0 || verdict.counts.warnings > 0;
}

/** The sticky comment: only what needs action, grouped per guardrail, with how to fix it. */
export function renderComment(verdict: Verdict): string {
  if (!needsAction(verdict)) {
    return `${COMMENT_MARKER}\n✅ **Guardrails**: all guardrails pass${verdict.profile ? ` (profile: ${verdict.profile})` : ""}.`;
  }
  const lines = [COMMENT_MARKER, `### Guardrails: ${checkTitle(verdict)}`, ""];
  for (const r of verdict.rules) {
    const actionable = r.findings.filter((f) => f.severity !== "notice");
    if (actionable.length === 0) continue;
    lines.push(`**${r.title}**`);
    const shown = actionable.slice(0, 20);
    for (const f of shown) lines.push(`- ${f.severity === "error" ? "❌" : "⚠️"} ${findingLine(f)}`);
    if (actionable.length > shown.length)
      lines.push(`- … and ${actionable.length - shown.length} more (see the check's annotations)`);
    lines.push("");
  }
  lines.push(
    "<sub>Edited in place on every evaluation. Details are in the `guardrails` check.</sub>",
  );
  return truncate(lines.join("\n"), 60_000);
}
