import { z } from "zod";
import { NEEDS_GITHUB, ruleResult, skipped } from "../engine/result.js";
import type { Finding, Rule } from "../engine/types.js";
import { type IntentBrief, parseIntentBrief, sectionGaps } from "../intent/brief.js";
import { type QuotedBrief, renderBriefDetails } from "../intent/details.js";
import {
  type IntentReference,
  type RepoName,
  scanIntentReferences,
  type UnparsedIntentLine,
} from "../intent/references.js";
import { scopeMatcher } from "../intent/scope.js";
import { SECTION_HEADINGS, SECTION_HINTS, type SectionId } from "../intent/sections.js";
import type { IssueInfo, PullRequestSnapshot } from "../snapshot/types.js";

/** Config names of the brief sections, as written in `required_sections`. */
export const SECTION_CONFIG_NAMES = [
  "impact",
  "constraints",
  "non_goals",
  "acceptance_criteria",
  "scope",
] as const;
type SectionConfigName = (typeof SECTION_CONFIG_NAMES)[number];

const SECTION_OF: Record<SectionConfigName, SectionId> = {
  impact: "impact",
  constraints: "constraints",
  non_goals: "nonGoals",
  acceptance_criteria: "acceptanceCriteria",
  scope: "scope",
};

export const intentConfigSchema = z.strictObject({
  /** Whether the intent guardrail runs (off until a team writes briefs). */
  enabled: z
    .boolean()
    .default(false)
    .describe("Whether the intent guardrail runs (off until a team writes briefs)."),
  /** Whether every PR must name an intent brief (`Intent: #12` or `Intent: path/to/brief.md`). */
  required: z
    .boolean()
    .default(true)
    .describe(
      "Whether every PR must name an intent brief (`Intent: #12` or `Intent: path/to/brief.md`).",
    ),
  /** Label an issue must carry to be an intent brief; null accepts any issue. */
  label: z
    .string()
    .min(1)
    .nullable()
    .default("intent")
    .describe("Label an issue must carry to be an intent brief; null accepts any issue."),
  /** Whether a closed issue is refused as an intent brief. */
  require_open: z
    .boolean()
    .default(true)
    .describe("Whether a closed issue is refused as an intent brief."),
  /** Sections the brief must have, each with real content. */
  required_sections: z
    .array(z.enum(SECTION_CONFIG_NAMES))
    .default([...SECTION_CONFIG_NAMES])
    .describe("Sections the brief must have, each with real content."),
  /** Whether changed files outside the brief's scope globs fail the check. */
  enforce_scope: z
    .boolean()
    .default(false)
    .describe("Whether changed files outside the brief's scope globs fail the check."),
  /** Whether a closing reference (`Closes #12`) to an issue with the label counts as the brief. */
  closing_reference_counts: z
    .boolean()
    .default(true)
    .describe(
      "Whether a closing reference (`Closes #12`) to an issue with the label counts as the brief.",
    ),
});
export type IntentConfig = z.infer<typeof intentConfigSchema>;

type IssueRef = Extract<IntentReference, { kind: "issue" }>;
type FileRef = Extract<IntentReference, { kind: "file" }>;

const RULE = "intent";
/** At most this many out-of-scope files get a finding each; the rest are counted in one. */
export const MAX_SCOPE_FINDINGS = 100;

/** Issues the GitHub layer should read for this PR body: `owner/repo#n` keys. */
export function intentIssueKeys(body: string, repo: RepoName): string[] {
  return scanIntentReferences(body, repo).references.flatMap((r) =>
    r.kind === "issue" ? [r.key] : [],
  );
}

/** Brief files the GitHub layer (or local loader) should read for this PR body. */
export function intentFilePaths(body: string): string[] {
  return scanIntentReferences(body, { owner: "-", name: "-" }).references.flatMap((r) =>
    r.kind === "file" ? [r.path] : [],
  );
}

/** The issue for a key; GitHub owner and repository names are case-insensitive. */
function lookupIssue(
  issues: Readonly<Record<string, IssueInfo>>,
  key: string,
): IssueInfo | undefined {
  const exact = issues[key];
  if (exact) return exact;
  const lower = key.toLowerCase();
  for (const [k, v] of Object.entries(issues)) if (k.toLowerCase() === lower) return v;
  return undefined;
}

