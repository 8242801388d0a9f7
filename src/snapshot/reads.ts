import { CONFIG_PATH } from "../config/load.js";
import type { RulesConfig } from "../config/schema.js";
import { findIntentReferences } from "../intent/references.js";
import type { ChangedFile } from "./types.js";

/** Where GitHub looks for CODEOWNERS, in order; the first that exists wins. */
export const CODEOWNERS_CANDIDATES = [".github/CODEOWNERS", "CODEOWNERS", "docs/CODEOWNERS"];

/** What an evaluation must read besides the PR itself; shared by the app and `guardrails check`. */
export interface ReadPlan {
  /** CODEOWNERS candidates on the base, in GitHub's order (empty when not needed). */
  readonly codeowners: readonly string[];
  /** `.gitattributes` on the base, for linguist-generated ("" when not needed). */
  readonly gitattributes: string;
  /** Directories of decision records on the base. */
  readonly decisionDirectories: readonly string[];
  /** Decision records the PR adds or modifies: read at the head. */
  readonly headDecisionFiles: readonly string[];
  /** Intent brief files named in the PR body: read at the base (and at the head if the PR adds them). */
  readonly intentFiles: readonly string[];
  /** Issues named as intent briefs, `owner/repo#n`. */
  readonly intentIssues: readonly string[];
  /** The config file at the head when the PR changes it ("" otherwise): previewed, not applied. */
  readonly headConfig: string;
  readonly needs: Needs;
}

/** Which data the rules in force need, so disabled rules cost no reads. */
export interface Needs {
  readonly codeowners: boolean;
  readonly gitattributes: boolean;
  /** Reviews and team members: owner approvals. */
  readonly approvals: boolean;
  /** Requested/removed reviewers and review load: review requests. */
  readonly reviewRequests: boolean;
  readonly intent: boolean;
  readonly decisionDirectories: readonly string[];
}

export function needsOf(rules: RulesConfig): Needs {
  const { size, ownership, intent, decisions } = rules;
  return {
    codeowners: ownership.enabled,
    gitattributes: size.enabled && size.ignore_generated,
    approvals: ownership.enabled && ownership.require_owner_approval,
    reviewRequests:
      ownership.enabled && ownership.require_owner_approval && ownership.request_reviews.enabled,
    intent: intent.enabled,
    decisionDirectories: decisions.enabled
      ? decisions.directories.map((d) => d.replace(/\/+$/, ""))
      : [],
  };
}

/** Plans the reads from the PR body, its changed files and the rules in force. */
export function planReads(input: {
  readonly body: string;
  readonly repo: { readonly owner: string; readonly name: string };
  readonly files: readonly ChangedFile[];
  readonly rules: RulesConfig;
}): ReadPlan {
  const needs = needsOf(input.rules);
  const dirs = needs.decisionDirectories;
  const inDir = (path: string) => dirs.some((d) => path.startsWith(`${d}/`));
  const refs = needs.intent ? findIntentReferences(input.body, input.repo) : [];
  return {
    needs,
    codeowners: needs.codeowners ? CODEOWNERS_CANDIDATES : [],
    gitattributes: needs.gitattributes ? ".gitattributes" : "",
    decisionDirectories: dirs,
    headDecisionFiles: input.files
      .filter((f) => f.status !== "removed" && inDir(f.path) && f.path.endsWith(".md"))
      .map((f) => f.path),
    headConfig: input.files.some((f) => f.path === CONFIG_PATH && f.status !== "removed")
      ? CONFIG_PATH
      : "",
    intentFiles: [...new Set(refs.flatMap((r) => (r.kind === "file" ? [r.path] : [])))],
    intentIssues: [...new Set(refs.flatMap((r) => (r.kind === "issue" ? [r.key] : [])))],
  };
}
