import { z } from "zod";
import { areaApproval, latestReviewStates } from "../codeowners/approvals.js";
import {
  describePath,
  groupByOwners,
  type OwnedPath,
  type OwnerArea,
  ownedPaths,
} from "../codeowners/areas.js";
import { type AreaRow, renderOwnershipDetails } from "../codeowners/details.js";
import { CODEOWNERS_LOCATIONS } from "../codeowners/locations.js";
import { compileCodeowners } from "../codeowners/matcher.js";
import { ownerKind } from "../codeowners/owners.js";
import type { CodeownersMatcher } from "../codeowners/types.js";
import { NEEDS_GITHUB, ruleResult, skipped, statusOf } from "../engine/result.js";
import type { Finding, Rule, RuleActions, RuleResult, Severity } from "../engine/types.js";
import type { PullRequestSnapshot } from "../snapshot/types.js";
import { selectReviewers } from "./reviewers.js";

export const ownershipConfigSchema = z.strictObject({
  /** Whether the ownership guardrail runs. */
  enabled: z.boolean().default(true).describe("Whether the ownership guardrail runs."),
  /** Severity of a finding for each changed file that no CODEOWNERS line gives an owner, or `off`. */
  unowned_files: z
    .enum(["off", "warning", "error"])
    .default("warning")
    .describe(
      "Severity of a finding for each changed file that no CODEOWNERS line gives an owner, or `off`.",
    ),
  /** Whether every touched area needs an approval of the current head from one of its code owners. */
  require_owner_approval: z
    .boolean()
    .default(false)
    .describe(
      "Whether every touched area needs an approval of the current head from one of its code owners.",
    ),
  /** Review requests to code owners of areas still waiting for an approval. */
  request_reviews: z
    .strictObject({
      /** Whether to request reviews from code owners. */
      enabled: z.boolean().default(true).describe("Whether to request reviews from code owners."),
      /** Reviewers to request per area (owner set) that still needs an approval. */
      count: z
        .number()
        .int()
        .positive()
        .default(1)
        .describe("Reviewers to request per area (owner set) that still needs an approval."),
      /** `least-loaded`: fewest pending review requests first; `random`: seeded by the PR number. */
      strategy: z
        .enum(["least-loaded", "random"])
        .default("least-loaded")
        .describe(
          "`least-loaded`: fewest pending review requests first; `random`: seeded by the PR number.",
        ),
      /** People with this many pending review requests or more are not requested. */
      max_pending_reviews: z
        .number()
        .int()
        .positive()
        .default(10)
        .describe("People with this many pending review requests or more are not requested."),
      /** Logins (or `org/team`) never requested, e.g. people on leave. */
      unavailable: z
        .array(z.string().min(1))
        .default([])
        .describe("Logins (or `org/team`) never requested, e.g. people on leave."),
      /** Request team owners as teams; when false, a member of the team is requested instead. */
      request_teams: z
        .boolean()
        .default(false)
        .describe(
          "Request team owners as teams; when false, a member of the team is requested instead.",
        ),
    })
    .prefault({})
    .describe("Review requests to code owners of areas still waiting for an approval."),
});
export type OwnershipConfig = z.infer<typeof ownershipConfigSchema>;

const RULE = "ownership";
/** At most this many files get a finding each per kind; the rest are counted in one finding. */
export const MAX_FILE_FINDINGS = 100;

const plural = (n: number, word: string) => `${n} ${word}${n === 1 ? "" : "s"}`;

/** Per-file findings, capped: past the cap one finding counts the rest. */
function capped(findings: Finding[], what: string, severity: Severity, fix: string): Finding[] {
  if (findings.length <= MAX_FILE_FINDINGS) return findings;
  const rest = findings.length - MAX_FILE_FINDINGS;
  return [
    ...findings.slice(0, MAX_FILE_FINDINGS),
    { ruleId: RULE, severity, message: `${plural(rest, "more file")} ${what}.`, fix },
  ];
}

