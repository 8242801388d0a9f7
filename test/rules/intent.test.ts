import { describe, expect, it } from "vitest";
import { NEEDS_GITHUB } from "../../src/engine/result.js";
import {
  type IntentConfig,
  intentConfigSchema,
  intentFilePaths,
  intentIssueKeys,
  intentRule,
  MAX_SCOPE_FINDINGS,
} from "../../src/rules/intent.js";
import type { IssueInfo } from "../../src/snapshot/types.js";
import { files, makeSnapshot } from "../helpers/snapshot.js";

const ctx = { now: new Date("2026-12-04T00:00:00Z") };
const config = (overrides: Record<string, unknown> = {}): IntentConfig =>
  intentConfigSchema.parse({ enabled: true, ...overrides });

const BRIEF = [
  "### User impact",
  "Finance admins can refund one invoice line.",
  "### Constraints",
  "The public API stays compatible.",
  "### Non-goals",
  "Subscription refunds.",
  "### Acceptance criteria",
  "- [ ] A line can be refunded",
  "### Scope",
  "```text",
  "src/billing/**",
  "test/billing/**",
  "!src/billing/legacy/**",
  "```",
].join("\n\n");

function issueInfo(ref: string, over: Partial<IssueInfo> = {}): IssueInfo {
  return {
    ref,
    found: true,
    title: "Line-item refunds",
    body: BRIEF,
    state: "open",
    labels: ["intent"],
    ...over,
  };
}

const withIssue = (body: string, over: Partial<IssueInfo> = {}, extra = {}) =>
  makeSnapshot({ body, issues: { "acme/app#12": issueInfo("acme/app#12", over) }, ...extra });

const run = (snapshot: ReturnType<typeof makeSnapshot>, cfg = config()) =>
  intentRule.evaluate(snapshot, cfg, ctx);

describe("intent config schema", () => {
  it("has the documented defaults (off until enabled)", () => {
    expect(intentConfigSchema.parse({}).enabled).toBe(false);
    expect(config()).toEqual({
      enabled: true,
      required: true,
      label: "intent",
      require_open: true,
      required_sections: ["impact", "constraints", "non_goals", "acceptance_criteria", "scope"],
      enforce_scope: false,
      closing_reference_counts: true,
    });
  });

  it("rejects unknown keys and unknown section names", () => {
    expect(intentConfigSchema.safeParse({ enforce: true }).success).toBe(false);
    expect(intentConfigSchema.safeParse({ required_sections: ["goals"] }).success).toBe(false);
  });

  it("describes every key", () => {
    for (const [key, schema] of Object.entries(intentConfigSchema.shape))
      expect(schema.description, key).toMatch(/\.$/);
  });
});

describe("intent rule: the reference", () => {
  it("is skipped when disabled", () => {
    const r = run(makeSnapshot(), config({ enabled: false }));
    expect(r).toMatchObject({ status: "skipped", summary: "disabled in config", findings: [] });
  });

  it("fails without a reference and says exactly what to add", () => {
    const r = run(makeSnapshot({ body: "Refactors billing." }));
    expect(r.status).toBe("failed");
    expect(r.summary).toBe("no intent brief referenced");
    expect(r.findings).toEqual([
      {
        ruleId: "intent",
        severity: "error",
        message: "The PR description names no intent brief.",
        fix: "Add a line `Intent: #<issue>` to the PR description (or `Intent: path/to/brief.md` for a brief file in the repository).",
      },
    ]);
  });

  it("passes without a reference when not required", () => {
    const r = run(makeSnapshot(), config({ required: false }));
    expect(r).toMatchObject({
      status: "passed",
      summary: "no intent brief referenced (not required)",
    });
  });

  it("explains an Intent line it cannot read (a warning when not required)", () => {
    const snap = makeSnapshot({ body: "Intent: the billing work" });
    expect(run(snap).findings[0]?.message).toBe(
      'The PR description names no intent brief. The `Intent:` line on line 1 ("the billing work") names no issue or brief file.',
    );
    expect(run(snap, config({ required: false })).status).toBe("warning");
  });

  it("ignores a reference inside a code block or an HTML comment", () => {
    const body = "<!-- Intent: #12 -->\n```\nIntent: #12\n```";
    expect(run(withIssue(body)).status).toBe("failed");
  });
});

