import type { Config, ResolvedProfile, RulesConfig } from "../config/schema.js";
import type { PullRequestSnapshot } from "../snapshot/types.js";
import { wildcard } from "../util/glob.js";

/** True when any one of the profile's conditions matches the PR. */
export function profileMatches(profile: ResolvedProfile, snapshot: PullRequestSnapshot): boolean {
  const { authors, author_type, labels, branches } = profile.when;
  return (
    authors.some((g) => wildcard(g)(snapshot.author.login)) ||
    (author_type !== null && snapshot.author.type === author_type) ||
    labels.some((l) => snapshot.labels.includes(l)) ||
    branches.some((g) => wildcard(g)(snapshot.head.ref))
  );
}

/** The first matching profile's rules, or the base rules. */
export function selectRules(
  config: Config,
  snapshot: PullRequestSnapshot,
): { profile: string | null; rules: RulesConfig } {
  const profile = config.profiles.find((p) => profileMatches(p, snapshot));
  return profile
    ? { profile: profile.name, rules: profile.rules }
    : { profile: null, rules: config.rules };
}
