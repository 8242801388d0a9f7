import { describe, expect, it } from "vitest";
import {
  type ReviewerSnapshot,
  type ReviewRequestOptions,
  selectReviewers,
} from "../../src/rules/reviewers.js";
import { makeSnapshot } from "../helpers/snapshot.js";

const OPTIONS: ReviewRequestOptions = {
  count: 1,
  strategy: "least-loaded",
  max_pending_reviews: 10,
  unavailable: [],
  request_teams: false,
};

const snap = (over: Partial<ReviewerSnapshot> = {}): ReviewerSnapshot =>
  makeSnapshot({ number: 7, author: { login: "author", type: "User" }, ...over });

const select = (
  owners: string[],
  over: Partial<ReviewerSnapshot> = {},
  options: Partial<ReviewRequestOptions> = {},
) =>
  selectReviewers({
    snapshot: snap(over),
    areas: [{ owners }],
    options: { ...OPTIONS, ...options },
  });

describe("selectReviewers: least-loaded", () => {
  it("picks the owner with the fewest pending reviews", () => {
    const r = select(["@a", "@b", "@c"], { reviewLoad: { a: 3, b: 1, c: 2 } });
    expect(r).toEqual({ users: ["b"], teams: [], notes: [] });
  });

  it("picks `count` owners, least loaded first", () => {
    const r = select(["@a", "@b", "@c"], { reviewLoad: { a: 3, b: 1, c: 2 } }, { count: 2 });
    expect(r.users).toEqual(["b", "c"]);
  });

  it("counts picks made in the same call towards a later area's count", () => {
    const r = selectReviewers({
      snapshot: snap({ reviewLoad: { a: 0, b: 1, c: 2, d: 3 } }),
      areas: [{ owners: ["@a", "@d"] }, { owners: ["@a", "@b", "@c"] }],
      options: { ...OPTIONS, count: 2 },
    });
    // Area 1 gets a and d; area 2 already has a, so it needs one more: b (less loaded than c).
    expect(r.users).toEqual(["a", "d", "b"]);
  });

  it("a pick for one area also covers another area it owns", () => {
    const r = selectReviewers({
      snapshot: snap({ reviewLoad: { a: 0, b: 5, c: 5 } }),
      areas: [{ owners: ["@a", "@b"] }, { owners: ["@a", "@c"] }],
      options: OPTIONS,
    });
    expect(r.users).toEqual(["a"]);
  });

  it("breaks ties by a hash seeded from the PR number: same PR, same pick", () => {
    const owners = ["@a", "@b", "@c", "@d", "@e"];
    const picks = new Set<string>();
    for (let number = 1; number <= 30; number++) {
      const first = select(owners, { number, reviewLoad: {} }).users;
      expect(select(owners, { number, reviewLoad: {} }).users).toEqual(first);
      picks.add(first[0] as string);
    }
    // Different PRs spread over the tied owners rather than always picking the first.
    expect(picks.size).toBeGreaterThan(2);
  });

  it("simulation: 100 PRs over 5 equally available owners stay balanced", () => {
    const load: Record<string, number> = { a: 0, b: 0, c: 0, d: 0, e: 0 };
    for (let number = 1; number <= 100; number++) {
      // Nobody finishes a review during the simulation, so the cap is lifted above 20 each.
      const r = select(
        ["@a", "@b", "@c", "@d", "@e"],
        { number, reviewLoad: { ...load } },
        { max_pending_reviews: 100 },
      );
      expect(r.users).toHaveLength(1);
      for (const u of r.users) load[u] = (load[u] ?? 0) + 1;
    }
    const counts = Object.values(load);
    expect(counts.reduce((a, b) => a + b, 0)).toBe(100);
    expect(Math.max(...counts)).toBeLessThanOrEqual(Math.min(...counts) + 1);
  });
});

