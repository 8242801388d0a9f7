import { describe, expect, it } from "vitest";
import {
  type DecisionsConfig,
  decisionsConfigSchema,
  decisionsRule,
  MAX_GOVERNED_FINDINGS,
} from "../../src/rules/decisions.js";
import type { ChangedFile, FileContent } from "../../src/snapshot/types.js";
import { files, makeSnapshot } from "../helpers/snapshot.js";

const ctx = { now: new Date("2026-12-04T00:00:00Z") };
const config = (overrides: Record<string, unknown> = {}): DecisionsConfig =>
  decisionsConfigSchema.parse(overrides);

const nygard = (n: number, title: string, status: string, body = "We decided it.") =>
  `# ${n}. ${title}\n\nDate: 2026-01-0${n % 9 || 1}\n\n## Status\n\n${status}\n\n## Context\n\nContext of ${title}.\n\n## Decision\n\n${body}\n`;

const STRIPE = `---
status: accepted
date: 2026-02-01
governs:
  - "src/payments/**"
  - "!src/payments/README.md"
---

# Use Stripe for payments

## Context and Problem Statement

We take card payments.

## Decision Outcome

Chosen option: "Stripe".
`;

const file = (path: string, content: string): FileContent => ({ path, content });

const RECORDS: Record<string, FileContent> = {
  readme: file("docs/adr/README.md", "# Decisions\n\nAccepted records are listed here.\n"),
  es: file(
    "docs/adr/0002-use-elasticsearch.md",
    nygard(2, "Use Elasticsearch", "Superseded by [16. Use OpenSearch](0016-use-opensearch.md)"),
  ),
  kafka: file(
    "docs/adr/0005-use-kafka.md",
    nygard(5, "Use Kafka", "Rejected in favour of [ADR-7](0007-use-stripe.md)"),
  ),
  stripe: file("docs/adr/0007-use-stripe.md", STRIPE),
  graphql: file("docs/adr/0009-use-graphql.md", nygard(9, "Use GraphQL", "Proposed")),
  soap: file("docs/adr/0011-use-soap.md", nygard(11, "Use SOAP", "Deprecated")),
  vague: file("docs/adr/0012-vague.md", nygard(12, "Vague", "Looks good")),
  opensearch: file(
    "docs/adr/0016-use-opensearch.md",
    nygard(
      16,
      "Use OpenSearch",
      "Accepted\n\nSupersedes [2. Use Elasticsearch](0002-use-elasticsearch.md)",
    ),
  ),
  outside: file("notes/0020-elsewhere.md", nygard(20, "Elsewhere", "Accepted")),
};
const BASE = Object.values(RECORDS);

const snap = (over: Parameters<typeof makeSnapshot>[0] = {}) =>
  makeSnapshot({ ...over, baseFiles: { decisions: BASE, ...over.baseFiles } });

const run = (snapshot: ReturnType<typeof makeSnapshot>, cfg = config()) =>
  decisionsRule.evaluate(snapshot, cfg, ctx);

const migrations = config({ require_for: ["migrations/**"] });

describe("decisions config schema", () => {
  it("has the documented defaults", () => {
    expect(config()).toEqual({
      enabled: true,
      directories: ["docs/adr", "docs/decisions"],
      require_for: [],
    });
  });

  it("rejects unknown keys and empty globs", () => {
    expect(decisionsConfigSchema.safeParse({ directory: "docs/adr" }).success).toBe(false);
    expect(decisionsConfigSchema.safeParse({ require_for: [""] }).success).toBe(false);
  });

  it("describes every key", () => {
    for (const [key, schema] of Object.entries(decisionsConfigSchema.shape))
      expect(schema.description, key).toMatch(/\.$/);
  });

  it("triggers on the PR events that change its inputs", () => {
    expect(decisionsRule.triggers).toEqual([
      "pull_request.opened",
      "pull_request.synchronize",
      "pull_request.edited",
      "rerun",
    ]);
  });
});