function problemFindings(
  snapshot: PullRequestSnapshot,
  matcher: CodeownersMatcher | null,
): Finding[] {
  const file = snapshot.baseFiles.codeowners?.path;
  const out: Finding[] = snapshot.baseFiles.codeownersProblems.map((message) => ({
    ruleId: RULE,
    severity: "notice" as const,
    message,
    ...(file ? { path: file } : {}),
    fix: "Fix the CODEOWNERS file on the base branch.",
  }));
  for (const p of matcher?.problems ?? []) {
    out.push({
      ruleId: RULE,
      severity: "notice",
      message: `${file}${p.line > 0 ? ` line ${p.line}` : ""}: ${p.message}`,
      ...(file ? { path: file } : {}),
      ...(p.line > 0 ? { line: p.line } : {}),
      fix:
        p.line > 0
          ? "Fix the line or remove it (GitHub ignores it as well)."
          : "Shrink the file below 3 MB, e.g. with wildcard patterns instead of one line per file.",
    });
  }
  return out;
}

function noCodeowners(rule: Rule<OwnershipConfig>, s: PullRequestSnapshot, c: OwnershipConfig) {
  const severity: Severity =
    c.unowned_files !== "off" ? c.unowned_files : c.require_owner_approval ? "warning" : "notice";
  const finding: Finding = {
    ruleId: RULE,
    severity,
    message: `No CODEOWNERS file on the base branch \`${s.base.ref}\` (looked for ${CODEOWNERS_LOCATIONS.join(", ")}), so no changed file has a code owner${c.require_owner_approval ? " and no owner approval can be required" : ""}.`,
    fix: `Add a CODEOWNERS file at .github/CODEOWNERS on \`${s.base.ref}\`, or set \`rules.ownership.enabled: false\`.`,
  };
  return ruleResult(rule, "no CODEOWNERS file on the base branch", [
    ...problemFindings(s, null),
    finding,
  ]);
}

function unownedFindings(
  unowned: readonly OwnedPath[],
  codeownersPath: string,
  matcher: CodeownersMatcher,
  severity: Severity,
): Finding[] {
  const fix = `Add a line with an owner for these paths to \`${codeownersPath}\` on the base branch, or set \`rules.ownership.unowned_files: off\`.`;
  const findings = unowned.map((p): Finding => {
    const rule = p.line === null ? undefined : matcher.rules.find((r) => r.line === p.line);
    const why = rule
      ? `line ${rule.line} of \`${codeownersPath}\` (\`${rule.pattern}\`) matches it last and lists no owners`
      : `no line of \`${codeownersPath}\` matches it`;
    return {
      ruleId: RULE,
      severity,
      message: `${describePath(p)} has no code owner: ${why}.`,
      path: p.file.path,
      fix: `Add a line with an owner for \`${p.path}\` (or its directory) to \`${codeownersPath}\` on the base branch.`,
    };
  });
  return capped(findings, "have no code owner", severity, fix);
}

/** Who could be asked, for a fix line: users and team members, not emails, not the author. */
function askable(owners: readonly string[], author: string): string[] {
  return owners.flatMap((o) => {
    const kind = ownerKind(o);
    if (kind === "team") return [`a member of ${o}`];
    return kind === "user" && o.slice(1).toLowerCase() !== author.toLowerCase() ? [o] : [];
  });
}

interface ApprovalOutcome {
  readonly findings: Finding[];
  readonly rows: Map<string, string>;
  readonly pending: OwnerArea[];
  readonly approved: number;
}

function approvals(
  snapshot: PullRequestSnapshot,
  areas: readonly OwnerArea[],
  codeownersPath: string,
  reviews: NonNullable<PullRequestSnapshot["reviews"]>,
  teams: NonNullable<PullRequestSnapshot["teams"]>,
): ApprovalOutcome {
  const ctx = {
    author: snapshot.author.login,
    headSha: snapshot.head.sha,
    teams,
    states: latestReviewStates(reviews),
  };
  const findings: Finding[] = [];
  const rows = new Map<string, string>();
  const pending: OwnerArea[] = [];
  let approved = 0;
  for (const area of areas) {
    const result = areaApproval(area.owners, ctx);
    if (result.approvedBy.length) {
      approved++;
      rows.set(area.key, `✅ approved by ${result.approvedBy.map((l) => `@${l}`).join(", ")}`);
      continue;
    }
    pending.push(area);
    rows.set(area.key, `⏳ pending${result.notes.length ? ` (${result.notes.join("; ")})` : ""}`);
    const who = askable(area.owners, snapshot.author.login);
    const fix = result.approvable
      ? `Ask ${who.join(" or ")} to review and approve the latest commit.`
      : `No one can approve this area: add a GitHub user or team as its owner in \`${codeownersPath}\` on the base branch.`;
    for (const p of area.paths) {
      findings.push({
        ruleId: RULE,
        severity: "error",
        message: `${describePath(p)} needs an approval of the current head from a code owner (${area.owners.join(", ")}; \`${codeownersPath}\` line ${p.line})${result.notes.length ? `: ${result.notes.join("; ")}` : ""}.`,
        path: p.file.path,
        fix,
      });
    }
  }
  const fix = "Ask a code owner of each area to review and approve the latest commit.";
  return {
    findings: capped(findings, "need a code owner's approval", "error", fix),
    rows,
    pending,
    approved,
  };
}

