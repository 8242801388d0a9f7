import { readFileSync } from "node:fs";
import { fileURLToPath } from "node:url";
import { describe, expect, it } from "vitest";
import { comparableContent, firstContentChange } from "../../src/decisions/content.js";

const CORPUS = fileURLToPath(new URL("../../../shared/corpus/adr/", import.meta.url));

const NYGARD = `# 2. Use Elasticsearch

Date: 2018-07-03

## Status

Accepted

## Context

We need to choose between Solr and Elasticsearch.

## Decision

We will use Elasticsearch.
`;

const MADR = `---
status: accepted
date: 2023-08-15
deciders: alice
governs:
  - src/search/**
---

# Use Elasticsearch

## Context and Problem Statement

We need to choose between Solr and Elasticsearch.

## Decision Outcome

Chosen option: "Elasticsearch".
`;

const MADR2 = `# Push Metrics via InfluxDB

- Status: accepted
- Date: 2020-11-19

## Context and Problem Statement

We want multi-tenancy.
`;

describe("firstContentChange: status-only changes are not rewrites", () => {
  it.each([
    [
      "Nygard: Accepted → Superseded by a link",
      NYGARD,
      NYGARD.replace("Accepted", "Superseded by [16. Use OpenSearch](0016-use-opensearch.md)"),
    ],
    [
      "Nygard: status plus an adr-tools Amended by line",
      NYGARD,
      NYGARD.replace("Accepted", "Accepted\n\nAmended by [17. X](0017-x.md)"),
    ],
    [
      "MADR 3: front matter status and date",
      MADR,
      MADR.replace("status: accepted", "status: superseded by [ADR-0062](0062-x.md)").replace(
        "2023-08-15",
        "2024-01-01",
      ),
    ],
    [
      "MADR 3: a superseded note under the title",
      MADR,
      MADR.replace(
        "# Use Elasticsearch\n",
        "# Use Elasticsearch\n\n> [!NOTE]\n> This decision is **superseded by [ADR-0062](0062-x.md)**.\n",
      ),
    ],
    [
      "MADR 2 bullets and a [Superseded by] title prefix",
      MADR2,
      MADR2.replace("- Status: accepted", "- Status: superseded by [ADR-0019](0019-x.md)").replace(
        "# Push",
        "# [Superseded by [ADR-0019](0019-x.md)] Push",
      ),
    ],
    ["whitespace and line wrapping", NYGARD, NYGARD.replace("between Solr", "between\n  Solr")],
    [
      "a link target fixed",
      `${NYGARD}\nSee [the docs](http://old.example/x).\n`,
      `${NYGARD}\nSee [the docs](https://new.example/x).\n`,
    ],
    ["CRLF line ends", NYGARD, NYGARD.replace(/\n/g, "\r\n")],
    ["identical", MADR, MADR],
  ])("%s", (_name, before, after) => {
    expect(firstContentChange(before, after)).toBeNull();
  });
});

describe("firstContentChange: content changes are found, with the line", () => {
  it.each([
    ["the decision reworded", NYGARD, NYGARD.replace("use Elasticsearch", "use Solr"), 15],
    [
      "the context extended",
      NYGARD,
      NYGARD.replace("Elasticsearch.\n\n##", "Elasticsearch.\nAnd cost.\n\n##"),
      12,
    ],
    ["the title changed", NYGARD, NYGARD.replace("2. Use Elasticsearch", "2. Use Solr"), 1],
    ["a section added at the end", NYGARD, `${NYGARD}\n## Consequences\n\nMore ops.\n`, 17],
    ["front matter deciders changed", MADR, MADR.replace("deciders: alice", "deciders: bob"), 1],
    [
      "status and decision changed together",
      MADR2,
      MADR2.replace("accepted", "superseded by [ADR-1](1.md)").replace("multi-tenancy", "speed"),
      8,
    ],
  ])("%s", (_name, before, after, line) => {
    expect(firstContentChange(before, after)).toEqual({ line });
  });

  it("a Status quo section is content, not status", () => {
    const before = `${NYGARD}\n## Status quo\n\nWe run Solr.\n`;
    expect(firstContentChange(before, before.replace("Solr.", "Solr 8."))).toEqual({ line: 19 });
  });

  it("a link's text is content", () => {
    const before = `${NYGARD}\nSee [the docs](x).\n`;
    expect(firstContentChange(before, before.replace("the docs", "other docs"))).not.toBeNull();
  });
});

describe("comparableContent", () => {
  it("drops the status of a real superseded record", () => {
    const text = readFileSync(
      `${CORPUS}MITLibraries__mario/0012-use-lambda-and-fargate-for-task-execution.md`,
      "utf8",
    );
    const content = comparableContent(text).text;
    expect(
      content.startsWith("# 12. Use Lambda and Fargate for Task Execution ## Context Given"),
    ).toBe(true);
    expect(content).not.toMatch(/Superceded|Supercedes/);
    expect(content).toContain("We will use AWS Lambda to trigger a Fargate task");
  });
});
