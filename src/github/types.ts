import type { ProbotOctokit } from "probot";

/** The authenticated Octokit of one installation; the only way this app talks to GitHub. */
export type GitHub = ProbotOctokit;

/** The fields of a pull request (webhook payload or REST response) the app reads. */
export interface PullRequestData {
  readonly number: number;
  readonly title: string;
  readonly body: string | null;
  readonly state: string;
  readonly draft?: boolean;
  readonly created_at: string;
  readonly changed_files?: number;
  readonly user: { readonly login: string; readonly type: string } | null;
  readonly labels: readonly { readonly name: string }[];
  readonly base: {
    readonly ref: string;
    readonly sha: string;
    readonly repo: { readonly default_branch?: string };
  };
  readonly head: { readonly ref: string; readonly sha: string };
  readonly requested_reviewers?:
    | readonly ({ readonly login: string } | { readonly slug: string })[]
    | null;
  readonly requested_teams?: readonly { readonly slug: string }[] | null;
}

export interface RepoRef {
  readonly owner: string;
  readonly repo: string;
}

/** An error from GitHub's API, as Octokit throws it. */
export function httpStatus(err: unknown): number | undefined {
  const status = (err as { status?: unknown })?.status;
  return typeof status === "number" ? status : undefined;
}
