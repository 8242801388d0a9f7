import type { ChangedFile, PullRequestSnapshot } from "../../src/snapshot/types.js";

type Overrides = Partial<Omit<PullRequestSnapshot, "baseFiles" | "headFiles">> & {
  baseFiles?: Partial<PullRequestSnapshot["baseFiles"]>;
  headFiles?: Partial<PullRequestSnapshot["headFiles"]>;
};

/** Shorthand for changed files: "path:additions:deletions" or full objects. */
export function files(...specs: (string | ChangedFile)[]): ChangedFile[] {
  return specs.map((s) => {
    if (typeof s !== "string") return s;
    const [path = "", add = "1", del = "0"] = s.split(":");
    return { path, status: "modified", additions: Number(add), deletions: Number(del) };
  });
}

/** Builds a valid snapshot with sensible defaults; tests override only what they exercise. */
export function makeSnapshot(overrides: Overrides = {}): PullRequestSnapshot {
  const { baseFiles, headFiles, ...rest } = overrides;
  const fileList = rest.files ?? [];
  return {
    version: 1,
    source: "github",
    repo: { owner: "acme", name: "app", defaultBranch: "main" },
    number: 7,
    title: "Add a thing",
    body: "",
    author: { login: "octocat", type: "User" },
    labels: [],
    draft: false,
    createdAt: "2026-12-01T00:00:00Z",
    base: { ref: "main", sha: "b".repeat(40) },
    head: { ref: "feature", sha: "h".repeat(40) },
    filesTruncated: false,
    changedFilesCount: fileList.length,
    reviews: [],
    teams: {},
    requestedReviewers: { users: [], teams: [] },
    removedReviewers: [],
    reviewLoad: {},
    issues: {},
    commitMessages: [],
    ...rest,
    files: fileList,
    baseFiles: {
      gitattributes: null,
      codeowners: null,
      codeownersProblems: [],
      decisions: [],
      intentFiles: [],
      ...baseFiles,
    },
    headFiles: { config: null, decisions: [], intentFiles: [], ...headFiles },
  };
}