const hasLabel = (info: IssueInfo, label: string | null) =>
  label === null || info.labels.some((l) => l.toLowerCase() === label.toLowerCase());

/** How the author would write the reference in the PR body. */
function written(ref: IssueRef, repo: RepoName): string {
  const same =
    ref.owner.toLowerCase() === repo.owner.toLowerCase() &&
    ref.repo.toLowerCase() === repo.name.toLowerCase();
  return same ? `#${ref.number}` : ref.key;
}

const quoteList = (ids: readonly SectionId[]) =>
  ids.map((id) => `"${SECTION_HEADINGS[id]}"`).join(", ");

const ADD_LINE =
  "Add a line `Intent: #<issue>` to the PR description (or `Intent: path/to/brief.md` for a brief file in the repository).";

/** A brief that was read, with how to edit it. */
interface ReadBrief {
  readonly name: string;
  readonly title: string | null;
  readonly brief: IntentBrief;
  /** "Edit acme/app#12" / "Edit docs/intents/x.md" */
  readonly where: string;
  /** Brief file path (exempt from the scope check), if it is a file. */
  readonly path?: string;
}

function sectionFindings(read: ReadBrief, required: readonly SectionId[]): Finding[] {
  const { missing, empty } = sectionGaps(read.brief, required);
  const findings: Finding[] = [];
  if (missing.length > 0) {
    const plural = missing.length > 1 ? "s" : "";
    findings.push({
      ruleId: RULE,
      severity: "error",
      message: `Intent brief ${read.name} is missing the section${plural} ${quoteList(missing)}.`,
      fix: `${read.where} and add ${missing
        .map((id) => `a heading "### ${SECTION_HEADINGS[id]}" with ${SECTION_HINTS[id]}`)
        .join("; ")}.`,
      ...(read.path ? { path: read.path } : {}),
    });
  }
  if (empty.length > 0) {
    const plural = empty.length > 1 ? "s" : "";
    findings.push({
      ruleId: RULE,
      severity: "error",
      message: `Intent brief ${read.name} has the section${plural} ${quoteList(empty)} empty or only a placeholder (such as _No response_ or TBD).`,
      fix: `${read.where} and fill in ${empty
        .map((id) => `"${SECTION_HEADINGS[id]}" with ${SECTION_HINTS[id]}`)
        .join("; ")}.`,
      ...(read.path ? { path: read.path } : {}),
    });
  }
  return findings;
}

function missingReference(
  config: IntentConfig,
  unparsed: readonly UnparsedIntentLine[],
  unlabeled: readonly string[],
): Finding {
  const reasons = ["The PR description names no intent brief."];
  const first = unparsed[0];
  if (first)
    reasons.push(
      `The \`Intent:\` line on line ${first.line} (${first.text ? `"${first.text}"` : "empty"}) names no issue or brief file.`,
    );
  if (unlabeled.length > 0)
    reasons.push(
      `It closes ${unlabeled.join(", ")}, but ${unlabeled.length > 1 ? "they do" : "it does"} not carry the "${config.label}" label, so ${unlabeled.length > 1 ? "they do" : "it does"} not count as the brief.`,
    );
  const labelFix =
    unlabeled.length > 0
      ? ` Or, if ${unlabeled[0]} is the brief, add the "${config.label}" label to it.`
      : "";
  return {
    ruleId: RULE,
    severity: config.required ? "error" : "warning",
    message: reasons.join(" "),
    fix: `${ADD_LINE}${labelFix}`,
  };
}

/** Checks the issue itself (exists, open, labelled); returns the brief when it could be read. */
function checkIssue(
  ref: IssueRef,
  info: IssueInfo | undefined,
  config: IntentConfig,
  repo: RepoName,
  findings: Finding[],
): ReadBrief | null {
  const w = written(ref, repo);
  if (!info?.found) {
    findings.push({
      ruleId: RULE,
      severity: "error",
      message: `Intent issue ${ref.key} was not found, or the app cannot read it.`,
      fix: `Check the number in \`Intent: ${w}\`; an issue in another repository needs the app installed there.`,
    });
    return null;
  }
  if (config.require_open && info.state === "closed")
    findings.push({
      ruleId: RULE,
      severity: "error",
      message: `Intent issue ${ref.key} is closed.`,
      fix: `Reopen ${ref.key} if the work is still wanted, or reference the open brief that replaced it.`,
    });
  if (!hasLabel(info, config.label)) {
    const labels = info.labels.length
      ? `its labels: ${info.labels.join(", ")}`
      : "it has no labels";
    findings.push({
      ruleId: RULE,
      severity: "error",
      message: `Intent issue ${ref.key} does not carry the "${config.label}" label (${labels}).`,
      fix: `Add the "${config.label}" label to ${ref.key} once it is a complete brief, or reference the issue that is.`,
    });
  }
  const brief = parseIntentBrief(info.body);
  return {
    name: ref.key,
    title: info.title || brief.title,
    brief,
    where: `Edit issue ${ref.key}`,
  };
}