describe("selectReviewers: random", () => {
  it("is seeded from the PR number: re-runs agree, different PRs differ", () => {
    const owners = ["@a", "@b", "@c", "@d", "@e"];
    const seen = new Set<string>();
    for (let number = 1; number <= 40; number++) {
      const r = select(owners, { number }, { strategy: "random" });
      expect(select(owners, { number }, { strategy: "random" })).toEqual(r);
      expect(r.users).toHaveLength(1);
      seen.add(r.users[0] as string);
    }
    expect(seen.size).toBeGreaterThanOrEqual(4);
  });

  it("still applies every exclusion", () => {
    for (let number = 1; number <= 20; number++) {
      const r = select(
        ["@author", "@bot[bot]", "@away", "@busy", "@ok"],
        { number, reviewLoad: { busy: 10 } },
        { strategy: "random", unavailable: ["away"], count: 3 },
      );
      expect(r.users).toEqual(["ok"]);
    }
  });
});

describe("selectReviewers: exclusions", () => {
  const cases: [string, string[], Partial<ReviewerSnapshot>, Partial<ReviewRequestOptions>][] = [
    ["the author (any case)", ["@Author"], {}, {}],
    ["bots", ["@renovate[bot]"], {}, {}],
    ["unavailable people (with or without @, any case)", ["@Away"], {}, { unavailable: ["@away"] }],
    [
      "people at max_pending_reviews",
      ["@busy"],
      { reviewLoad: { busy: 3 } },
      { max_pending_reviews: 3 },
    ],
    ["people a person removed from the PR", ["@removed"], { removedReviewers: ["Removed"] }, {}],
    ["email owners", ["docs@example.com"], {}, {}],
  ];
  it.each(cases)("never requests %s", (_name, owners, over, options) => {
    const r = select(owners, over, options);
    expect(r.users).toEqual([]);
    expect(r.teams).toEqual([]);
    expect(r.notes).toHaveLength(1);
    expect(r.notes[0]).toMatch(/nobody could be requested/);
  });

  it("explains who was left out and why", () => {
    const r = select(["@author", "@busy"], { reviewLoad: { busy: 10 } });
    expect(r.notes).toEqual([
      "@author @busy: nobody could be requested; not requested: @author (the author), @busy (10 pending reviews)",
    ]);
  });

  it("takes the next candidate when the least loaded one is excluded", () => {
    const r = select(["@a", "@b"], { reviewLoad: { a: 0, b: 4 }, removedReviewers: ["a"] });
    expect(r.users).toEqual(["b"]);
  });

  it("requests nothing on a draft PR", () => {
    const r = select(["@a"], { draft: true });
    expect(r.users).toEqual([]);
    expect(r.notes[0]).toMatch(/draft/);
  });

  it("requests nothing for an area whose owner is already requested", () => {
    expect(select(["@a", "@b"], { requestedReviewers: { users: ["B"], teams: [] } }).users).toEqual(
      [],
    );
  });

  it("requests nothing for an area whose team is already requested, or one of its members", () => {
    const teams = { "acme/web": ["m1", "m2"] };
    expect(
      select(["@acme/web"], { teams, requestedReviewers: { users: [], teams: ["web"] } }).users,
    ).toEqual([]);
    expect(
      select(["@acme/web"], { teams, requestedReviewers: { users: ["m2"], teams: [] } }).users,
    ).toEqual([]);
  });

  it("does request for an area when the requested person is not among its owners", () => {
    expect(
      select(["@a"], { requestedReviewers: { users: ["someone-else"], teams: [] } }).users,
    ).toEqual(["a"]);
  });
});

describe("selectReviewers: teams", () => {
  const teams = { "acme/web": ["m1", "m2", "author"] };

  it("expands a team owner to its members when request_teams is false", () => {
    const r = select(["@acme/web"], { teams, reviewLoad: { m1: 2, m2: 1 } });
    expect(r).toEqual({ users: ["m2"], teams: [], notes: [] });
  });

  it("requests the team itself (by slug) when request_teams is true", () => {
    const r = select(["@acme/web"], { teams }, { request_teams: true });
    expect(r).toEqual({ users: [], teams: ["web"], notes: [] });
  });

  it("does not request an unavailable team", () => {
    const r = select(["@acme/web"], { teams }, { request_teams: true, unavailable: ["acme/web"] });
    expect(r.teams).toEqual([]);
  });

  it("finds team members whatever the case of the team key", () => {
    const r = select(["@Acme/Web"], { teams: { "acme/web": ["m1"] } });
    expect(r.users).toEqual(["m1"]);
  });
});