export const ownershipRule: Rule<OwnershipConfig> = {
  id: RULE,
  title: "Ownership",
  triggers: [
    "pull_request.opened",
    "pull_request.synchronize",
    "pull_request.edited",
    "pull_request.draft",
    "pull_request_review",
    "review_request",
    "rerun",
  ],
  evaluate(snapshot, config): RuleResult {
    if (!config.enabled) return skipped(this, "disabled in config");
    const codeowners = snapshot.baseFiles.codeowners;
    if (!codeowners) return noCodeowners(this, snapshot, config);

    const matcher = compileCodeowners(codeowners.content, codeowners.sha);
    const findings = problemFindings(snapshot, matcher);
    const paths = ownedPaths(matcher, snapshot.files);
    const unowned = paths.filter((p) => !p.owners.length);
    if (config.unowned_files !== "off")
      findings.push(...unownedFindings(unowned, codeowners.path, matcher, config.unowned_files));
    if (snapshot.filesTruncated)
      findings.push({
        ruleId: RULE,
        severity: config.require_owner_approval ? "error" : "warning",
        message: `${snapshot.changedFilesCount} changed files: GitHub lists only the first ${snapshot.files.length}, so the owners of the rest are unknown.`,
        fix: "Split the change into smaller pull requests.",
      });

    const areas = groupByOwners(paths);
    const notes: string[] = [];
    const parts = [
      `${plural(paths.length - unowned.length, "path")} owned in ${plural(areas.length, "area")}`,
      ...(unowned.length ? [`${unowned.length} unowned`] : []),
    ];
    let rowStatus: (area: OwnerArea) => string = () => "not required";
    let actions: RuleActions | undefined;
    let approvalSkipped = false;

    if (config.require_owner_approval) {
      const { reviews, teams } = snapshot;
      if (reviews === null || teams === null) {
        approvalSkipped = true;
        rowStatus = () => "unknown (needs GitHub)";
        parts.push(`${NEEDS_GITHUB}: owner approvals are read from GitHub reviews and teams`);
      } else {
        const outcome = approvals(snapshot, areas, codeowners.path, reviews, teams);
        findings.push(...outcome.findings);
        rowStatus = (area) => outcome.rows.get(area.key) ?? "";
        parts.push(`${outcome.approved} of ${plural(areas.length, "area")} approved`);
        if (config.request_reviews.enabled && snapshot.requestedReviewers !== null) {
          const picked = selectReviewers({
            snapshot,
            areas: outcome.pending,
            options: config.request_reviews,
          });
          notes.push(...picked.notes.map((n) => `Review requests: ${n}.`));
          if (picked.users.length || picked.teams.length) {
            actions = { reviewRequests: { users: picked.users, teams: picked.teams } };
            const names = [
              ...picked.users.map((u) => `@${u}`),
              ...picked.teams.map((t) => `team ${t}`),
            ];
            notes.push(`Requesting reviews from ${names.join(", ")}.`);
          }
        }
      }
    }

    const rows: AreaRow[] = areas.map((area) => ({
      owners: area.owners,
      files: area.paths.length,
      approval: rowStatus(area),
    }));
    if (unowned.length) rows.push({ owners: [], files: unowned.length, approval: "—" });
    const details = renderOwnershipDetails(codeowners.path, rows, notes);
    const result = ruleResult(this, parts.join("; "), findings, {
      details,
      ...(actions ? { actions } : {}),
    });
    return approvalSkipped && statusOf(findings) === "passed"
      ? { ...result, status: "skipped" }
      : result;
  },
};
