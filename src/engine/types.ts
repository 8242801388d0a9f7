import type { PullRequestSnapshot } from "../snapshot/types.js";

export type Severity = "error" | "warning" | "notice";

/** A finding explains itself: which rule, how bad, where, and how to fix it. */
export interface Finding {
  readonly ruleId: string;
  readonly severity: Severity;
  readonly message: string;
  readonly path?: string;
  readonly line?: number;
  readonly fix?: string;
}

export type RuleStatus = "passed" | "failed" | "warning" | "skipped";

/** Side effects a rule wants on the PR; the GitHub layer applies them as a diff. */
export interface RuleActions {
  /** Labels: `desired` should be present; any label in `managed` not in `desired` is removed. */
  readonly labels?: { readonly desired: readonly string[]; readonly managed: readonly string[] };
  /** Reviewers to request (never the author, never someone a person removed). */
  readonly reviewRequests?: {
    readonly users: readonly string[];
    readonly teams: readonly string[];
  };
}

export interface RuleResult {
  readonly ruleId: string;
  readonly title: string;
  readonly status: RuleStatus;
  /** One line for the summary table ("412 changed lines, limit 400"). */
  readonly summary: string;
  readonly findings: readonly Finding[];
  /** Extra markdown for the check summary (e.g. the intent brief quoted). */
  readonly details?: string;
  readonly actions?: RuleActions;
}

/** Events a rule can be affected by; events no enabled rule listens to are cheap no-ops. */
export type Trigger =
  | "pull_request.opened"
  | "pull_request.synchronize"
  | "pull_request.edited"
  | "pull_request.labeled"
  | "pull_request.draft"
  | "pull_request_review"
  | "review_request"
  | "issues"
  | "rerun";

export interface RuleContext {
  /** Resolve an `owner/repo#n` key for the issues map, and similar helpers can go here. */
  readonly now: Date;
}

export interface Rule<C> {
  readonly id: string;
  readonly title: string;
  readonly triggers: readonly Trigger[];
  /** Labels the rule reads: a labeled/unlabeled event with another label cannot change it. */
  readonly labelsRead?: (config: C) => readonly string[];
  evaluate(snapshot: PullRequestSnapshot, config: C, ctx: RuleContext): RuleResult;
}

export interface Verdict {
  readonly conclusion: "success" | "failure";
  /** Name of the profile that applied, if any. */
  readonly profile: string | null;
  readonly counts: { readonly errors: number; readonly warnings: number; readonly notices: number };
  readonly rules: readonly RuleResult[];
}
