import { z } from "zod";
import { firstContentChange } from "../decisions/content.js";
import { type DecisionRow, renderDecisionDetails } from "../decisions/details.js";
import { isRecordFile } from "../decisions/file-name.js";
import { parseDecisionRecord } from "../decisions/parse.js";
import { referencesTo } from "../decisions/references.js";
import { pathNames, recordLabel, recordName, resolveRef } from "../decisions/resolve.js";
import type { DecisionRecord } from "../decisions/types.js";
import { ruleResult, skipped } from "../engine/result.js";
import type { Finding, Rule } from "../engine/types.js";
import { scanMarkdownLines } from "../intent/markdown.js";
import type { ChangedFile, FileContent, PullRequestSnapshot } from "../snapshot/types.js";
import { globMatcher, matchesAny } from "../util/glob.js";

export const decisionsConfigSchema = z.strictObject({
  /** Whether the decision-records guardrail runs. */
  enabled: z.boolean().default(true).describe("Whether the decision-records guardrail runs."),
  /** Directories that hold the decision records, read from the base branch. */
  directories: z
    .array(z.string().min(1))
    .default(["docs/adr", "docs/decisions"])
    .describe("Directories that hold the decision records, read from the base branch."),
  /** Path globs whose changes need the PR to reference an accepted decision record (or add one). */
  require_for: z
    .array(z.string().min(1))
    .default([])
    .describe(
      "Path globs whose changes need the PR to reference an accepted decision record (or add one).",
    ),
});
export type DecisionsConfig = z.infer<typeof decisionsConfigSchema>;

const RULE = "decisions";
/** At most this many governed files get a finding each; the rest are counted in one. */
export const MAX_GOVERNED_FINDINGS = 50;
/** How many accepted records a fix hint suggests for `require_for` paths. */
const SUGGESTIONS = 5;

const RETIRED = new Set(["superseded", "deprecated", "rejected"]);

interface Parsed {
  readonly content: FileContent;
  readonly record: DecisionRecord;
}

interface Governed {
  readonly file: ChangedFile;
  readonly governing: readonly DecisionRecord[];
  /** The `require_for` glob it matches, if any. */
  readonly glob: string | null;
  readonly covered: boolean;
}

const listOf = (items: readonly string[]) =>
  items.length <= 1 ? (items[0] ?? "") : `${items.slice(0, -1).join(", ")} or ${items.at(-1)}`;

const andList = (items: readonly string[]) =>
  items.length <= 1 ? (items[0] ?? "") : `${items.slice(0, -1).join(", ")} and ${items.at(-1)}`;

/** Newest first: by number, then date, then path. */
function newestFirst(a: DecisionRecord, b: DecisionRecord): number {
  if (a.number !== null && b.number !== null && a.number !== b.number) return b.number - a.number;
  if (a.date && b.date && a.date !== b.date) return a.date < b.date ? 1 : -1;
  return a.file.localeCompare(b.file);
}

/** The prose of the PR body (no code blocks, no HTML comments), for literal path mentions. */
function bodyProse(body: string): string {
  return scanMarkdownLines(body)
    .filter((l) => l.kind === "text" && !l.commented)
    .map((l) => l.text)
    .join("\n");
}

function successorsOf(record: DecisionRecord, known: readonly DecisionRecord[]): string[] {
  return record.supersededBy.map((ref) => {
    const found = resolveRef(ref, known).filter((r) => r !== record);
    return found.length > 0 ? found.map(recordName).join(" / ") : ref;
  });
}

