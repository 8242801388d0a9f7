import { describe, expect, it } from "vitest";
import { NEEDS_GITHUB } from "../../src/engine/result.js";
import type { Finding } from "../../src/engine/types.js";
import {
  MAX_FILE_FINDINGS,
  type OwnershipConfig,
  ownershipConfigSchema,
  ownershipRule,
} from "../../src/rules/ownership.js";
import type { PullRequestSnapshot, Review } from "../../src/snapshot/types.js";
import { files, makeSnapshot } from "../helpers/snapshot.js";

const HEAD = "h".repeat(40);
const OLD = "0".repeat(40);
const CODEOWNERS = [
  "# owners",
  "*               @lead",
  "/src/api/       @alice @bob",
  "/src/web/       @acme/web",
  "/docs/          docs@example.com",
  "/src/legacy/    @carol",
  "/generated/",
  "[bad] @x",
].join("\n");
const CTX = { now: new Date("2026-12-02T00:00:00Z") };

const config = (over: Record<string, unknown> = {}): OwnershipConfig =>
  ownershipConfigSchema.parse(over);

type Over = Parameters<typeof makeSnapshot>[0];
const snapshot = (over: Over = {}, codeowners: string | null = CODEOWNERS): PullRequestSnapshot =>
  makeSnapshot({
    author: { login: "dave", type: "User" },
    teams: { "acme/web": ["wendy", "walt", "dave"] },
    reviewLoad: {},
    ...over,
    baseFiles: {
      codeowners: codeowners === null ? null : { path: ".github/CODEOWNERS", content: codeowners },
      ...over?.baseFiles,
    },
  });

const review = (login: string, state: string, commitId = HEAD, at?: string): Review => ({
  login,
  state,
  commitId,
  submittedAt: at ?? null,
});

const run = (s: PullRequestSnapshot, c: Record<string, unknown> = {}) =>
  ownershipRule.evaluate(s, config(c), CTX);

const errors = (fs: readonly Finding[]) => fs.filter((f) => f.severity === "error");
const REQUIRE = { require_owner_approval: true };

describe("ownership config", () => {
  it("has the documented defaults", () => {
    expect(config()).toEqual({
      enabled: true,
      unowned_files: "warning",
      require_owner_approval: false,
      request_reviews: {
        enabled: true,
        count: 1,
        strategy: "least-loaded",
        max_pending_reviews: 10,
        unavailable: [],
        request_teams: false,
      },
    });
  });

  it("rejects unknown keys and bad values", () => {
    expect(ownershipConfigSchema.safeParse({ unowned: "off" }).success).toBe(false);
    expect(ownershipConfigSchema.safeParse({ unowned_files: "warn" }).success).toBe(false);
    expect(ownershipConfigSchema.safeParse({ request_reviews: { count: 0 } }).success).toBe(false);
    expect(
      ownershipConfigSchema.safeParse({ request_reviews: { strategy: "round-robin" } }).success,
    ).toBe(false);
  });

  it("describes every key", () => {
    const shape = ownershipConfigSchema.shape;
    for (const key of Object.keys(shape))
      expect(shape[key as keyof typeof shape].description, key).toBeTruthy();
  });
});

describe("ownership: no CODEOWNERS, disabled, problems", () => {
  it("is skipped when disabled", () => {
    const r = run(snapshot({ files: files("a.ts") }), { enabled: false });
    expect(r.status).toBe("skipped");
    expect(r.findings).toEqual([]);
  });

  const none: [string, Record<string, unknown>, Finding["severity"], string][] = [
    ["warns by default", {}, "warning", "warning"],
    ["fails when unowned files are errors", { unowned_files: "error" }, "error", "failed"],
    ["only notes it when nothing depends on owners", { unowned_files: "off" }, "notice", "passed"],
    [
      "warns when approvals are required",
      { unowned_files: "off", require_owner_approval: true },
      "warning",
      "warning",
    ],
  ];
  it.each(none)("no CODEOWNERS on the base: %s", (_name, c, severity, status) => {
    const r = run(snapshot({ files: files("a.ts") }, null), c);
    expect(r.status).toBe(status);
    expect(r.findings).toHaveLength(1);
    expect(r.findings[0]?.severity).toBe(severity);
    expect(r.findings[0]?.message).toContain(
      "No CODEOWNERS file on the base branch `main` (looked for .github/CODEOWNERS, CODEOWNERS, docs/CODEOWNERS)",
    );
  });

  it("reports parse problems as notices on the CODEOWNERS line", () => {
    const r = run(snapshot({ files: files("src/api/a.ts") }));
    const notices = r.findings.filter((f) => f.severity === "notice");
    expect(notices).toHaveLength(1);
    expect(notices[0]).toMatchObject({ path: ".github/CODEOWNERS", line: 8 });
    expect(notices[0]?.message).toMatch(/^\.github\/CODEOWNERS line 8: .*character ranges/);
    expect(r.status).toBe("passed");
  });

  it("shows the loader's CODEOWNERS problems", () => {
    const r = run(
      snapshot({
        files: files("src/api/a.ts"),
        baseFiles: { codeownersProblems: ["CODEOWNERS is a directory"] },
      }),
    );
    expect(r.findings.map((f) => f.message)).toContain("CODEOWNERS is a directory");
  });
});

