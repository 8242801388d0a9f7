import { describe, expect, it } from "vitest";
import { cleanTitle, parseDecisionRecord } from "../../src/decisions/parse.js";
import type { DecisionStatus } from "../../src/decisions/types.js";

const nygard = (status: string, extra = "") =>
  `# 4. Use Postgres\n\nDate: 2021-03-04\n\n## Status\n\n${status}\n\n## Context\n\nWe need a database.${extra}\n`;

const madr2 = (status: string) =>
  `# Use Postgres\n\n* Status: ${status}\n* Date: 2021-03-04\n\n## Context and Problem Statement\n\nWhich database?\n`;

const madr3 = (front: string) =>
  `---\n${front}\n---\n\n# Use Postgres\n\n## Context and Problem Statement\n\nWhich database?\n`;

describe("parseDecisionRecord: status", () => {
  it.each<[string, string, DecisionStatus]>([
    ["Nygard accepted", nygard("Accepted"), "accepted"],
    ["Nygard proposed", nygard("Proposed"), "proposed"],
    ["bold", nygard("**Accepted**"), "accepted"],
    ["emoji", nygard("✅ Accepted"), "accepted"],
    ["emoji with variation selector", nygard("⌛️ Superseded by [5. X](0005-x.md)"), "superseded"],
    ["upper case", nygard("REJECTED"), "rejected"],
    ["adr-tools spelling", nygard("Superceded by [5. X](0005-x.md)"), "superseded"],
    ["later line wins when more final", nygard("Accepted\n\nDeprecated"), "deprecated"],
    ["amended by keeps accepted", nygard("Accepted\n\nAmended by [5. X](0005-x.md)"), "accepted"],
    ["amends keeps accepted", nygard("Accepted\n\nAmends [3. X](0003-x.md)"), "accepted"],
    ["supersedes keeps accepted", nygard("Accepted\n\nSupersedes [3. X](0003-x.md)"), "accepted"],
    ["status key inside the section", nygard("Status: Accepted"), "accepted"],
    [
      "quoted guidance is skipped",
      nygard("> proposed, accepted or rejected\n\nAccepted"),
      "accepted",
    ],
    ["MADR 2 bullet", madr2("accepted"), "accepted"],
    ["MADR 2 bullet deprecated", madr2("deprecated"), "deprecated"],
    ["log4brains dash bullet", madr2("draft").replace(/^\* /gm, "- "), "proposed"],
    ["bold key", "# T\n\n**Status:** Accepted\n\n## Context\n", "accepted"],
    ["MADR 3 front matter", madr3("status: accepted\ndate: 2021-03-04"), "accepted"],
    ["front matter in braces", madr3("status: {proposed}"), "proposed"],
    ["front matter quoted", madr3('status: "superseded by ADR-0009"'), "superseded"],
    [
      "front matter accepted; supersedes",
      madr3('status: "accepted; supersedes ADR-3"'),
      "accepted",
    ],
    ["declined", nygard("Declined"), "rejected"],
    ["withdrawn", madr3("status: Withdrawn"), "rejected"],
    ["approved", nygard("Approved"), "accepted"],
    ["rejected in favour of", nygard("Rejected in favour of ADR 7"), "rejected"],
    ["status heading with value", "# T\n\n## Status: Accepted\n\n## Context\n", "accepted"],
    [
      "dated history, latest most final",
      nygard("- 2020-01-02: proposed\n- 2020-02-03: accepted"),
      "accepted",
    ],
    [
      "status quo is not the status",
      "# T\n\n## Status quo\n\nWe use X.\n\n## Status\n\nAccepted\n",
      "accepted",
    ],
    [
      "table",
      "| Status | Date |\n|---|---|\n| Accepted | 2021-01-02 |\n\n## Context\n",
      "accepted",
    ],
  ])("%s", (_name, text, status) => {
    expect(parseDecisionRecord(text, "docs/adr/0004-use-postgres.md").status).toBe(status);
  });

  it.each([
    ["[proposed | rejected | accepted]", /unfilled template/],
    ["{Deprecated|Proposed|Accepted|Declined}", /unfilled template/],
    ["TBD", /placeholder/],
    ["Looks good to me", /"Looks good to me" is not one of/],
  ])("%s is unknown with a problem", (status, problem) => {
    const r = parseDecisionRecord(nygard(status), "docs/adr/0004-x.md");
    expect(r.status).toBe("unknown");
    expect(r.problems.join("\n")).toMatch(problem);
  });

  it("an unfilled MADR template in front matter is unknown", () => {
    const r = parseDecisionRecord(
      madr3("status: '{proposed | rejected | accepted | deprecated | … | superseded by ADR-0123}'"),
      "0004-x.md",
    );
    expect(r.status).toBe("unknown");
    expect(r.supersededBy).toEqual([]);
    expect(r.problems[0]).toMatch(/unfilled template/);
  });

  it("a record without any status is unknown and says why", () => {
    const r = parseDecisionRecord("# Use X\n\n## Context\n\nText.\n", "0001-use-x.md");
    expect(r.status).toBe("unknown");
    expect(r.problems).toContain(
      "no status found (no front matter `status:`, `Status:` line or `## Status` section)",
    );
  });

  it("ignores status-like lines in code blocks and later sections", () => {
    const text =
      "# Use X\n\n## Options\n\n```markdown\n---\nstatus: accepted\n---\n## Status\n\nAccepted\n```\n\nExample: `Status: Accepted`\n";
    expect(parseDecisionRecord(text, "0001-x.md").status).toBe("unknown");
  });
});