describe("intent rule: issue briefs", () => {
  it("passes a complete, open, labelled issue and quotes it in the details", () => {
    const r = run(withIssue("Intent: #12"));
    expect(r.status).toBe("passed");
    expect(r.findings).toEqual([]);
    expect(r.summary).toBe("intent brief acme/app#12: complete");
    expect(r.details).toContain("**Intent brief:** Line-item refunds (acme/app#12)");
    expect(r.details).toContain("> - [ ] A line can be refunded");
    expect(r.details).toContain("> Subscription refunds.");
    expect(r.details).toContain(
      "**Scope:** `src/billing/**`, `test/billing/**`, `!src/billing/legacy/**`",
    );
  });

  it.each([
    ["a full URL", "Intent: https://github.com/acme/app/issues/12"],
    ["owner/repo", "**Intent:** acme/app#12"],
    ["a different case", "Intent: ACME/App#12"],
  ])("finds the issue written as %s", (_, body) => {
    expect(run(withIssue(body)).status).toBe("passed");
  });

  it.each<[string, Partial<IssueInfo> | null, string, string]>([
    [
      "an unknown issue",
      { found: false },
      "Intent issue acme/app#12 was not found, or the app cannot read it.",
      "Check the number in `Intent: #12`; an issue in another repository needs the app installed there.",
    ],
    [
      "a closed issue",
      { state: "closed" },
      "Intent issue acme/app#12 is closed.",
      "Reopen acme/app#12 if the work is still wanted, or reference the open brief that replaced it.",
    ],
    [
      "an issue without the label",
      { labels: ["bug", "billing"] },
      'Intent issue acme/app#12 does not carry the "intent" label (its labels: bug, billing).',
      'Add the "intent" label to acme/app#12 once it is a complete brief, or reference the issue that is.',
    ],
    [
      "an issue without labels",
      { labels: [] },
      'Intent issue acme/app#12 does not carry the "intent" label (it has no labels).',
      'Add the "intent" label to acme/app#12 once it is a complete brief, or reference the issue that is.',
    ],
  ])("fails %s", (_, over, message, fix) => {
    const r = run(withIssue("Intent: #12", over ?? {}));
    expect(r.status).toBe("failed");
    expect(r.findings).toEqual([{ ruleId: "intent", severity: "error", message, fix }]);
  });

  it("treats an issue missing from the snapshot as unknown", () => {
    const r = run(makeSnapshot({ body: "Intent: #99", issues: {} }));
    expect(r.findings.map((f) => f.message)).toEqual([
      "Intent issue acme/app#99 was not found, or the app cannot read it.",
    ]);
  });

  it("accepts a closed issue when require_open is off, and any label when label is null", () => {
    expect(
      run(withIssue("Intent: #12", { state: "closed" }), config({ require_open: false })).status,
    ).toBe("passed");
    expect(run(withIssue("Intent: #12", { labels: [] }), config({ label: null })).status).toBe(
      "passed",
    );
    expect(run(withIssue("Intent: #12", { labels: ["Intent"] })).status).toBe("passed");
  });

  it("names the missing sections and the headings to add", () => {
    const body = "### User impact\n\nAdmins refund lines.\n\n### Constraints\n\nCompatible API.";
    const r = run(withIssue("Intent: #12", { body }));
    expect(r.status).toBe("failed");
    expect(r.findings).toEqual([
      {
        ruleId: "intent",
        severity: "error",
        message:
          'Intent brief acme/app#12 is missing the sections "Non-goals", "Acceptance criteria", "Scope".',
        fix:
          'Edit issue acme/app#12 and add a heading "### Non-goals" with what this work deliberately does not do; ' +
          'a heading "### Acceptance criteria" with checkable statements that say when the work is done; ' +
          'a heading "### Scope" with path globs the change may touch, one per line (`!glob` excludes).',
      },
    ]);
    expect(r.summary).toBe("1 problem with intent brief acme/app#12");
  });

  it("names empty sections separately from missing ones", () => {
    const body = BRIEF.replace("The public API stays compatible.", "_No response_").replace(
      "### Non-goals\n\nSubscription refunds.",
      "",
    );
    const r = run(withIssue("Intent: #12", { body }));
    expect(r.findings.map((f) => f.message)).toEqual([
      'Intent brief acme/app#12 is missing the section "Non-goals".',
      'Intent brief acme/app#12 has the section "Constraints" empty or only a placeholder (such as _No response_ or TBD).',
    ]);
    expect(r.findings[1]?.fix).toBe(
      'Edit issue acme/app#12 and fill in "Constraints" with limits the solution must respect (compatibility, performance, security, deadlines).',
    );
  });

  it("checks only the required sections", () => {
    const body = "### Acceptance criteria\n\n- works";
    const cfg = config({ required_sections: ["acceptance_criteria"] });
    expect(run(withIssue("Intent: #12", { body }), cfg).status).toBe("passed");
    expect(run(withIssue("Intent: #12", { body }), config({ required_sections: [] })).status).toBe(
      "passed",
    );
  });

  it("reports everything at once: closed, unlabelled and incomplete", () => {
    const r = run(withIssue("Intent: #12", { state: "closed", labels: [], body: "" }));
    expect(r.findings).toHaveLength(3);
    expect(r.summary).toBe("3 problems with intent brief acme/app#12");
  });
});