describe("ownership: unowned files", () => {
  const text = "/src/ @alice\n/src/gen/\n";
  it("warns for each unowned file, with its path, by default", () => {
    const r = run(snapshot({ files: files("src/a.ts", "README.md", "src/gen/x.ts") }, text));
    expect(r.status).toBe("warning");
    expect(r.findings.map((f) => [f.severity, f.path])).toEqual([
      ["warning", "README.md"],
      ["warning", "src/gen/x.ts"],
    ]);
    expect(r.findings[0]?.message).toBe(
      "`README.md` has no code owner: no line of `.github/CODEOWNERS` matches it.",
    );
    expect(r.findings[1]?.message).toBe(
      "`src/gen/x.ts` has no code owner: line 2 of `.github/CODEOWNERS` (`/src/gen/`) matches it last and lists no owners.",
    );
    expect(r.findings[0]?.fix).toMatch(/Add a line with an owner for `README.md`/);
    expect(r.summary).toBe("1 path owned in 1 area; 2 unowned");
  });

  it("uses the configured severity, or nothing when off", () => {
    const s = snapshot({ files: files("README.md") }, text);
    expect(run(s, { unowned_files: "error" }).findings[0]?.severity).toBe("error");
    expect(run(s, { unowned_files: "error" }).status).toBe("failed");
    expect(run(s, { unowned_files: "off" }).findings).toEqual([]);
  });

  it("checks the old path of a renamed file too", () => {
    const r = run(
      snapshot(
        {
          files: [
            {
              path: "src/b.ts",
              previousPath: "lib/b.ts",
              status: "renamed",
              additions: 0,
              deletions: 0,
            },
          ],
        },
        text,
      ),
    );
    expect(r.findings).toHaveLength(1);
    expect(r.findings[0]).toMatchObject({ path: "src/b.ts", severity: "warning" });
    expect(r.findings[0]?.message).toMatch(
      /^`lib\/b.ts` \(renamed to `src\/b.ts`\) has no code owner/,
    );
  });

  it("counts the rest in one finding past the cap", () => {
    const many = Array.from({ length: MAX_FILE_FINDINGS + 5 }, (_, i) => `x/f${i}.ts`);
    const r = run(snapshot({ files: files(...many) }, text));
    expect(r.findings).toHaveLength(MAX_FILE_FINDINGS + 1);
    expect(r.findings.at(-1)?.message).toBe("5 more files have no code owner.");
  });
});

