import type { Review } from "../snapshot/types.js";
import { ownerKind } from "./owners.js";

/** The review states that change whether a reviewer approves; COMMENTED and PENDING do not. */
const DECISIVE = new Set(["APPROVED", "CHANGES_REQUESTED", "DISMISSED"]);

export interface ReviewerState {
  readonly login: string;
  readonly state: string;
  readonly commitId: string | null;
}

/**
 * Each reviewer's latest decisive review (APPROVED, CHANGES_REQUESTED or DISMISSED), keyed by
 * lower-case login. Reviews are taken in submission order (the given order when a time is missing).
 */
export function latestReviewStates(reviews: readonly Review[]): Map<string, ReviewerState> {
  const timed = reviews.every((r) => r.submittedAt !== null);
  const ordered = timed
    ? [...reviews].sort((a, b) => Date.parse(a.submittedAt ?? "") - Date.parse(b.submittedAt ?? ""))
    : reviews;
  const latest = new Map<string, ReviewerState>();
  for (const r of ordered) {
    const state = r.state.toUpperCase();
    if (!DECISIVE.has(state)) continue;
    latest.set(r.login.toLowerCase(), { login: r.login, state, commitId: r.commitId });
  }
  return latest;
}

export interface ApprovalContext {
  /** PR author login. */
  readonly author: string;
  readonly headSha: string;
  /** `org/team` → member logins. */
  readonly teams: Readonly<Record<string, readonly string[]>>;
  readonly states: ReadonlyMap<string, ReviewerState>;
}

export interface AreaApproval {
  /** Owners (or team members) who approved the current head, not the author. */
  readonly approvedBy: readonly string[];
  /** Why the area is not approved yet, one phrase each (empty when approved). */
  readonly notes: readonly string[];
  /** Whether anyone other than the author could approve (not only emails or empty teams). */
  readonly approvable: boolean;
}

/** Members of `org/team` (the key is compared case-insensitively). */
export function membersOf(
  teams: Readonly<Record<string, readonly string[]>>,
  team: string,
): readonly string[] {
  const exact = teams[team];
  if (exact) return exact;
  const wanted = team.toLowerCase();
  for (const [key, members] of Object.entries(teams))
    if (key.toLowerCase() === wanted) return members;
  return [];
}

/** Whether `login` can approve for one of the owners: the user itself, or a member of the team. */
export function canApprove(
  owners: readonly string[],
  login: string,
  teams: Readonly<Record<string, readonly string[]>>,
): boolean {
  const who = login.toLowerCase();
  return owners.some((owner) => {
    const kind = ownerKind(owner);
    if (kind === "user") return owner.slice(1).toLowerCase() === who;
    if (kind === "team")
      return membersOf(teams, owner.slice(1)).some((m) => m.toLowerCase() === who);
    return false;
  });
}

/** Whether one owner set has an approval on the current head, and if not, why not. */
export function areaApproval(owners: readonly string[], ctx: ApprovalContext): AreaApproval {
  const author = ctx.author.toLowerCase();
  const approvedBy: string[] = [];
  const notes: string[] = [];
  for (const [key, s] of ctx.states) {
    if (key === author || !canApprove(owners, s.login, ctx.teams)) continue;
    if (s.state === "APPROVED" && s.commitId === ctx.headSha) approvedBy.push(s.login);
    else if (s.state === "APPROVED")
      notes.push(
        `@${s.login} approved an earlier commit (${(s.commitId ?? "unknown").slice(0, 7)}), not the current head`,
      );
    else if (s.state === "CHANGES_REQUESTED") notes.push(`@${s.login} requested changes`);
    else notes.push(`@${s.login}'s approval was dismissed`);
  }
  approvedBy.sort();
  if (approvedBy.length) return { approvedBy, notes: [], approvable: true };

  let approvable = false;
  const emails: string[] = [];
  for (const owner of owners) {
    const kind = ownerKind(owner);
    if (kind === "email") emails.push(owner);
    else if (kind === "user" && owner.slice(1).toLowerCase() !== author) approvable = true;
    else if (kind === "team") {
      const members = membersOf(ctx.teams, owner.slice(1));
      if (members.some((m) => m.toLowerCase() !== author)) approvable = true;
      else if (!members.length) notes.push(`no members of ${owner} are visible to Guardrails`);
    }
  }
  if (canApprove(owners, ctx.author, ctx.teams))
    notes.push(`@${ctx.author} is an owner but cannot approve their own pull request`);
  if (emails.length)
    notes.push(
      `${emails.join(", ")} ${emails.length > 1 ? "are email addresses" : "is an email address"}, which cannot be matched to a GitHub account, so cannot approve here`,
    );
  return { approvedBy, notes, approvable };
}