describe("decisions rule: governed files need a referenced decision", () => {
  it("is skipped when disabled", () => {
    expect(run(snap(), config({ enabled: false }))).toMatchObject({
      status: "skipped",
      summary: "disabled in config",
    });
  });

  it("passes quietly when nothing is governed or referenced", () => {
    const r = run(snap({ files: files("src/app.ts") }));
    expect(r).toMatchObject({
      status: "passed",
      summary: "no changed file is governed by a decision record",
      findings: [],
    });
    expect(r.details).toBeUndefined();
  });

  it.each<[string, string, DecisionsConfig, string[], "passed" | "failed" | "warning"]>([
    ["require_for, no reference", "", migrations, ["migrations/001.sql"], "failed"],
    [
      "require_for, accepted reference",
      "Follows ADR-16.",
      migrations,
      ["migrations/001.sql"],
      "passed",
    ],
    [
      "require_for, reference by path",
      "See docs/adr/0016-use-opensearch.md",
      migrations,
      ["migrations/001.sql"],
      "passed",
    ],
    ["require_for, proposed only", "Per ADR-9", migrations, ["migrations/001.sql"], "failed"],
    ["require_for, superseded only", "Per ADR-2", migrations, ["migrations/001.sql"], "failed"],
    [
      "require_for, reference in a comment",
      "<!-- ADR-16 -->",
      migrations,
      ["migrations/001.sql"],
      "failed",
    ],
    [
      "require_for, record outside the directories",
      "Per ADR-20",
      migrations,
      ["migrations/001.sql"],
      "failed",
    ],
    ["governs, no reference", "", config(), ["src/payments/charge.ts"], "failed"],
    ["governs, another accepted record", "ADR-16", config(), ["src/payments/charge.ts"], "failed"],
    [
      "governs, the governing record",
      "Implements ADR-0007",
      config(),
      ["src/payments/charge.ts"],
      "passed",
    ],
    [
      "governs, a markdown link",
      "Per [the decision](docs/adr/0007-use-stripe.md)",
      config(),
      ["src/payments/charge.ts"],
      "passed",
    ],
    [
      "governs, a blob URL",
      "https://github.com/acme/app/blob/main/docs/adr/0007-use-stripe.md",
      config(),
      ["src/payments/charge.ts"],
      "passed",
    ],
    ["governs, excluded by a ! glob", "", config(), ["src/payments/README.md"], "passed"],
    [
      "governs and require_for: governing record needed",
      "ADR-16",
      config({ require_for: ["src/**"] }),
      ["src/payments/a.ts"],
      "failed",
    ],
    [
      "require_for with an exclusion",
      "",
      config({ require_for: ["src/**", "!src/generated/**"] }),
      ["src/generated/a.ts"],
      "passed",
    ],
  ])("%s", (_name, body, cfg, paths, status) => {
    expect(run(snap({ body, files: files(...paths) }), cfg).status).toBe(status);
  });

  it("names the require_for glob and suggests accepted records, newest first", () => {
    const r = run(snap({ files: files("migrations/001.sql", "src/app.ts") }), migrations);
    expect(r.summary).toBe("1 governed file without a referenced decision");
    expect(r.findings).toEqual([
      {
        ruleId: "decisions",
        severity: "error",
        path: "migrations/001.sql",
        message:
          'migrations/001.sql matches require_for "migrations/**", so the PR must reference an accepted decision record, and it references none.',
        fix: 'Reference the accepted decision this change follows in the PR description (for example `ADR-16` "Use OpenSearch" or `ADR-7` "Use Stripe for payments"), or add a new decision record to docs/adr in this PR.',
      },
    ]);
  });

  it("says there is no accepted record to reference when there is none", () => {
    const r = run(makeSnapshot({ files: files("migrations/001.sql") }), migrations);
    expect(r.findings[0]?.fix).toBe(
      "There is no accepted decision record in docs/adr yet: add one in this PR (see docs/templates/decision-record.md).",
    );
  });

  it("names the records that govern a file", () => {
    const r = run(snap({ body: "Per ADR-16", files: files("src/payments/charge.ts") }));
    expect(r.findings).toEqual([
      {
        ruleId: "decisions",
        severity: "error",
        path: "src/payments/charge.ts",
        message:
          'src/payments/charge.ts is governed by ADR-7 "Use Stripe for payments", but the PR description does not reference it.',
        fix: "Reference `ADR-7` in the PR description (or link docs/adr/0007-use-stripe.md), or add a new decision record to docs/adr in this PR.",
      },
    ]);
  });

  it("checks a renamed file under its old path too", () => {
    const moved: ChangedFile = {
      path: "src/billing/charge.ts",
      previousPath: "src/payments/charge.ts",
      status: "renamed",
      additions: 0,
      deletions: 0,
    };
    const r = run(snap({ files: [moved] }));
    expect(r.findings[0]?.message).toMatch(
      /^src\/billing\/charge\.ts \(renamed from src\/payments\/charge\.ts\) is governed by ADR-7/,
    );
  });

  it("a new decision record in the PR covers the governed files", () => {
    const added: ChangedFile = {
      path: "docs/adr/0017-use-adyen.md",
      status: "added",
      additions: 20,
      deletions: 0,
    };
    const r = run(
      snap({
        files: [...files("src/payments/charge.ts", "migrations/002.sql"), added],
        headFiles: { decisions: [file(added.path, nygard(17, "Use Adyen", "Proposed"))] },
      }),
      migrations,
    );
    expect(r).toMatchObject({
      status: "passed",
      summary: "2 governed files, covered by new record docs/adr/0017-use-adyen.md",
    });
  });

  it("a record that is not accepted does not bind paths with governs", () => {
    const proposed = file(
      "docs/decisions/0030-x.md",
      "---\nstatus: proposed\ngoverns: [lib/**]\n---\n# X\n",
    );
    const r = run(
      snap({ files: files("lib/a.ts"), baseFiles: { decisions: [...BASE, proposed] } }),
    );
    expect(r.status).toBe("passed");
  });

  it("reports at most MAX_GOVERNED_FINDINGS files and counts the rest", () => {
    const many = Array.from({ length: MAX_GOVERNED_FINDINGS + 7 }, (_, i) => `migrations/${i}.sql`);
    const r = run(snap({ files: files(...many) }), migrations);
    expect(r.findings).toHaveLength(MAX_GOVERNED_FINDINGS + 1);
    expect(r.findings.at(-1)?.message).toBe("7 more governed files have no referenced decision.");
  });

  it("warns when the file list was truncated", () => {
    const r = run(
      snap({
        body: "ADR-16",
        files: files("migrations/1.sql"),
        filesTruncated: true,
        changedFilesCount: 3001,
      }),
      migrations,
    );
    expect(r.status).toBe("warning");
    expect(r.findings[0]?.message).toBe(
      "Only the first 1 of 3001 changed files could be checked against the decision records.",
    );
  });

  it("lists the decisions that govern the change in the details", () => {
    const r = run(
      snap({ body: "ADR-7, ADR-2", files: files("src/payments/a.ts", "src/payments/b.ts") }),
    );
    expect(r.details).toBe(
      [
        "**Decisions that govern this change**",
        "",
        "| Decision | Title | Status | Changed files it governs | Referenced by the PR |",
        "| --- | --- | --- | --- | --- |",
        "| ADR-7 (`docs/adr/0007-use-stripe.md`) | Use Stripe for payments | accepted | 2 | yes |",
        "| ADR-2 (`docs/adr/0002-use-elasticsearch.md`) | Use Elasticsearch | superseded | 0 | yes |",
      ].join("\n"),
    );
  });
});

