import type { Finding, RuleResult, RuleStatus, Verdict } from "../engine/types.js";

/** GitHub limits: 65,535 characters for summary and text, 50 annotations per request. */
const MAX_OUTPUT = 65_000;
export const ANNOTATIONS_PER_REQUEST = 50;

export interface Annotation {
  readonly path: string;
  readonly start_line: number;
  readonly end_line: number;
  readonly annotation_level: "notice" | "warning" | "failure";
  readonly title: string;
  readonly message: string;
}

export interface CheckOutput {
  readonly conclusion: "success" | "failure";
  readonly title: string;
  readonly summary: string;
  readonly text: string;
  /** All annotations; the publisher sends them in batches of 50. */
  readonly annotations: readonly Annotation[];
}

const STATUS_LABEL: Record<RuleStatus, string> = {
  passed: "✅ passed",
  failed: "❌ failed",
  warning: "⚠️ warning",
  skipped: "⏭️ skipped",
};

const plural = (n: number, word: string) => `${n} ${word}${n === 1 ? "" : "s"}`;

export function checkTitle(verdict: Verdict): string {
  const { errors, warnings } = verdict.counts;
  const config = verdict.rules.find((r) => r.ruleId === "config");
  if (config) return `Configuration error: ${config.summary}`;
  const profile = verdict.profile ? ` (profile: ${verdict.profile})` : "";
  if (errors === 0 && warnings === 0) return `All guardrails pass${profile}`;
  const failed = verdict.rules.filter((r) => r.status === "failed").map((r) => r.title);
  const parts = [errors ? plural(errors, "error") : "", warnings ? plural(warnings, "warning") : ""]
    .filter(Boolean)
    .join(", ");
  return `${parts}${failed.length ? ` — ${failed.join(", ")} failed` : ""}${profile}`;
}

function cell(text: string): string {
  return text.replace(/\|/g, "\\|").replace(/\r?\n/g, " ");
}

export function findingLine(f: Finding): string {
  const where = f.path ? ` \`${f.path}${f.line ? `:${f.line}` : ""}\`` : "";
  const fix = f.fix ? ` — ${f.fix}` : "";
  return `${f.message}${where}${fix}`;
}

/** Renders a verdict as the `guardrails` Check Run output. */
export function renderCheck(verdict: Verdict, options: { docsUrl?: string } = {}): CheckOutput {
  const rows = verdict.rules.map(
    (r) => `| ${cell(r.title)} | ${STATUS_LABEL[r.status]} | ${cell(r.summary)} |`,
  );
  const summaryParts = [
    verdict.profile ? `Profile **${verdict.profile}** applied to this pull request.\n` : "",
    "| Guardrail | Result | Details |",
    "| --- | --- | --- |",
    ...rows,
    "",
    options.docsUrl ? `[How to configure Guardrails](${options.docsUrl})` : "",
  ];
  const textParts: string[] = [];
  for (const r of verdict.rules) textParts.push(...ruleSection(r));
  return {
    conclusion: verdict.conclusion,
    title: checkTitle(verdict),
    summary: truncate(summaryParts.join("\n")),
    text: truncate(textParts.join("\n")),
    annotations: annotationsOf(verdict.rules),
  };
}

function ruleSection(r: RuleResult): string[] {
  if (r.findings.length === 0 && !r.details) return [];
  const lines = [`### ${r.title}`, ""];
  for (const f of r.findings) lines.push(`- **${f.severity}**: ${findingLine(f)}`);
  if (r.details) lines.push("", r.details);
  lines.push("");
  return lines;
}

function annotationsOf(rules: readonly RuleResult[]): Annotation[] {
  const level = { error: "failure", warning: "warning", notice: "notice" } as const;
  return rules.flatMap((r) =>
    r.findings
      .filter((f) => f.path)
      .map((f) => ({
        path: f.path!,
        start_line: f.line ?? 1,
        end_line: f.line ?? 1,
        annotation_level: level[f.severity],
        title: `${r.title}: ${f.severity}`,
        message: f.fix ? `${f.message}\n${f.fix}` : f.message,
      })),
  );
}

export function truncate(text: string, max = MAX_OUTPUT): string {
  if (text.length <= max) return text;
  const note = "\n\n… output truncated: see the annotations and the sticky comment for the rest.";
  return text.slice(0, max - note.length) + note;
}

/** The output of a check whose evaluation itself failed: failure, with what to do. */
export function renderEvaluationError(reason: string, hint: string): CheckOutput {
  return {
    conclusion: "failure",
    title: "Guardrails could not evaluate this pull request",
    summary: truncate(`**The evaluation failed**: ${reason}\n\n**What to do**: ${hint}`),
    text: "",
    annotations: [],
  };
}