function referenceFinding(
  record: DecisionRecord,
  known: readonly DecisionRecord[],
): Finding | null {
  const name = `${recordName(record)} (${record.file})`;
  if (RETIRED.has(record.status)) {
    const successors = successorsOf(record, known);
    const by =
      successors.length > 0
        ? ` ${record.status === "rejected" ? "in favour of" : "by"} ${andList(successors)}`
        : "";
    return {
      ruleId: RULE,
      severity: "error",
      path: record.file,
      message: `The PR description references ${name}, which is ${record.status}${by}.`,
      fix:
        successors.length > 0
          ? `Reference ${listOf(successors)} instead, the decision in force.`
          : "Reference the decision that is in force instead, or add a new decision record that replaces this one.",
    };
  }
  if (record.status === "proposed")
    return {
      ruleId: RULE,
      severity: "warning",
      path: record.file,
      message: `The PR description references ${name}, which is only proposed, not accepted.`,
      fix: "Get the decision accepted (its status set to Accepted) before relying on it, or reference an accepted decision.",
    };
  if (record.status === "unknown")
    return {
      ruleId: RULE,
      severity: "warning",
      path: record.file,
      message: `The PR description references ${name}, whose status cannot be read: ${record.problems[0] ?? "no status"}.`,
      fix: "Give the record one status (e.g. a `## Status` section saying `Accepted`, or `status: accepted` in its front matter).",
    };
  return null;
}

/** Checks the records the PR changes: no rewrite or deletion of an accepted decision. */
function recordChangeFindings(
  snapshot: PullRequestSnapshot,
  baseByPath: ReadonlyMap<string, Parsed>,
  head: readonly Parsed[],
  known: readonly DecisionRecord[],
  inDirs: (path: string) => boolean,
): { findings: Finding[]; rewrites: number } {
  const findings: Finding[] = [];
  let rewrites = 0;
  const changes = new Map(snapshot.files.map((f) => [f.path, f]));
  for (const { content, record } of head) {
    const change = changes.get(content.path);
    const before = baseByPath.get(change?.previousPath ?? content.path);
    if (before?.record.status !== "accepted") continue;
    const diff = firstContentChange(before.content.content, content.content);
    const old = recordName(before.record);
    if (diff) {
      rewrites++;
      findings.push({
        ruleId: RULE,
        severity: "error",
        path: content.path,
        line: diff.line,
        message: `Rewrite of accepted decision: ${content.path} changes what ${old} says, not only its status.`,
        fix: `Revert the edit and record the new decision in a new record that supersedes ${recordLabel(before.record)}; in this file change only the status, to "Superseded by [new record](its-file.md)".`,
      });
    } else if (record.status === "superseded" && record.supersededBy.length === 0) {
      findings.push({
        ruleId: RULE,
        severity: "warning",
        path: content.path,
        message: `${content.path} marks ${old} superseded without naming the record that supersedes it.`,
        fix: 'Write the status as "Superseded by [N. Title](NNNN-title.md)", linking the new record.',
      });
    }
  }
  for (const f of snapshot.files) {
    if (f.status !== "removed" || !inDirs(f.path)) continue;
    const before = baseByPath.get(f.path);
    if (before?.record.status !== "accepted") continue;
    findings.push({
      ruleId: RULE,
      severity: "error",
      path: f.path,
      message: `The PR deletes ${f.path}, accepted decision ${recordName(before.record)}.`,
      fix: "Keep the record: a decision that no longer holds is marked Deprecated or Superseded by a new record, never deleted.",
    });
  }
  // A new record that supersedes an accepted one should mark that one superseded in the same PR.
  const headByPath = new Map(head.map((h) => [h.content.path, h.record]));
  for (const { content, record } of head) {
    for (const ref of record.supersedes) {
      for (const target of resolveRef(ref, known)) {
        if (target.file === content.path) continue;
        const base = baseByPath.get(target.file);
        if (base?.record.status !== "accepted") continue;
        const now = headByPath.get(target.file);
        if (now && now.status !== "accepted") continue;
        findings.push({
          ruleId: RULE,
          severity: "warning",
          path: target.file,
          message: `${recordName(record)} (${content.path}) supersedes ${recordName(base.record)}, which is still marked accepted.`,
          fix: `In this PR, change only the status of ${target.file} to "Superseded by [${recordLabel(record)}](${content.path.slice(content.path.lastIndexOf("/") + 1)})".`,
        });
      }
    }
  }
  return { findings, rewrites };
}