describe("intent rule: closing references", () => {
  it("a closing reference to a labelled issue counts as the brief", () => {
    const r = run(withIssue("Closes #12"));
    expect(r.status).toBe("passed");
    expect(r.summary).toBe("intent brief acme/app#12: complete");
  });

  it("a closing reference to an unlabelled issue does not count, and the message says why", () => {
    const r = run(withIssue("Fixes #12", { labels: ["bug"] }));
    expect(r.findings).toEqual([
      {
        ruleId: "intent",
        severity: "error",
        message:
          'The PR description names no intent brief. It closes acme/app#12, but it does not carry the "intent" label, so it does not count as the brief.',
        fix: 'Add a line `Intent: #<issue>` to the PR description (or `Intent: path/to/brief.md` for a brief file in the repository). Or, if acme/app#12 is the brief, add the "intent" label to it.',
      },
    ]);
  });

  it("does not count when closing_reference_counts is off", () => {
    expect(run(withIssue("Closes #12"), config({ closing_reference_counts: false })).status).toBe(
      "failed",
    );
  });

  it("an explicit Intent line is the brief even when the PR also closes other issues", () => {
    const snap = makeSnapshot({
      body: "Intent: #12\nCloses #13",
      issues: {
        "acme/app#12": issueInfo("acme/app#12"),
        "acme/app#13": issueInfo("acme/app#13", { body: "", labels: [] }),
      },
    });
    expect(run(snap).status).toBe("passed");
  });
});

describe("intent rule: local runs (no GitHub data)", () => {
  const local = (body: string, extra = {}) =>
    makeSnapshot({ source: "local", issues: null, body, ...extra });

  it("an issue brief is skipped with NEEDS_GITHUB", () => {
    const r = run(local("Intent: #12"));
    expect(r.status).toBe("skipped");
    expect(r.summary).toBe(`${NEEDS_GITHUB}: intent issue acme/app#12 is read from GitHub`);
  });

  it("a closing reference alone is skipped with NEEDS_GITHUB", () => {
    const r = run(local("Closes #4"));
    expect(r.status).toBe("skipped");
    expect(r.summary).toBe(
      `${NEEDS_GITHUB}: whether acme/app#4 carries the "intent" label is read from GitHub`,
    );
    expect(run(local("Closes #4"), config({ label: null })).summary).toBe(
      `${NEEDS_GITHUB}: whether acme/app#4 exists is read from GitHub`,
    );
  });

  it("a missing reference still fails", () => {
    expect(run(local("no brief")).status).toBe("failed");
  });

  it("a file brief is checked fully; an issue beside it gets a notice", () => {
    const snap = local("Intent: docs/intents/refunds.md, #12", {
      baseFiles: {
        intentFiles: [{ path: "docs/intents/refunds.md", content: "## Scope\n- src/**" }],
      },
    });
    const r = run(snap, config({ enforce_scope: true }));
    expect(r.status).toBe("failed");
    expect(r.findings.map((f) => [f.severity, f.message])).toEqual([
      [
        "notice",
        "Intent issue acme/app#12 was not checked: issues are read from GitHub, and this is a local run.",
      ],
      [
        "error",
        'Intent brief docs/intents/refunds.md is missing the sections "User impact", "Constraints", "Non-goals", "Acceptance criteria".',
      ],
      ["notice", "The scope was not checked: part of the brief is an issue, read only on GitHub."],
    ]);
  });
});

