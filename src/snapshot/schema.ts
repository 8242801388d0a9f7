import { z } from "zod";

/**
 * The snapshot as a schema: the app and `guardrails check` build it, `guardrails evaluate`
 * reads it from a JSON file. Only `files` is required; everything else has a default, so a
 * hand-written snapshot stays short. See docs/snapshot.md.
 */

export const fileStatusSchema = z.enum([
  "added",
  "removed",
  "modified",
  "renamed",
  "copied",
  "changed",
  "unchanged",
]);

export const changedFileSchema = z.strictObject({
  path: z.string().min(1),
  status: fileStatusSchema.default("modified"),
  additions: z.number().int().nonnegative().default(0),
  deletions: z.number().int().nonnegative().default(0),
  /** Previous path of a renamed or copied file. */
  previousPath: z.string().optional(),
});

/** A file's text as read from a ref (base branch, or PR head for files the PR changes). */
export const fileContentSchema = z.strictObject({
  path: z.string(),
  content: z.string(),
  /** Git blob SHA when known; an immutable cache key. */
  sha: z.string().optional(),
});

export const reviewSchema = z.strictObject({
  login: z.string(),
  /** APPROVED | CHANGES_REQUESTED | COMMENTED | DISMISSED | PENDING */
  state: z.string(),
  commitId: z.string().nullable().default(null),
  submittedAt: z.string().nullable().default(null),
});

/** An issue referenced by the PR as its intent brief. */
export const issueInfoSchema = z.strictObject({
  /** `owner/repo#number` */
  ref: z.string(),
  found: z.boolean().default(true),
  title: z.string().default(""),
  body: z.string().default(""),
  state: z.enum(["open", "closed"]).default("open"),
  labels: z.array(z.string()).default([]),
});

const sha = z.string().default("0".repeat(40));

export const snapshotSchema = z.strictObject({
  version: z.literal(1).default(1),
  /** Where the snapshot came from: the GitHub App, or a local git checkout. */
  source: z.enum(["github", "local"]).default("github"),
  repo: z
    .strictObject({
      owner: z.string().default("owner"),
      name: z.string().default("repo"),
      defaultBranch: z.string().default("main"),
    })
    .prefault({}),
  number: z.number().int().nonnegative().default(0),
  title: z.string().default(""),
  body: z.string().default(""),
  author: z
    .strictObject({
      login: z.string().default("unknown"),
      type: z.enum(["User", "Bot", "Organization"]).default("User"),
    })
    .prefault({}),
  labels: z.array(z.string()).default([]),
  draft: z.boolean().default(false),
  createdAt: z.string().nullable().default(null),
  base: z.strictObject({ ref: z.string().default("main"), sha }).prefault({}),
  head: z.strictObject({ ref: z.string().default("HEAD"), sha }).prefault({}),
  /** Changed files, all pages, up to GitHub's 3,000-file limit. */
  files: z.array(changedFileSchema),
  /** True when the PR has more changed files than could be listed (GitHub stops at 3,000). */
  filesTruncated: z.boolean().default(false),
  /** Total changed files as GitHub reports it (may exceed files.length); 0 means files.length. */
  changedFilesCount: z.number().int().nonnegative().default(0),
  /** Files read from the base branch that rules need (null when absent). */
  baseFiles: z
    .strictObject({
      gitattributes: fileContentSchema.nullable().default(null),
      codeowners: fileContentSchema.nullable().default(null),
      /** Problems met while choosing or reading CODEOWNERS (e.g. over 3 MB). */
      codeownersProblems: z.array(z.string()).default([]),
      /** Decision records in the configured directories. */
      decisions: z.array(fileContentSchema).default([]),
      /** Intent brief files named by the PR body. */
      intentFiles: z.array(fileContentSchema).default([]),
    })
    .prefault({}),
  /** Files the PR changes, read at the head (decision records, intent briefs it adds). */
  headFiles: z
    .strictObject({
      /** The Guardrails config as the PR changes it: validated and previewed, never applied. */
      config: fileContentSchema.nullable().default(null),
      decisions: z.array(fileContentSchema).default([]),
      intentFiles: z.array(fileContentSchema).default([]),
    })
    .prefault({}),
  /** Reviews on the PR; null when unavailable (local runs). */
  reviews: z.array(reviewSchema).nullable().default(null),
  /** `org/team` → member logins, for the teams rules ask about; null when unavailable. */
  teams: z.record(z.string(), z.array(z.string())).nullable().default(null),
  /** Currently requested reviewers; null when unavailable. */
  requestedReviewers: z
    .strictObject({ users: z.array(z.string()), teams: z.array(z.string()) })
    .nullable()
    .default(null),
  /** Reviewers a person removed from this PR (never re-requested). */
  removedReviewers: z.array(z.string()).default([]),
  /** login → pending review requests on open PRs of the repository; null when unavailable. */
  reviewLoad: z.record(z.string(), z.number()).nullable().default(null),
  /** Issues referenced as intent briefs, by `owner/repo#n`; null when unavailable. */
  issues: z.record(z.string(), issueInfoSchema).nullable().default(null),
  /** Commit messages on the PR, oldest first. */
  commitMessages: z.array(z.string()).default([]),
});