describe("parseDecisionRecord: relations", () => {
  it.each([
    [
      "superseded by a link keeps the target",
      nygard("Superseded by [2. Foo](0002-foo.md)"),
      [],
      ["0002-foo.md"],
    ],
    [
      "superseded by text keeps the text",
      madr3("status: superseded by ADR-0009"),
      [],
      ["ADR-0009"],
    ],
    [
      "supersedes and superseded by on separate lines",
      nygard("Supercedes [1. A](0001-a.md)\n\nSuperceded by [9. B](0009-b.md)"),
      ["0001-a.md"],
      ["0009-b.md"],
    ],
    [
      "two successors, deduplicated",
      nygard("Superseded by [ADR 23](/adr/23) and [ADR 26](/adr/26), see [ADR 23](/adr/23)"),
      [],
      ["/adr/23", "/adr/26"],
    ],
    [
      "supersedes two in parentheses",
      nygard("Accepted (Supersedes [001](./001-a.md), [007](./007-b.md)) on 2019-10-01"),
      ["./001-a.md", "./007-b.md"],
      [],
    ],
    ["amended by is not a successor", nygard("Accepted\n\nAmended by [17. X](0017-x.md)"), [], []],
    [
      "front matter superseded-by key",
      madr3("status: superseded\nsuperseded-by: [ADR-0012]"),
      [],
      ["ADR-0012"],
    ],
    [
      "a Links section",
      `${madr2("accepted")}\n## Links\n\n- Supersedes [Old](20200101-old.md)\n- Relates to [Other](x.md)\n`,
      ["20200101-old.md"],
      [],
    ],
  ])("%s", (_name, text, supersedes, supersededBy) => {
    const r = parseDecisionRecord(text, "docs/adr/0004-x.md");
    expect(r.supersedes).toEqual(supersedes);
    expect(r.supersededBy).toEqual(supersededBy);
  });

  it("a superseded record without a successor says so", () => {
    const r = parseDecisionRecord(nygard("Superseded"), "0004-x.md");
    expect(r.status).toBe("superseded");
    expect(r.problems).toContain("marked superseded, but names no record that supersedes it");
  });
});

describe("parseDecisionRecord: dates", () => {
  it.each([
    ["Date: 2020-01-02", "2020-01-02"],
    ["Date: 2020/01/02", "2020-01-02"],
    ["Date: January 5, 2021", "2021-01-05"],
    ["Date: 5 January 2021", "2021-01-05"],
    ["Date: 05.01.2021", "2021-01-05"],
    ["Date: 25/12/2020", "2020-12-25"],
    ["Date: 12/25/2020", "2020-12-25"],
    ["Date 2023-09-26", "2023-09-26"],
    ["Date: [2022-10-05]", "2022-10-05"],
    ["**Date:** 2022-10-05", "2022-10-05"],
    ["October 15, 2018", "2018-10-15"],
    ["Created: June 19, 2019\nUpdated: October 31, 2019", "2019-06-19"],
    ["Date: 2021-02-30", null],
    ["Date: soon", null],
  ])("%s → %s", (line, date) => {
    const text = `# 1. T\n\n${line}\n\n## Status\n\nAccepted\n`;
    expect(parseDecisionRecord(text, "0001-t.md").date).toBe(date);
  });

  it("reads a date with the accepted status when there is no other", () => {
    expect(
      parseDecisionRecord(nygard("Accepted on 2020-04-16").replace(/Date: .*\n/, ""), "9.md").date,
    ).toBe("2020-04-16");
  });

  it("falls back to the file name's date, and says so when the written date was bad", () => {
    const r = parseDecisionRecord(
      madr2("accepted").replace("2021-03-04", "2021-31-12"),
      "adr/2021_12_31_x.md",
    );
    expect(r.date).toBe("2021-12-31");
    expect(r.problems).toContain(
      'Date line "2021-31-12" is not a calendar date (expected YYYY-MM-DD)',
    );
    expect(r.problems).toContain("used the date in the file name (2021-12-31)");
  });

  it("front matter dates win and may sit in braces", () => {
    expect(parseDecisionRecord(madr3("status: accepted\ndate: { 2024-05-02 }"), "x.md").date).toBe(
      "2024-05-02",
    );
    expect(parseDecisionRecord(madr3("date: September 20, 2024"), "x.md").date).toBe("2024-09-20");
  });
});