describe("intent rule: file briefs", () => {
  const file = { path: "docs/intents/refunds.md", content: `# Refunds\n\n${BRIEF}` };

  it("reads the brief from the base branch", () => {
    const r = run(
      makeSnapshot({
        body: "Intent: ./docs/intents/refunds.md",
        baseFiles: { intentFiles: [file] },
      }),
    );
    expect(r.status).toBe("passed");
    expect(r.details).toContain("**Intent brief:** Refunds (docs/intents/refunds.md)");
  });

  it("falls back to the head when the PR adds the brief", () => {
    const snap = makeSnapshot({
      body: "Intent: docs/intents/refunds.md",
      files: [{ path: file.path, status: "added", additions: 20, deletions: 0 }],
      headFiles: { intentFiles: [file] },
    });
    expect(run(snap).status).toBe("passed");
  });

  it("prefers the base version over the head version", () => {
    const snap = makeSnapshot({
      body: "Intent: docs/intents/refunds.md",
      baseFiles: { intentFiles: [file] },
      headFiles: { intentFiles: [{ path: file.path, content: "" }] },
    });
    expect(run(snap).status).toBe("passed");
  });

  it("fails when the file is nowhere, naming the base branch", () => {
    const r = run(makeSnapshot({ body: "Intent: docs/intents/nope.md" }));
    expect(r.findings).toEqual([
      {
        ruleId: "intent",
        severity: "error",
        message: "Intent brief file docs/intents/nope.md was not found on the base branch (main).",
        fix: "Check the path in `Intent: docs/intents/nope.md` (relative to the repository root), or reference an issue instead.",
      },
    ]);
  });

  it("points section findings at the brief file", () => {
    const r = run(
      makeSnapshot({
        body: "Intent: docs/b.md",
        baseFiles: { intentFiles: [{ path: "docs/b.md", content: "" }] },
      }),
    );
    expect(r.findings[0]).toMatchObject({
      path: "docs/b.md",
      fix: expect.stringMatching(/^Edit docs\/b\.md and add/),
    });
  });
});

