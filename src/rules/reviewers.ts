import { membersOf } from "../codeowners/approvals.js";
import { ownerKind } from "../codeowners/owners.js";
import type { PullRequestSnapshot } from "../snapshot/types.js";
import { seededRandom } from "../util/random.js";

/**
 * Pure reviewer selection for code-owner areas that still need an approval. Deterministic:
 * ties and the `random` strategy are seeded from the PR number, so re-runs agree.
 */

export interface ReviewRequestOptions {
  /** Reviewers to request per area. */
  readonly count: number;
  readonly strategy: "least-loaded" | "random";
  /** Nobody with this many pending review requests (or more) is requested. */
  readonly max_pending_reviews: number;
  /** Logins (or `org/team`) never requested. */
  readonly unavailable: readonly string[];
  /** Request team owners as teams; otherwise their members are candidates. */
  readonly request_teams: boolean;
}

/** An area: files sharing one owner set, as written in CODEOWNERS (`@user`, `@org/team`, emails). */
export interface ReviewArea {
  readonly owners: readonly string[];
}

export type ReviewerSnapshot = Pick<
  PullRequestSnapshot,
  "number" | "author" | "draft" | "reviewLoad" | "requestedReviewers" | "removedReviewers" | "teams"
>;

export interface SelectReviewersInput {
  readonly snapshot: ReviewerSnapshot;
  /** Areas still needing an approval (areas already approved are left out by the caller). */
  readonly areas: readonly ReviewArea[];
  readonly options: ReviewRequestOptions;
}

export interface ReviewerSelection {
  /** Logins to request. */
  readonly users: string[];
  /** Team slugs to request (the part after `org/`). */
  readonly teams: string[];
  /** Why an area got fewer requests than asked for, one line each. */
  readonly notes: string[];
}

/** FNV-1a, 32 bits: a small stable hash for seeding. */
export function hash32(text: string): number {
  let h = 0x811c9dc5;
  for (let i = 0; i < text.length; i++) {
    h ^= text.charCodeAt(i);
    h = Math.imul(h, 0x01000193);
  }
  return h >>> 0;
}

interface Candidate {
  /** What to request: a login, or a team slug. */
  readonly name: string;
  readonly kind: "user" | "team";
  /** Lower-case key for load, exclusion and de-duplication. */
  readonly key: string;
}

const lower = (xs: readonly string[]) => new Set(xs.map((x) => x.replace(/^@/, "").toLowerCase()));

function teamMembers(teams: ReviewerSnapshot["teams"], team: string): readonly string[] {
  return teams ? membersOf(teams, team) : [];
}

/** Who could review an area: owner users, and teams or their members. */
function candidatesOf(
  owners: readonly string[],
  teams: ReviewerSnapshot["teams"],
  requestTeams: boolean,
): Candidate[] {
  const out: Candidate[] = [];
  const seen = new Set<string>();
  const add = (c: Candidate) => {
    const id = `${c.kind}:${c.key}`;
    if (seen.has(id)) return;
    seen.add(id);
    out.push(c);
  };
  for (const owner of owners) {
    const kind = ownerKind(owner);
    if (kind === "user") {
      const login = owner.slice(1);
      add({ name: login, kind: "user", key: login.toLowerCase() });
    } else if (kind === "team") {
      const team = owner.slice(1);
      const slug = team.slice(team.indexOf("/") + 1);
      if (requestTeams) add({ name: slug, kind: "team", key: team.toLowerCase() });
      else
        for (const member of teamMembers(teams, team))
          add({ name: member, kind: "user", key: member.toLowerCase() });
    }
  }
  return out;
}

/** Whether a requested or picked reviewer can approve for the area (an owner, or a member). */
function covers(
  area: ReviewArea,
  teams: ReviewerSnapshot["teams"],
  users: ReadonlySet<string>,
  teamSlugs: ReadonlySet<string>,
): boolean {
  return area.owners.some((owner) => {
    const kind = ownerKind(owner);
    if (kind === "user") return users.has(owner.slice(1).toLowerCase());
    if (kind !== "team") return false;
    const team = owner.slice(1);
    const slug = team.slice(team.indexOf("/") + 1).toLowerCase();
    return teamSlugs.has(slug) || teamMembers(teams, team).some((m) => users.has(m.toLowerCase()));
  });
}

