/**
 * The pull request snapshot: the contract between the GitHub (or local git) layer and the pure
 * engine. Plain JSON, readonly, serialisable — it can be saved and replayed by the CLI and tests.
 */

export type FileStatus =
  | "added"
  | "removed"
  | "modified"
  | "renamed"
  | "copied"
  | "changed"
  | "unchanged";

export interface ChangedFile {
  readonly path: string;
  readonly status: FileStatus;
  readonly additions: number;
  readonly deletions: number;
  /** Previous path of a renamed or copied file. */
  readonly previousPath?: string;
}

/** A file's text as read from a ref (base branch, or PR head for files the PR changes). */
export interface FileContent {
  readonly path: string;
  readonly content: string;
  /** Git blob SHA when known; used as an immutable cache key. */
  readonly sha?: string;
}

export interface Review {
  readonly login: string;
  /** APPROVED | CHANGES_REQUESTED | COMMENTED | DISMISSED | PENDING */
  readonly state: string;
  readonly commitId: string | null;
  readonly submittedAt: string | null;
}

/** An issue referenced by the PR (intent brief). */
export interface IssueInfo {
  /** `owner/repo#number` */
  readonly ref: string;
  readonly found: boolean;
  readonly title: string;
  readonly body: string;
  readonly state: "open" | "closed";
  readonly labels: readonly string[];
}

export interface PullRequestSnapshot {
  readonly version: 1;
  /** Where the snapshot came from: the GitHub App, or a local git checkout (`guardrails check`). */
  readonly source: "github" | "local";
  readonly repo: { readonly owner: string; readonly name: string; readonly defaultBranch: string };
  readonly number: number;
  readonly title: string;
  readonly body: string;
  readonly author: { readonly login: string; readonly type: "User" | "Bot" | "Organization" };
  readonly labels: readonly string[];
  readonly draft: boolean;
  readonly createdAt: string | null;
  readonly base: { readonly ref: string; readonly sha: string };
  readonly head: { readonly ref: string; readonly sha: string };
  /** Changed files, all pages, up to GitHub's 3,000-file limit. */
  readonly files: readonly ChangedFile[];
  /** True when the PR has more changed files than could be listed (GitHub stops at 3,000). */
  readonly filesTruncated: boolean;
  /** Total changed files as GitHub reports it (may exceed files.length). */
  readonly changedFilesCount: number;
  /** Files read from the base branch that rules need (null when absent). */
  readonly baseFiles: {
    readonly gitattributes: FileContent | null;
    readonly codeowners: FileContent | null;
    /** Problems met while choosing/reading CODEOWNERS (e.g. over 3 MB). */
    readonly codeownersProblems?: readonly string[];
    /** Decision records in the configured directories. */
    readonly decisions: readonly FileContent[];
    /** Intent brief files named by the PR body, read from the base branch. */
    readonly intentFiles: readonly FileContent[];
  };
  /** Files the PR changes, read from the head (only those rules need, e.g. decision records). */
  readonly headFiles: {
    readonly decisions: readonly FileContent[];
    readonly intentFiles: readonly FileContent[];
  };
  /** Reviews on the PR, or null when not available (local mode). */
  readonly reviews: readonly Review[] | null;
  /** Team slug (`org/team`) → member logins, for the teams rules ask about; null when unavailable. */
  readonly teams: Readonly<Record<string, readonly string[]>> | null;
  /** Currently requested reviewers on this PR; null when unavailable. */
  readonly requestedReviewers: {
    readonly users: readonly string[];
    readonly teams: readonly string[];
  } | null;
  /** Reviewers that a person removed from this PR (never re-request them). */
  readonly removedReviewers: readonly string[];
  /** login → number of pending review requests on open PRs of the repository; null when unavailable. */
  readonly reviewLoad: Readonly<Record<string, number>> | null;
  /** Issues referenced as intent briefs; null when unavailable (local mode). */
  readonly issues: Readonly<Record<string, IssueInfo>> | null;
  /** Commit messages on the PR (oldest first), when known. */
  readonly commitMessages: readonly string[];
}