describe("parseDecisionRecord: number and title", () => {
  it.each<[string, string, number | null, string | null]>([
    ["0007-foo.md", "# Foo\n", 7, "Foo"],
    ["docs/adr/adr-017-x.md", "# Architecture Decision Record: X\n", 17, "X"],
    ["ADR-10-x.md", "# X\n", 10, "X"],
    ["2022-03-28_017-udp.md", "# UDP\n", 17, "UDP"],
    ["20200926-foo.md", "# Foo\n", null, "Foo"],
    ["2020_09_01_x.md", "# X\n", null, "X"],
    ["notes.md", "# 12. Use X\n", 12, "Use X"],
    ["notes.md", "# ADR 036: Empty Blocks\n", 36, "Empty Blocks"],
    ["notes.md", "# ADR-5 - Dashes\n", 5, "Dashes"],
    ["notes.md", "# 1.0 release plan\n", null, "1.0 release plan"],
    ["notes.md", "# [Superseded by [ADR-2](0002-x.md)] Old way\n", null, "Old way"],
    ["notes.md", "---\nadr: 42\ntitle: From front matter\n---\n# Other\n", 42, "From front matter"],
    ["notes.md", "Setext title\n============\n\nText\n", null, "Setext title"],
    ["notes.md", "```sh\n# not a title\n```\n", null, null],
  ])("%s %j", (path, text, number, title) => {
    const r = parseDecisionRecord(text, path);
    expect({ number: r.number, title: r.title }).toEqual({ number, title });
  });

  it("cleanTitle keeps titles without a number as they are", () => {
    expect(cleanTitle("Use `--input` consistently")).toEqual({
      title: "Use `--input` consistently",
      number: null,
    });
  });
});

describe("parseDecisionRecord: front matter", () => {
  it("reads governs globs", () => {
    const r = parseDecisionRecord(
      madr3('status: accepted\ngoverns:\n  - "src/payments/**"\n  - migrations/**'),
      "docs/adr/0003-x.md",
    );
    expect(r.governs).toEqual(["src/payments/**", "migrations/**"]);
    expect(r.problems).toEqual([]);
  });

  it("reports governs entries that are not globs", () => {
    const r = parseDecisionRecord(madr3("governs:\n  - 3\n  - src/**"), "x.md");
    expect(r.governs).toEqual(["src/**"]);
    expect(r.problems).toContain("front matter `governs:` entry 3 is not a path glob");
  });

  it("reads broken YAML line by line and reports it", () => {
    const r = parseDecisionRecord(
      madr3("status: accepted\ndate: 2021-01-01\ntitle: [unclosed\ngoverns:\n  - src/**"),
      "x.md",
    );
    expect(r.status).toBe("accepted");
    expect(r.date).toBe("2021-01-01");
    expect(r.governs).toEqual(["src/**"]);
    expect(r.problems[0]).toMatch(/^front matter is not valid YAML/);
  });
});

describe("parseDecisionRecord: odd input never throws", () => {
  it("handles a byte-order mark and CRLF line ends", () => {
    const text = `\uFEFF${madr3("status: accepted\r\ndate: 2021-01-02").replace(/\n/g, "\r\n")}`;
    const r = parseDecisionRecord(text, "0001-x.md");
    expect([r.status, r.date, r.title]).toEqual(["accepted", "2021-01-02", "Use Postgres"]);
  });

  it("reads an unclosed front matter block as plain lines", () => {
    const r = parseDecisionRecord("---\nstatus: accepted\n", "0001-x.md");
    expect(r.status).toBe("accepted");
    expect(r.problems).toContain("no title (no `# ` heading or front matter `title:`)");
  });

  it("handles old Mac line ends", () => {
    const r = parseDecisionRecord(nygard("Accepted").replace(/\n/g, "\r"), "0004-x.md");
    expect(r.status).toBe("accepted");
  });

  it.each([
    ["empty", ""],
    ["only front matter", "---\n---\n"],
    ["front matter that is a list", "---\n- a\n- b\n---\n# T\n"],
    ["binary junk", "\u0000\u0001\uFFFD## \n|\n|---\n"],
    ["deep brackets", `# ${"[".repeat(5000)}\n\n## Status\n\n${"(".repeat(5000)}`],
    ["not a string", 42 as unknown as string],
  ])("%s", (_name, text) => {
    const r = parseDecisionRecord(text, "docs/adr/0001-x.md");
    expect(r.file).toBe("docs/adr/0001-x.md");
    expect(r.number).toBe(1);
    expect(r.status).toBe("unknown");
    expect(r.problems.length).toBeGreaterThan(0);
  });
});