describe("ownership: owner approval", () => {
  const approved = (reviews: Review[], changed = files("src/api/a.ts"), over: Over = {}) =>
    run(snapshot({ files: changed, reviews, ...over }), REQUIRE);

  it("passes when an owner approved the current head (login case-insensitive)", () => {
    const r = approved([review("Alice", "APPROVED")]);
    expect(errors(r.findings)).toEqual([]);
    expect(r.status).toBe("passed");
    expect(r.summary).toBe("1 path owned in 1 area; 1 of 1 area approved");
    expect(r.details).toContain("| @alice @bob | 1 | ✅ approved by @Alice |");
  });

  it("fails each file of an area without an approval, saying who can approve", () => {
    const r = approved([], files("src/api/a.ts", "src/api/b.ts"));
    expect(r.status).toBe("failed");
    expect(errors(r.findings).map((f) => f.path)).toEqual(["src/api/a.ts", "src/api/b.ts"]);
    expect(errors(r.findings)[0]?.message).toBe(
      "`src/api/a.ts` needs an approval of the current head from a code owner (@alice, @bob; `.github/CODEOWNERS` line 3).",
    );
    expect(errors(r.findings)[0]?.fix).toBe(
      "Ask @alice or @bob to review and approve the latest commit.",
    );
    expect(r.details).toContain("| @alice @bob | 2 | ⏳ pending |");
  });

  it("accepts a member of an owning team", () => {
    const r = approved([review("walt", "APPROVED")], files("src/web/app.ts"));
    expect(errors(r.findings)).toEqual([]);
    expect(r.details).toContain("✅ approved by @walt");
  });

  it("does not accept someone outside the owning team", () => {
    const r = approved([review("alice", "APPROVED")], files("src/web/app.ts"));
    expect(errors(r.findings)).toHaveLength(1);
    expect(errors(r.findings)[0]?.fix).toBe(
      "Ask a member of @acme/web to review and approve the latest commit.",
    );
  });

  it("ignores an approval of an earlier commit (stale)", () => {
    const r = approved([review("alice", "APPROVED", OLD)]);
    expect(errors(r.findings)).toHaveLength(1);
    expect(errors(r.findings)[0]?.message).toContain(
      "@alice approved an earlier commit (0000000), not the current head",
    );
  });

  it("ignores the author's own review, even when the author is an owner", () => {
    const r = approved([review("dave", "APPROVED")], files("src/web/app.ts"));
    expect(errors(r.findings)).toHaveLength(1);
    expect(errors(r.findings)[0]?.message).toContain(
      "@dave is an owner but cannot approve their own pull request",
    );
  });

  it("does not count a dismissed approval", () => {
    const r = approved([review("alice", "APPROVED"), review("alice", "DISMISSED")]);
    expect(errors(r.findings)).toHaveLength(1);
    expect(errors(r.findings)[0]?.message).toContain("@alice's approval was dismissed");
  });

  it("does not count an approval followed by changes requested", () => {
    const r = approved([review("bob", "APPROVED"), review("bob", "CHANGES_REQUESTED")]);
    expect(errors(r.findings)[0]?.message).toContain("@bob requested changes");
  });

  it("uses submission times to order reviews", () => {
    const r = approved([
      review("bob", "CHANGES_REQUESTED", HEAD, "2026-12-01T12:00:00Z"),
      review("bob", "APPROVED", HEAD, "2026-12-01T10:00:00Z"),
    ]);
    expect(errors(r.findings)).toHaveLength(1);
  });

  it("keeps an approval when only a comment follows it", () => {
    const r = approved([review("bob", "APPROVED"), review("bob", "COMMENTED")]);
    expect(errors(r.findings)).toEqual([]);
  });

  it("counts a new approval after changes requested", () => {
    const r = approved([review("bob", "CHANGES_REQUESTED"), review("bob", "APPROVED")]);
    expect(errors(r.findings)).toEqual([]);
  });

  it("says email owners cannot approve and how to fix it", () => {
    const r = approved([review("docs", "APPROVED")], files("docs/guide.md"));
    const [e] = errors(r.findings);
    expect(e?.message).toContain(
      "docs@example.com is an email address, which cannot be matched to a GitHub account, so cannot approve here",
    );
    expect(e?.fix).toBe(
      "No one can approve this area: add a GitHub user or team as its owner in `.github/CODEOWNERS` on the base branch.",
    );
  });

  it("needs the old owners of a renamed file as well", () => {
    const renamed = [
      {
        path: "src/api/moved.ts",
        previousPath: "src/legacy/moved.ts",
        status: "renamed" as const,
        additions: 1,
        deletions: 1,
      },
    ];
    const r = approved([review("alice", "APPROVED")], renamed);
    expect(errors(r.findings)).toHaveLength(1);
    expect(errors(r.findings)[0]).toMatchObject({ path: "src/api/moved.ts" });
    expect(errors(r.findings)[0]?.message).toMatch(
      /^`src\/legacy\/moved.ts` \(renamed to `src\/api\/moved.ts`\) needs an approval .*\(@carol;/,
    );
    const both = approved([review("alice", "APPROVED"), review("carol", "APPROVED")], renamed);
    expect(errors(both.findings)).toEqual([]);
  });

  it("needs one approval per owner set", () => {
    const changed = files("src/api/a.ts", "src/web/b.ts", "README.md");
    const r = approved([review("bob", "APPROVED"), review("lead", "APPROVED")], changed);
    expect(errors(r.findings).map((f) => f.path)).toEqual(["src/web/b.ts"]);
    expect(r.summary).toBe("3 paths owned in 3 areas; 2 of 3 areas approved");
  });

  it("skips approvals with NEEDS_GITHUB when reviews or teams are unavailable (local runs)", () => {
    for (const over of [{ reviews: null }, { teams: null }] as Over[]) {
      const r = run(
        snapshot({ source: "local", files: files("src/api/a.ts"), reviews: [], ...over }),
        REQUIRE,
      );
      expect(r.status).toBe("skipped");
      expect(r.summary).toContain(NEEDS_GITHUB);
      expect(errors(r.findings)).toEqual([]);
      expect(r.details).toContain("unknown (needs GitHub)");
    }
  });

  it("still reports unowned files when approvals are skipped", () => {
    const r = run(
      snapshot({ source: "local", files: files("generated/x.ts"), reviews: null, teams: null }),
      REQUIRE,
    );
    expect(r.status).toBe("warning");
    expect(r.summary).toContain(NEEDS_GITHUB);
    expect(r.findings.filter((f) => f.severity === "warning").map((f) => f.path)).toEqual([
      "generated/x.ts",
    ]);
  });

  it("fails when GitHub listed only part of the files", () => {
    const r = approved([review("alice", "APPROVED")], files("src/api/a.ts"), {
      filesTruncated: true,
      changedFilesCount: 3500,
    });
    expect(errors(r.findings)[0]?.message).toMatch(
      /3500 changed files: GitHub lists only the first 1/,
    );
  });
});

describe("ownership: review requests", () => {
  it("requests the least-loaded owner of each area still needing approval", () => {
    const r = run(
      snapshot({
        files: files("src/api/a.ts", "src/web/b.ts", "README.md"),
        reviews: [review("lead", "APPROVED")],
        reviewLoad: { alice: 4, bob: 2, wendy: 1, walt: 0 },
        requestedReviewers: { users: [], teams: [] },
      }),
      REQUIRE,
    );
    expect(r.actions?.reviewRequests).toEqual({ users: ["walt", "bob"], teams: [] });
    expect(r.details).toContain("Requesting reviews from @walt, @bob.");
  });

  it("requests nothing when every area is approved", () => {
    const r = run(
      snapshot({
        files: files("src/api/a.ts"),
        reviews: [review("alice", "APPROVED")],
        requestedReviewers: { users: [], teams: [] },
      }),
      REQUIRE,
    );
    expect(r.actions).toBeUndefined();
  });

  it("requests teams as teams when configured", () => {
    const r = run(
      snapshot({
        files: files("src/web/b.ts"),
        reviews: [],
        requestedReviewers: { users: [], teams: [] },
      }),
      { ...REQUIRE, request_reviews: { request_teams: true } },
    );
    expect(r.actions?.reviewRequests).toEqual({ users: [], teams: ["web"] });
  });

  it("requests nothing on a draft, or when requests are disabled, and says why", () => {
    const base = {
      files: files("src/api/a.ts"),
      reviews: [],
      requestedReviewers: { users: [], teams: [] },
    };
    const draft = run(snapshot({ ...base, draft: true }), REQUIRE);
    expect(draft.actions).toBeUndefined();
    expect(draft.details).toMatch(/draft pull request/);
    const off = run(snapshot(base), { ...REQUIRE, request_reviews: { enabled: false } });
    expect(off.actions).toBeUndefined();
  });

  it("requests nothing without required approval", () => {
    const r = run(
      snapshot({ files: files("src/api/a.ts"), requestedReviewers: { users: [], teams: [] } }),
    );
    expect(r.actions).toBeUndefined();
    expect(r.details).toContain("| @alice @bob | 1 | not required |");
  });
});
