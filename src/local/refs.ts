import { UsageError } from "../cli/args.js";
import { refsAndOriginHead } from "./git.js";

/** A ref as the user named it, with the commit and the branch name it stands for. */
export interface ResolvedRef {
  /** What to show the user and what `git show <label>:<path>` accepts, e.g. `origin/main`. */
  readonly label: string;
  /** The branch name as GitHub would call it (`main` for `origin/main`), or the label. */
  readonly branch: string;
  readonly sha: string;
}

/** Candidates for the base after origin/HEAD: `main`, then `master`; origin's first (GitHub's copy). */
const FALLBACK_BASES = [
  "refs/remotes/origin/main",
  "refs/heads/main",
  "refs/remotes/origin/master",
  "refs/heads/master",
];

/**
 * The base when none is given: the remote's default branch (origin/HEAD), else `main`, else
 * `master` — whichever exists, on origin or locally. Returns a full ref name.
 */
export async function defaultBaseRef(cwd: string): Promise<string> {
  const { existing, originHead } = await refsAndOriginHead(cwd, FALLBACK_BASES);
  const found = originHead ?? existing[0];
  if (!found) {
    throw new UsageError(
      "cannot find the base branch: no origin/HEAD, main or master (local or on origin); pass --base <ref>",
    );
  }
  return found;
}

/** Builds the resolved ref from what the user typed, its commit and its full name. */
export function resolvedRef(input: string, sha: string, fullName: string): ResolvedRef {
  return { label: shortName(fullName) || input, branch: branchName(fullName) || input, sha };
}

/** `refs/heads/x` → `x`, `refs/remotes/origin/x` → `origin/x`, `refs/tags/v1` → `v1`. */
export function shortName(full: string): string {
  return full.replace(/^refs\/(heads|remotes|tags)\//, "");
}

/** The branch name GitHub would show: the remote's name is dropped (`origin/main` → `main`). */
export function branchName(full: string): string {
  if (full.startsWith("refs/remotes/")) return full.replace(/^refs\/remotes\/[^/]+\//, "");
  return shortName(full);
}

/** `owner/name` from a remote URL (GitHub or any `host/owner/name` form), or null. */
export function repoFromRemote(url: string | null): { owner: string; name: string } | null {
  if (!url) return null;
  const m = /[:/]([^/:]+)\/([^/]+?)(?:\.git)?\/?$/.exec(url.trim());
  return m ? { owner: m[1]!, name: m[2]! } : null;
}
