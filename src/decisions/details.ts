import { recordLabel } from "./resolve.js";
import type { DecisionRecord } from "./types.js";

/** One decision that matters to a PR: it governs changed files, or the PR references it. */
export interface DecisionRow {
  readonly record: DecisionRecord;
  /** Changed files its `governs:` globs match. */
  readonly governedFiles: number;
  readonly referenced: boolean;
}

const cell = (text: string) => text.replace(/\|/g, "\\|").replace(/\s+/g, " ").trim();

/** Markdown for the check summary: the decisions that govern the touched paths. */
export function renderDecisionDetails(rows: readonly DecisionRow[]): string {
  const lines = [
    "**Decisions that govern this change**",
    "",
    "| Decision | Title | Status | Changed files it governs | Referenced by the PR |",
    "| --- | --- | --- | --- | --- |",
  ];
  for (const { record, governedFiles, referenced } of rows) {
    lines.push(
      `| ${cell(recordLabel(record))} (\`${cell(record.file)}\`) | ${cell(record.title ?? "(no title)")} | ${record.status} | ${governedFiles} | ${referenced ? "yes" : "no"} |`,
    );
  }
  return lines.join("\n");
}