describe("decisions rule: references to decisions not in force", () => {
  it.each<[string, string, "error" | "warning", string, string]>([
    [
      "superseded",
      "Per ADR-2",
      "error",
      'The PR description references ADR-2 "Use Elasticsearch" (docs/adr/0002-use-elasticsearch.md), which is superseded by ADR-16 "Use OpenSearch".',
      'Reference ADR-16 "Use OpenSearch" instead, the decision in force.',
    ],
    [
      "rejected in favour of another",
      "Per ADR-5",
      "error",
      'The PR description references ADR-5 "Use Kafka" (docs/adr/0005-use-kafka.md), which is rejected in favour of ADR-7 "Use Stripe for payments".',
      'Reference ADR-7 "Use Stripe for payments" instead, the decision in force.',
    ],
    [
      "deprecated without successor",
      "Per ADR-11",
      "error",
      'The PR description references ADR-11 "Use SOAP" (docs/adr/0011-use-soap.md), which is deprecated.',
      "Reference the decision that is in force instead, or add a new decision record that replaces this one.",
    ],
    [
      "proposed",
      "Per ADR-9",
      "warning",
      'The PR description references ADR-9 "Use GraphQL" (docs/adr/0009-use-graphql.md), which is only proposed, not accepted.',
      "Get the decision accepted (its status set to Accepted) before relying on it, or reference an accepted decision.",
    ],
    [
      "unknown status",
      "Per ADR-12",
      "warning",
      'The PR description references ADR-12 "Vague" (docs/adr/0012-vague.md), whose status cannot be read: status "Looks good" is not one of proposed, accepted, rejected, deprecated, superseded.',
      "Give the record one status (e.g. a `## Status` section saying `Accepted`, or `status: accepted` in its front matter).",
    ],
    [
      "no such record",
      "Per ADR-99",
      "warning",
      "The PR description references ADR-99, but there is no such decision record in docs/adr, docs/decisions.",
      "Check the number or path, or add the record in this PR.",
    ],
    [
      "no such path",
      "Per docs/adr/0098-gone.md",
      "warning",
      "The PR description references docs/adr/0098-gone.md, but there is no such decision record in docs/adr, docs/decisions.",
      "Check the number or path, or add the record in this PR.",
    ],
  ])("%s", (_name, body, severity, message, fix) => {
    const r = run(snap({ body, files: files("src/app.ts") }));
    expect(r.findings).toHaveLength(1);
    expect(r.findings[0]).toMatchObject({ ruleId: "decisions", severity, message, fix });
  });

  it("does not flag a record the PR itself is superseding", () => {
    const head = file(
      RECORDS.opensearch!.path,
      RECORDS.opensearch!.content.replace(
        "Accepted\n",
        "Superseded by [17. Use Solr](0017-use-solr.md)\n",
      ),
    );
    const added = file(
      "docs/adr/0017-use-solr.md",
      nygard(17, "Use Solr", "Accepted\n\nSupersedes [16](0016-use-opensearch.md)"),
    );
    const r = run(
      snap({
        body: "Supersedes ADR-16 with ADR-17.",
        files: files(`${head.path}:1:1`, {
          path: added.path,
          status: "added",
          additions: 9,
          deletions: 0,
        }),
        headFiles: { decisions: [head, added] },
      }),
    );
    expect(r.findings).toEqual([]);
    expect(r.status).toBe("passed");
  });
});