function checkFile(
  ref: FileRef,
  snapshot: PullRequestSnapshot,
  findings: Finding[],
): ReadBrief | null {
  const same = (f: { path: string }) => f.path.replace(/^(?:\.\/)+/, "") === ref.path;
  const file =
    snapshot.baseFiles.intentFiles.find(same) ?? snapshot.headFiles.intentFiles.find(same);
  const changed = snapshot.files.some((f) => f.path === ref.path);
  if (!file) {
    findings.push({
      ruleId: RULE,
      severity: "error",
      message: `Intent brief file ${ref.path} was not found on the base branch (${snapshot.base.ref})${changed ? " nor among the files this PR adds" : ""}.`,
      fix: `Check the path in \`Intent: ${ref.path}\` (relative to the repository root), or reference an issue instead.`,
    });
    return null;
  }
  const brief = parseIntentBrief(file.content);
  return {
    name: ref.path,
    title: brief.title,
    brief,
    where: `Edit ${ref.path}`,
    path: ref.path,
  };
}

function scopeFindings(
  briefs: readonly ReadBrief[],
  reported: ReadonlySet<string>,
  snapshot: PullRequestSnapshot,
): Finding[] {
  const findings: Finding[] = [];
  const scoped: ReadBrief[] = [];
  for (const read of briefs) {
    if (read.brief.scope.some((g) => !g.startsWith("!"))) scoped.push(read);
    else if (!reported.has(read.name))
      findings.push({
        ruleId: RULE,
        severity: "error",
        message: `enforce_scope is on, but intent brief ${read.name} declares no scope globs, so the changed files cannot be checked against it.`,
        fix: `${read.where} and add a "### Scope" section listing the paths this change may touch, one glob per line (e.g. \`src/billing/**\`; \`!glob\` excludes).`,
      });
  }
  if (scoped.length === 0) return findings;
  const matchers = scoped.map((b) => scopeMatcher(b.brief.scope));
  const inScope = (p: string) => matchers.some((m) => m(p));
  const exempt = new Set(briefs.flatMap((b) => (b.path ? [b.path] : [])));
  const globs = [...new Set(scoped.flatMap((b) => b.brief.scope))];
  const shown = globs.slice(0, 8).join(", ") + (globs.length > 8 ? ", …" : "");
  const names = scoped.map((b) => b.name).join(", ");
  let outside = 0;
  for (const f of snapshot.files) {
    const paths = [f.path, ...(f.previousPath ? [f.previousPath] : [])];
    const out = paths.filter((p) => !exempt.has(p) && !inScope(p));
    if (out.length === 0) continue;
    outside++;
    if (outside > MAX_SCOPE_FINDINGS) continue;
    const what =
      out.length === 2 || out[0] !== f.path ? `${f.path} (renamed from ${f.previousPath})` : f.path;
    findings.push({
      ruleId: RULE,
      severity: "error",
      path: f.path,
      message: `${what} is outside the scope of intent brief ${names} (${shown}).`,
      fix: "Move this change to another PR with its own brief, or add a glob that covers it to the brief's Scope section.",
    });
  }
  if (outside > MAX_SCOPE_FINDINGS)
    findings.push({
      ruleId: RULE,
      severity: "error",
      message: `${outside - MAX_SCOPE_FINDINGS} more changed files are outside the scope of intent brief ${names}.`,
      fix: "Split the PR along the brief's scope, or widen the Scope section if the brief really covers them.",
    });
  if (snapshot.filesTruncated)
    findings.push({
      ruleId: RULE,
      severity: "warning",
      message: `Only the first ${snapshot.files.length} of ${snapshot.changedFilesCount} changed files could be checked against the scope.`,
      fix: "Split the change into smaller pull requests.",
    });
  return findings;
}

