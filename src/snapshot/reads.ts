import type { RulesConfig } from "../config/schema.js";
import { findIntentReferences } from "../intent/references.js";
import type { ChangedFile } from "./types.js";

/** Where GitHub looks for CODEOWNERS, in order; the first that exists wins. */
export const CODEOWNERS_CANDIDATES = [".github/CODEOWNERS", "CODEOWNERS", "docs/CODEOWNERS"];

/** What an evaluation must read besides the PR itself; shared by the app and `guardrails check`. */
export interface ReadPlan {
  /** CODEOWNERS candidates on the base, in GitHub's order. */
  readonly codeowners: readonly string[];
  /** `.gitattributes` on the base, for linguist-generated. */
  readonly gitattributes: string;
  /** Directories of decision records on the base. */
  readonly decisionDirectories: readonly string[];
  /** Decision records the PR adds or modifies: read at the head. */
  readonly headDecisionFiles: readonly string[];
  /** Intent brief files named in the PR body: read at the base (and at the head if the PR adds them). */
  readonly intentFiles: readonly string[];
  /** Issues named as intent briefs, `owner/repo#n`. */
  readonly intentIssues: readonly string[];
}

export function decisionDirectories(rules: RulesConfig): readonly string[] {
  const section = (rules as { decisions?: { enabled: boolean; directories: string[] } }).decisions;
  return section?.enabled ? section.directories : [];
}

/** Plans the reads from the PR body, its changed files and the rules in force. */
export function planReads(input: {
  readonly body: string;
  readonly repo: { readonly owner: string; readonly name: string };
  readonly files: readonly ChangedFile[];
  readonly rules: RulesConfig;
}): ReadPlan {
  const dirs = decisionDirectories(input.rules).map((d) => d.replace(/\/+$/, ""));
  const inDir = (path: string) => dirs.some((d) => path.startsWith(`${d}/`));
  const refs = findIntentReferences(input.body, input.repo);
  return {
    codeowners: CODEOWNERS_CANDIDATES,
    gitattributes: ".gitattributes",
    decisionDirectories: dirs,
    headDecisionFiles: input.files
      .filter((f) => f.status !== "removed" && inDir(f.path) && f.path.endsWith(".md"))
      .map((f) => f.path),
    intentFiles: [...new Set(refs.flatMap((r) => (r.kind === "file" ? [r.path] : [])))],
    intentIssues: [...new Set(refs.flatMap((r) => (r.kind === "issue" ? [r.key] : [])))],
  };
}