describe("decisions rule: accepted decisions are superseded, not rewritten", () => {
  const edit = (content: string, path = RECORDS.opensearch!.path) =>
    snap({ files: files(`${path}:3:1`), headFiles: { decisions: [file(path, content)] } });

  it("passes a change of the status to Superseded by a link", () => {
    const r = run(
      edit(
        RECORDS.opensearch!.content.replace(
          "Accepted\n",
          "Superseded by [17. Use Solr](0017-use-solr.md)\n",
        ),
      ),
    );
    expect(r.findings).toEqual([]);
  });

  it("fails an edit of an accepted record's decision, at the first changed line", () => {
    const r = run(
      edit(RECORDS.opensearch!.content.replace("We decided it.", "We decided otherwise.")),
    );
    expect(r.status).toBe("failed");
    expect(r.summary).toBe(
      "no changed file is governed by a decision record; 1 accepted decision rewritten",
    );
    expect(r.findings).toEqual([
      {
        ruleId: "decisions",
        severity: "error",
        path: "docs/adr/0016-use-opensearch.md",
        line: 17,
        message:
          'Rewrite of accepted decision: docs/adr/0016-use-opensearch.md changes what ADR-16 "Use OpenSearch" says, not only its status.',
        fix: 'Revert the edit and record the new decision in a new record that supersedes ADR-16; in this file change only the status, to "Superseded by [new record](its-file.md)".',
      },
    ]);
  });

  it("fails a status change that also rewrites the body", () => {
    const r = run(
      edit(
        RECORDS.opensearch!.content.replace(
          "Accepted\n",
          "Superseded by [17. X](0017-x.md)\n",
        ).replace("Context of", "New context of"),
      ),
    );
    expect(r.findings.map((f) => f.line)).toEqual([13]);
  });

  it("fails a front matter record's rewrite but not its status change", () => {
    const path = RECORDS.stripe!.path;
    const statusOnly = STRIPE.replace(
      "status: accepted",
      'status: "superseded by [ADR-0017](0017-x.md)"',
    );
    expect(run(edit(statusOnly, path)).findings).toEqual([]);
    const rewrite = STRIPE.replace('"Stripe"', '"Adyen"');
    expect(run(edit(rewrite, path)).findings[0]?.message).toMatch(/^Rewrite of accepted decision/);
  });

  it("warns when a record is marked superseded without its successor", () => {
    const r = run(edit(RECORDS.opensearch!.content.replace("Accepted\n", "Superseded\n")));
    expect(r.findings).toEqual([
      expect.objectContaining({
        severity: "warning",
        message:
          'docs/adr/0016-use-opensearch.md marks ADR-16 "Use OpenSearch" superseded without naming the record that supersedes it.',
      }),
    ]);
  });

  it("allows editing records that are not accepted", () => {
    const path = RECORDS.graphql!.path;
    const r = run(edit(RECORDS.graphql!.content.replace("We decided it.", "Anything."), path));
    expect(r.findings).toEqual([]);
  });

  it("follows a renamed record to its base version", () => {
    const to = "docs/adr/0016-use-opensearch-2.md";
    const renamed: ChangedFile = {
      path: to,
      previousPath: RECORDS.opensearch!.path,
      status: "renamed",
      additions: 1,
      deletions: 1,
    };
    const content = RECORDS.opensearch!.content.replace("We decided it.", "Changed.");
    const r = run(snap({ files: [renamed], headFiles: { decisions: [file(to, content)] } }));
    expect(r.findings[0]).toMatchObject({ path: to, message: expect.stringMatching(/^Rewrite/) });
  });

  it("fails deleting an accepted record", () => {
    const removed: ChangedFile = {
      path: RECORDS.opensearch!.path,
      status: "removed",
      additions: 0,
      deletions: 20,
    };
    const r = run(snap({ files: [removed] }));
    expect(r.findings).toEqual([
      {
        ruleId: "decisions",
        severity: "error",
        path: "docs/adr/0016-use-opensearch.md",
        message:
          'The PR deletes docs/adr/0016-use-opensearch.md, accepted decision ADR-16 "Use OpenSearch".',
        fix: "Keep the record: a decision that no longer holds is marked Deprecated or Superseded by a new record, never deleted.",
      },
    ]);
  });

  it("warns when a new record supersedes an accepted one left accepted", () => {
    const added = file(
      "docs/adr/0017-use-solr.md",
      nygard(17, "Use Solr", "Accepted\n\nSupersedes [16. Use OpenSearch](0016-use-opensearch.md)"),
    );
    const r = run(
      snap({
        files: [{ path: added.path, status: "added", additions: 10, deletions: 0 }],
        headFiles: { decisions: [added] },
      }),
    );
    expect(r.findings).toEqual([
      {
        ruleId: "decisions",
        severity: "warning",
        path: "docs/adr/0016-use-opensearch.md",
        message:
          'ADR-17 "Use Solr" (docs/adr/0017-use-solr.md) supersedes ADR-16 "Use OpenSearch", which is still marked accepted.',
        fix: 'In this PR, change only the status of docs/adr/0016-use-opensearch.md to "Superseded by [ADR-17](0017-use-solr.md)".',
      },
    ]);
  });
});