function governedFinding(g: Governed, accepted: readonly DecisionRecord[], dir: string): Finding {
  const f = g.file;
  const what = f.previousPath ? `${f.path} (renamed from ${f.previousPath})` : f.path;
  const add = `or add a new decision record to ${dir} in this PR`;
  if (g.governing.length > 0) {
    const names = g.governing.map(recordName);
    const refs = g.governing.map((r) => `\`${recordLabel(r)}\``);
    return {
      ruleId: RULE,
      severity: "error",
      path: f.path,
      message: `${what} is governed by ${andList(names)}, but the PR description does not reference ${g.governing.length > 1 ? "any of them" : "it"}.`,
      fix: `Reference ${listOf(refs)} in the PR description (or link ${listOf(g.governing.map((r) => r.file))}), ${add}.`,
    };
  }
  const suggestions = [...accepted].sort(newestFirst).slice(0, SUGGESTIONS);
  return {
    ruleId: RULE,
    severity: "error",
    path: f.path,
    message: `${what} matches require_for "${g.glob}", so the PR must reference an accepted decision record, and it references none.`,
    fix:
      suggestions.length > 0
        ? `Reference the accepted decision this change follows in the PR description (for example ${listOf(suggestions.map((r) => `\`${recordLabel(r)}\` ${r.title ? `"${r.title}"` : r.file}`))}), ${add}.`
        : `There is no accepted decision record in ${dir} yet: add one in this PR (see docs/templates/decision-record.md).`,
  };
}

export const decisionsRule: Rule<DecisionsConfig> = {
  id: RULE,
  title: "Decision records",
  triggers: ["pull_request.opened", "pull_request.synchronize", "pull_request.edited", "rerun"],
  evaluate(snapshot, config) {
    if (!config.enabled) return skipped(this, "disabled in config");
    const dirs = config.directories.map((d) => d.replace(/^\.\//, "").replace(/\/+$/, ""));
    const inDirs = (p: string) => dirs.some((d) => d === "" || d === "." || p.startsWith(`${d}/`));
    const isRecord = (p: string) => inDirs(p) && isRecordFile(p);
    const parse = (content: FileContent): Parsed => ({
      content,
      record: parseDecisionRecord(content.content, content.path),
    });
    const base = snapshot.baseFiles.decisions.filter((f) => isRecord(f.path)).map(parse);
    const head = snapshot.headFiles.decisions.filter((f) => isRecord(f.path)).map(parse);
    const baseByPath = new Map(base.map((p) => [p.content.path, p]));
    const known = [
      ...base.map((p) => p.record),
      ...head.filter((h) => !baseByPath.has(h.content.path)).map((h) => h.record),
    ];
    const added = snapshot.files.filter((f) => f.status === "added" && isRecord(f.path));

    // What the PR description references.
    const refs = referencesTo(snapshot.body);
    const referenced = new Set<DecisionRecord>();
    const unresolved: string[] = [];
    for (const n of refs.numbers) {
      const found = known.filter((r) => r.number === n);
      if (found.length === 0) unresolved.push(`ADR-${n}`);
      for (const r of found) referenced.add(r);
    }
    for (const p of refs.paths) {
      const found = known.filter((r) => pathNames(r.file, p));
      if (found.length === 0 && inDirs(p)) unresolved.push(p);
      for (const r of found) referenced.add(r);
    }
    const prose = bodyProse(snapshot.body);
    for (const r of known) if (prose.includes(r.file)) referenced.add(r);

    const findings: Finding[] = [];
    const where = dirs.join(", ");
    for (const ref of unresolved)
      findings.push({
        ruleId: RULE,
        severity: "warning",
        message: `The PR description references ${ref}, but there is no such decision record in ${where}.`,
        fix: "Check the number or path, or add the record in this PR.",
      });

    // (b) References to decisions that are not in force.
    const touched = new Set([
      ...head.map((h) => h.content.path),
      ...snapshot.files.flatMap((f) =>
        f.status === "removed" ? [f.path] : f.previousPath ? [f.previousPath] : [],
      ),
    ]);
    const replacedHere = new Set(
      head.flatMap((h) => h.record.supersedes.flatMap((ref) => resolveRef(ref, known))),
    );
    let retired = 0;
    for (const record of referenced) {
      if (touched.has(record.file) || replacedHere.has(record)) continue;
      const finding = referenceFinding(record, known);
      if (finding) findings.push(finding);
      if (finding?.severity === "error") retired++;
    }

    // (c) Accepted decisions are superseded, not rewritten or deleted.
    const changes = recordChangeFindings(snapshot, baseByPath, head, known, inDirs);
    findings.push(...changes.findings);

    // (a) Changed files governed by decisions need a referenced accepted one (or a new record).
    const accepted = base.map((p) => p.record).filter((r) => r.status === "accepted");
    const governors = accepted.filter((r) => r.governs.length > 0);
    const acceptedReferenced = [...referenced].filter(
      (r) => baseByPath.get(r.file)?.record.status === "accepted",
    );
    const governed: Governed[] = [];
    for (const f of snapshot.files) {
      if (isRecord(f.path)) continue;
      const paths = f.previousPath ? [f.path, f.previousPath] : [f.path];
      const governing = governors.filter((r) => paths.some((p) => matchesAny(p, r.governs)));
      const required = paths.some((p) => matchesAny(p, config.require_for));
      const glob = required
        ? (config.require_for.find(
            (g) => !g.startsWith("!") && paths.some((p) => globMatcher(g)(p)),
          ) ?? null)
        : null;
      if (governing.length === 0 && glob === null) continue;
      const covered =
        added.length > 0 ||
        (governing.length > 0
          ? governing.some((r) => referenced.has(r))
          : acceptedReferenced.length > 0);
      governed.push({ file: f, governing, glob, covered });
    }
    const uncovered = governed.filter((g) => !g.covered);
    for (const g of uncovered.slice(0, MAX_GOVERNED_FINDINGS))
      findings.push(governedFinding(g, accepted, dirs[0] ?? "docs/adr"));
    if (uncovered.length > MAX_GOVERNED_FINDINGS)
      findings.push({
        ruleId: RULE,
        severity: "error",
        message: `${uncovered.length - MAX_GOVERNED_FINDINGS} more governed files have no referenced decision.`,
        fix: "Reference the decisions that govern them in the PR description, or split the PR.",
      });
    if (snapshot.filesTruncated && (config.require_for.length > 0 || governors.length > 0))
      findings.push({
        ruleId: RULE,
        severity: "warning",
        message: `Only the first ${snapshot.files.length} of ${snapshot.changedFilesCount} changed files could be checked against the decision records.`,
        fix: "Split the change into smaller pull requests.",
      });

    // (d) The decisions that matter to this change.
    const rows = new Map<DecisionRecord, { governedFiles: number; referenced: boolean }>();
    for (const g of governed)
      for (const r of g.governing) {
        const row = rows.get(r) ?? { governedFiles: 0, referenced: referenced.has(r) };
        rows.set(r, { ...row, governedFiles: row.governedFiles + 1 });
      }
    for (const r of referenced)
      if (!rows.has(r)) rows.set(r, { governedFiles: 0, referenced: true });
    const table: DecisionRow[] = [...rows.entries()]
      .map(([record, row]) => ({ record, ...row }))
      .sort((a, b) => b.governedFiles - a.governedFiles || newestFirst(b.record, a.record));
    const details = table.length > 0 ? renderDecisionDetails(table) : undefined;

    return ruleResult(
      this,
      summaryOf(governed, uncovered.length, added, changes.rewrites, retired),
      findings,
      details ? { details } : {},
    );
  },
};

function summaryOf(
  governed: readonly Governed[],
  uncovered: number,
  added: readonly ChangedFile[],
  rewrites: number,
  retired: number,
): string {
  const parts: string[] = [];
  const n = governed.length;
  const files = (k: number) => `${k} governed file${k === 1 ? "" : "s"}`;
  if (n === 0) parts.push("no changed file is governed by a decision record");
  else if (uncovered > 0) parts.push(`${files(uncovered)} without a referenced decision`);
  else if (added.length > 0) parts.push(`${files(n)}, covered by new record ${added[0]!.path}`);
  else parts.push(`${files(n)}, covered by the referenced decisions`);
  if (rewrites > 0) parts.push(`${rewrites} accepted decision${rewrites > 1 ? "s" : ""} rewritten`);
  if (retired > 0)
    parts.push(`${retired} reference${retired > 1 ? "s" : ""} to decisions not in force`);
  return parts.join("; ");
}