function summaryOf(refs: readonly IntentReference[], findings: readonly Finding[]): string {
  const names = refs.map((r) => (r.kind === "issue" ? r.key : r.path)).join(", ");
  const errors = findings.filter((f) => f.severity === "error").length;
  if (errors > 0) return `${errors} problem${errors > 1 ? "s" : ""} with intent brief ${names}`;
  return `intent brief ${names}: complete`;
}

export const intentRule: Rule<IntentConfig> = {
  id: RULE,
  title: "Intent",
  triggers: [
    "pull_request.opened",
    "pull_request.edited",
    "pull_request.synchronize",
    "issues",
    "rerun",
  ],
  evaluate(snapshot, config) {
    if (!config.enabled) return skipped(this, "disabled in config");
    const repo: RepoName = { owner: snapshot.repo.owner, name: snapshot.repo.name };
    const scan = scanIntentReferences(snapshot.body, repo);
    const issues = snapshot.issues;
    const named = scan.references.filter((r) => r.kind === "file" || r.via === "intent");
    const closing = scan.references.filter(
      (r): r is IssueRef => r.kind === "issue" && r.via === "closing",
    );

    let refs: readonly IntentReference[] = named;
    if (named.length === 0) {
      let unlabeled: string[] = [];
      if (config.closing_reference_counts && closing.length > 0) {
        if (issues === null)
          return skipped(
            this,
            `${NEEDS_GITHUB}: whether ${closing.map((r) => r.key).join(", ")} ${config.label === null ? "exists" : `carries the "${config.label}" label`} is read from GitHub`,
          );
        refs = closing.filter((r) => {
          const info = lookupIssue(issues, r.key);
          return info?.found === true && hasLabel(info, config.label);
        });
        unlabeled = closing
          .filter((r) => lookupIssue(issues, r.key)?.found === true && !refs.includes(r))
          .map((r) => r.key);
      }
      if (refs.length === 0) {
        if (!config.required && scan.unparsed.length === 0)
          return ruleResult(this, "no intent brief referenced (not required)", []);
        const finding = missingReference(config, scan.unparsed, unlabeled);
        return ruleResult(this, "no intent brief referenced", [finding]);
      }
    }

    const issueRefs = refs.filter((r): r is IssueRef => r.kind === "issue");
    const fileRefs = refs.filter((r): r is FileRef => r.kind === "file");
    if (issues === null && fileRefs.length === 0)
      return skipped(
        this,
        `${NEEDS_GITHUB}: intent issue ${issueRefs.map((r) => r.key).join(", ")} is read from GitHub`,
      );

    const findings: Finding[] = [];
    const briefs: ReadBrief[] = [];
    for (const ref of issueRefs) {
      if (issues === null) {
        findings.push({
          ruleId: RULE,
          severity: "notice",
          message: `Intent issue ${ref.key} was not checked: issues are read from GitHub, and this is a local run.`,
          fix: "Let the GitHub check verify it, or reference a brief file in the repository.",
        });
        continue;
      }
      const read = checkIssue(ref, lookupIssue(issues, ref.key), config, repo, findings);
      if (read) briefs.push(read);
    }
    for (const ref of fileRefs) {
      const read = checkFile(ref, snapshot, findings);
      if (read) briefs.push(read);
    }

    const required = [...new Set(config.required_sections.map((s) => SECTION_OF[s]))];
    const reportedScope = new Set<string>();
    for (const read of briefs) {
      const gaps = sectionGaps(read.brief, required);
      if (gaps.missing.includes("scope") || gaps.empty.includes("scope"))
        reportedScope.add(read.name);
      findings.push(...sectionFindings(read, required));
    }

    if (config.enforce_scope) {
      if (issues === null && issueRefs.length > 0)
        findings.push({
          ruleId: RULE,
          severity: "notice",
          message: "The scope was not checked: part of the brief is an issue, read only on GitHub.",
          fix: "Let the GitHub check verify the scope.",
        });
      else findings.push(...scopeFindings(briefs, reportedScope, snapshot));
    }

    const quoted: QuotedBrief[] = briefs.map(({ name, title, brief }) => ({ name, title, brief }));
    const details = quoted.length > 0 ? renderBriefDetails(quoted) : undefined;
    return ruleResult(this, summaryOf(refs, findings), findings, details ? { details } : {});
  },
};