describe("intent rule: enforce_scope", () => {
  const scoped = config({ enforce_scope: true });
  const snap = (...specs: Parameters<typeof files>) =>
    withIssue("Intent: #12", {}, { files: files(...specs) });

  it("passes when every changed file is inside the scope", () => {
    const r = run(snap("src/billing/refund.ts", "test/billing/refund.test.ts"), scoped);
    expect(r.status).toBe("passed");
  });

  it("flags each file outside the scope with its path, and honours excludes", () => {
    const r = run(
      snap("src/billing/refund.ts", "src/auth/login.ts", "src/billing/legacy/old.ts"),
      scoped,
    );
    expect(r.status).toBe("failed");
    expect(r.findings).toEqual(
      ["src/auth/login.ts", "src/billing/legacy/old.ts"].map((path) => ({
        ruleId: "intent",
        severity: "error",
        path,
        message: `${path} is outside the scope of intent brief acme/app#12 (src/billing/**, test/billing/**, !src/billing/legacy/**).`,
        fix: "Move this change to another PR with its own brief, or add a glob that covers it to the brief's Scope section.",
      })),
    );
  });

  it("does not check the scope unless enforce_scope is on", () => {
    expect(run(snap("src/auth/login.ts")).status).toBe("passed");
  });

  it("a rename from outside the scope is flagged", () => {
    const r = run(
      withIssue(
        "Intent: #12",
        {},
        {
          files: [
            {
              path: "src/billing/x.ts",
              previousPath: "src/auth/x.ts",
              status: "renamed",
              additions: 0,
              deletions: 0,
            },
          ],
        },
      ),
      scoped,
    );
    expect(r.findings.map((f) => f.message)).toEqual([
      "src/billing/x.ts (renamed from src/auth/x.ts) is outside the scope of intent brief acme/app#12 (src/billing/**, test/billing/**, !src/billing/legacy/**).",
    ]);
  });

  it("the brief file a PR adds is not out of scope", () => {
    const file = { path: "docs/intents/r.md", content: BRIEF };
    const r = run(
      makeSnapshot({
        body: "Intent: docs/intents/r.md",
        files: files("docs/intents/r.md", "src/billing/a.ts"),
        headFiles: { intentFiles: [file] },
      }),
      scoped,
    );
    expect(r.status).toBe("passed");
  });

  it("a brief without scope globs is a finding of its own", () => {
    const body = BRIEF.replace(/```text[\s\S]*```/, "Only the billing module.");
    const r = run(withIssue("Intent: #12", { body }, { files: files("src/a.ts") }), scoped);
    expect(r.findings).toEqual([
      {
        ruleId: "intent",
        severity: "error",
        message:
          "enforce_scope is on, but intent brief acme/app#12 declares no scope globs, so the changed files cannot be checked against it.",
        fix: 'Edit issue acme/app#12 and add a "### Scope" section listing the paths this change may touch, one glob per line (e.g. `src/billing/**`; `!glob` excludes).',
      },
    ]);
  });

  it("a missing Scope section is reported once, not twice", () => {
    const body = BRIEF.replace(/### Scope[\s\S]*$/, "");
    const r = run(withIssue("Intent: #12", { body }, { files: files("src/a.ts") }), scoped);
    expect(r.findings.map((f) => f.message)).toEqual([
      'Intent brief acme/app#12 is missing the section "Scope".',
    ]);
  });

  it("two briefs: a file may be in either scope", () => {
    const r = run(
      makeSnapshot({
        body: "Intent: #12\nIntent: docs/b.md",
        issues: { "acme/app#12": issueInfo("acme/app#12") },
        baseFiles: {
          intentFiles: [
            { path: "docs/b.md", content: BRIEF.replace(/src\/billing/g, "src/ledger") },
          ],
        },
        files: files("src/billing/a.ts", "src/ledger/b.ts", "README.md"),
      }),
      scoped,
    );
    expect(r.findings.map((f) => f.path)).toEqual(["README.md"]);
    expect(r.summary).toBe("1 problem with intent brief acme/app#12, docs/b.md");
  });

  it("caps per-file findings and counts the rest", () => {
    const many = Array.from({ length: MAX_SCOPE_FINDINGS + 5 }, (_, i) => `lib/f${i}.ts`);
    const r = run(snap(...many), scoped);
    expect(r.findings).toHaveLength(MAX_SCOPE_FINDINGS + 1);
    expect(r.findings.at(-1)?.message).toBe(
      "5 more changed files are outside the scope of intent brief acme/app#12.",
    );
  });

  it("warns when the file list is truncated", () => {
    const r = run(
      withIssue(
        "Intent: #12",
        {},
        { files: files("src/billing/a.ts"), filesTruncated: true, changedFilesCount: 3500 },
      ),
      scoped,
    );
    expect(r.status).toBe("warning");
    expect(r.findings[0]?.message).toBe(
      "Only the first 1 of 3500 changed files could be checked against the scope.",
    );
  });
});

describe("intent rule: details", () => {
  it("truncates long acceptance criteria", () => {
    const long = Array.from({ length: 400 }, (_, i) => `- criterion ${i}`).join("\n");
    const body = BRIEF.replace("- [ ] A line can be refunded", long);
    const details = run(withIssue("Intent: #12", { body })).details ?? "";
    expect(details).toContain("> - criterion 0");
    expect(details).not.toContain("criterion 399");
    expect(details).toContain("> …");
    expect(details.length).toBeLessThan(2500);
  });
});

describe("read planning helpers", () => {
  const body = "Intent: #12, docs/a.md\nCloses other/repo#3\n```\nIntent: #9\n```";
  it("intentIssueKeys lists the issues to fetch, closing references included", () => {
    expect(intentIssueKeys(body, { owner: "acme", name: "app" })).toEqual([
      "acme/app#12",
      "other/repo#3",
    ]);
  });
  it("intentFilePaths lists the brief files to read", () => {
    expect(intentFilePaths(body)).toEqual(["docs/a.md"]);
  });
});