/**
 * Picks reviewers for each area still needing approval: `count` per area, by `least-loaded`
 * (fewest pending requests, counting picks made in this call; ties by a hash seeded from the PR
 * number) or `random` (seeded from the PR number). Never the author, bots, unavailable people,
 * anyone at `max_pending_reviews`, or anyone a person removed from the PR; nothing for drafts;
 * an area that already has one of its owners requested needs no new request.
 */
export function selectReviewers(input: SelectReviewersInput): ReviewerSelection {
  const { snapshot, areas, options } = input;
  const users: string[] = [];
  const teams: string[] = [];
  const notes: string[] = [];
  if (snapshot.draft) {
    if (areas.length) notes.push("draft pull request: no reviews are requested until it is ready");
    return { users, teams, notes };
  }
  const author = snapshot.author.login.toLowerCase();
  const removed = lower(snapshot.removedReviewers);
  const unavailable = lower(options.unavailable);
  const requestedUsers = lower(snapshot.requestedReviewers?.users ?? []);
  const requestedTeams = lower(snapshot.requestedReviewers?.teams ?? []);
  const load = new Map<string, number>();
  for (const [login, n] of Object.entries(snapshot.reviewLoad ?? {}))
    load.set(login.toLowerCase(), (load.get(login.toLowerCase()) ?? 0) + n);
  const loadOf = (c: Candidate) => load.get(c.kind === "team" ? c.name.toLowerCase() : c.key) ?? 0;
  const pickedUsers = new Set<string>();
  const pickedTeams = new Set<string>();

  for (const area of areas) {
    const label = area.owners.join(" ");
    if (covers(area, snapshot.teams, requestedUsers, requestedTeams)) continue;
    const already = candidatesOf(area.owners, snapshot.teams, options.request_teams).filter((c) =>
      c.kind === "user" ? pickedUsers.has(c.key) : pickedTeams.has(c.name.toLowerCase()),
    ).length;
    const need = options.count - already;
    if (need <= 0) continue;
    const excluded: string[] = [];
    const eligible = candidatesOf(area.owners, snapshot.teams, options.request_teams).filter(
      (c) => {
        const why = exclusion(c);
        if (why) excluded.push(`${c.kind === "team" ? `@${c.key}` : `@${c.name}`} (${why})`);
        return !why;
      },
    );
    const ordered = order(eligible, options.strategy, snapshot.number, label, loadOf);
    const picks = ordered.slice(0, need);
    for (const c of picks) {
      if (c.kind === "user") {
        pickedUsers.add(c.key);
        users.push(c.name);
        load.set(c.key, (load.get(c.key) ?? 0) + 1);
      } else {
        pickedTeams.add(c.name.toLowerCase());
        teams.push(c.name);
      }
    }
    if (picks.length < need) {
      const short = picks.length ? `only ${picks.length} of ${need}` : "nobody";
      notes.push(
        `${label}: ${short} could be requested${excluded.length ? `; not requested: ${excluded.join(", ")}` : ""}`,
      );
    }
  }
  return { users, teams, notes };

  function exclusion(c: Candidate): string | null {
    if (c.kind === "user") {
      if (c.key === author) return "the author";
      if (c.key.endsWith("[bot]")) return "a bot";
      if (pickedUsers.has(c.key)) return "already picked";
    } else if (pickedTeams.has(c.name.toLowerCase())) return "already picked";
    if (unavailable.has(c.key) || unavailable.has(c.name.toLowerCase())) return "unavailable";
    if (removed.has(c.key) || removed.has(c.name.toLowerCase())) return "removed from this PR";
    const pending = loadOf(c);
    if (pending >= options.max_pending_reviews) return `${pending} pending reviews`;
    return null;
  }
}

function order(
  candidates: readonly Candidate[],
  strategy: ReviewRequestOptions["strategy"],
  prNumber: number,
  areaLabel: string,
  loadOf: (c: Candidate) => number,
): Candidate[] {
  if (strategy === "random") {
    const rand = seededRandom(hash32(`${prNumber}:${areaLabel}`));
    const out = [...candidates].sort((a, b) => (a.key < b.key ? -1 : a.key > b.key ? 1 : 0));
    for (let i = out.length - 1; i > 0; i--) {
      const j = Math.floor(rand() * (i + 1));
      [out[i], out[j]] = [out[j] as Candidate, out[i] as Candidate];
    }
    return out;
  }
  const tie = (c: Candidate) => hash32(`${prNumber}:${c.key}`);
  return [...candidates].sort(
    (a, b) =>
      loadOf(a) - loadOf(b) || tie(a) - tie(b) || (a.key < b.key ? -1 : a.key > b.key ? 1 : 0),
  );
}
