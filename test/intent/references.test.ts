import { describe, expect, it } from "vitest";
import {
  findIntentReferences,
  normaliseBriefPath,
  scanIntentReferences,
} from "../../src/intent/references.js";

const repo = { owner: "acme", name: "app" };
const issue = (owner: string, name: string, number: number, via: "intent" | "closing") => ({
  kind: "issue",
  owner,
  repo: name,
  number,
  key: `${owner}/${name}#${number}`,
  via,
});
const file = (path: string) => ({ kind: "file", path });

describe("findIntentReferences: Intent lines", () => {
  it.each([
    { body: "Intent: #123", refs: [issue("acme", "app", 123, "intent")] },
    { body: "intent: #7", refs: [issue("acme", "app", 7, "intent")] },
    { body: "INTENT:#7", refs: [issue("acme", "app", 7, "intent")] },
    { body: "Intent: other-org/svc.api#42", refs: [issue("other-org", "svc.api", 42, "intent")] },
    {
      body: "Intent: https://github.com/acme/billing/issues/9",
      refs: [issue("acme", "billing", 9, "intent")],
    },
    {
      body: "Intent: https://ghe.example.com/team/app/issues/31#issuecomment-1",
      refs: [issue("team", "app", 31, "intent")],
    },
    { body: "Intent: <https://github.com/a/b/issues/2>", refs: [issue("a", "b", 2, "intent")] },
    { body: "Intent: docs/intents/billing-v2.md", refs: [file("docs/intents/billing-v2.md")] },
    { body: "Intent: ./docs/intents/billing-v2.md", refs: [file("docs/intents/billing-v2.md")] },
    { body: "Intent: `docs/intents/a.md`", refs: [file("docs/intents/a.md")] },
    { body: "Intent: [the brief](./docs/b.md)", refs: [file("docs/b.md")] },
    {
      body: 'Intent: [#5](https://github.com/acme/app/issues/5 "title")',
      refs: [issue("acme", "app", 5, "intent")],
    },
    { body: "**Intent:** #12", refs: [issue("acme", "app", 12, "intent")] },
    { body: "**Intent**: #12", refs: [issue("acme", "app", 12, "intent")] },
    { body: "__Intent:__ #12", refs: [issue("acme", "app", 12, "intent")] },
    { body: "*Intent:* #12", refs: [issue("acme", "app", 12, "intent")] },
    { body: "- Intent: #12", refs: [issue("acme", "app", 12, "intent")] },
    { body: "* **Intent:** #12", refs: [issue("acme", "app", 12, "intent")] },
    { body: "1. Intent: #12", refs: [issue("acme", "app", 12, "intent")] },
    { body: "> Intent: #12", refs: [issue("acme", "app", 12, "intent")] },
    { body: "  Intent brief: #12", refs: [issue("acme", "app", 12, "intent")] },
    { body: "Intent: #12.", refs: [issue("acme", "app", 12, "intent")] },
    { body: "Intent: (#12)", refs: [issue("acme", "app", 12, "intent")] },
    {
      body: "Intent: #12, acme/lib#3 and docs/x.md",
      refs: [
        issue("acme", "app", 12, "intent"),
        issue("acme", "lib", 3, "intent"),
        file("docs/x.md"),
      ],
    },
    { body: "Intent: #12\nIntent: #12", refs: [issue("acme", "app", 12, "intent")] },
  ])("$body", ({ body, refs }) => {
    expect(findIntentReferences(body, repo)).toEqual(refs);
  });

  it.each([
    "The intent: #12 is mentioned mid-sentence",
    "Intentional: #12",
    "Intent #12",
    "Intent: #0",
    "Intent: #12abc",
    "Intent: ../secrets.md",
    "Intent: docs/intents",
    "Intent: the v2.0 release",
    "Intent: https://github.com/acme/app/pull/3",
    "Intent: https://example.com/brief.md",
    "",
  ])("finds nothing in %j", (body) => {
    expect(findIntentReferences(body, repo)).toEqual([]);
  });

  it("reports Intent lines that name nothing recognisable, with their line number", () => {
    const scan = scanIntentReferences("Summary\n\nIntent: the billing work\nIntent:", repo);
    expect(scan.references).toEqual([]);
    expect(scan.unparsed).toEqual([
      { line: 3, text: "the billing work" },
      { line: 4, text: "" },
    ]);
  });
});

describe("findIntentReferences: closing keywords", () => {
  it.each([
    ["Closes #12", [issue("acme", "app", 12, "closing")]],
    ["This fixes #3 for good", [issue("acme", "app", 3, "closing")]],
    [
      "close #1 closed #2 fix #3 fixed #4 resolve #5 resolved #6",
      [1, 2, 3, 4, 5, 6].map((n) => issue("acme", "app", n, "closing")),
    ],
    ["Fixes octo-org/octo-repo#100", [issue("octo-org", "octo-repo", 100, "closing")]],
    ["RESOLVES: #8", [issue("acme", "app", 8, "closing")]],
    ["**Closes** #8", [issue("acme", "app", 8, "closing")]],
    ["Fixes https://github.com/a/b/issues/77", [issue("a", "b", 77, "closing")]],
    [
      "Resolves #10, resolves #123",
      [issue("acme", "app", 10, "closing"), issue("acme", "app", 123, "closing")],
    ],
    ["prefixes #12", []],
    ["Closes #12abc", []],
    ["Closes the door on #12", []],
    ["Use `Closes #12` to close", []],
  ] as const)("%j", (body, refs) => {
    expect(findIntentReferences(body, repo)).toEqual(refs);
  });

  it("an Intent line wins over a closing keyword for the same issue, case-insensitively", () => {
    const refs = findIntentReferences("Closes ACME/App#4\n\nIntent: #4", repo);
    expect(refs).toEqual([{ ...issue("ACME", "App", 4, "intent") }]);
  });
});

describe("findIntentReferences: ignored regions", () => {
  it.each([
    ["a fenced block", "```\nIntent: #1\nCloses #2\n```\nIntent: #3"],
    ["a tilde fence", "~~~md\nIntent: #1\nCloses #2\n~~~\nIntent: #3"],
    [
      "a longer fence with a shorter inner fence",
      "````\n```\nIntent: #1\n```\nCloses #2\n````\nIntent: #3",
    ],
    [
      "an indented fence in a list",
      "- example:\n  ```\n  Intent: #1\n  Closes #2\n  ```\nIntent: #3",
    ],
    ["an HTML comment", "<!-- Intent: #1 -->\n<!--\nCloses #2\n-->\nIntent: #3"],
    ["an inline comment before the real line", "<!-- Closes #2 --> Intent: #3"],
    ["a template comment left in place", "<!-- Write `Intent: #<issue>` below -->\nIntent: #3"],
  ])("ignores references inside %s", (_, body) => {
    expect(findIntentReferences(body, repo)).toEqual([issue("acme", "app", 3, "intent")]);
  });

  it("an unclosed fence hides everything after it", () => {
    expect(findIntentReferences("Intent: #1\n```\nIntent: #2", repo)).toEqual([
      issue("acme", "app", 1, "intent"),
    ]);
  });

  it("handles CRLF and a byte-order mark", () => {
    expect(findIntentReferences("\ufeffIntent: #1\r\nCloses #2\r\n", repo)).toEqual([
      issue("acme", "app", 1, "intent"),
      issue("acme", "app", 2, "closing"),
    ]);
  });

  it("never throws on a non-string body", () => {
    expect(findIntentReferences(undefined as unknown as string, repo)).toEqual([]);
  });
});

describe("findIntentReferences on 1 MB bodies", () => {
  const MB = 1 << 20;
  const tail = "\nIntent: #5\nCloses #6";
  const expected = [issue("acme", "app", 5, "intent"), issue("acme", "app", 6, "closing")];
  it.each([
    ["one long line of letters", "a".repeat(MB)],
    ["spaces", " ".repeat(MB)],
    ["an Intent line full of brackets", `Intent: ${"[](".repeat(MB / 3)}`],
    ["an Intent line full of spaces and words", `Intent: ${"x ".repeat(MB / 2)}`],
    ["repeated closing keywords without numbers", "closes ".repeat(MB / 7)],
    ["closing keywords followed by long runs of spaces", `fixes${" ".repeat(MB)}x`],
    [
      "backtick runs of growing length",
      Array.from({ length: 1400 }, (_, i) => "`".repeat(i + 1)).join(" "),
    ],
    ["unterminated comment openers", "<!--".repeat(MB / 4).concat("-->")],
    ["many short lines", "Intent: nothing here\n".repeat(MB / 21)],
    ["hash runs", "#".repeat(MB)],
    ["owner/repo-like text", "a/".repeat(MB / 2)],
  ])("%s", (_, noise) => {
    expect(noise.length).toBeGreaterThan(900_000);
    expect(findIntentReferences(noise + tail, repo)).toEqual(expected);
  });
});

describe("normaliseBriefPath", () => {
  it.each([
    ["docs/intents/a.md", "docs/intents/a.md"],
    ["./docs/a.md", "docs/a.md"],
    ["/docs/a.md", "docs/a.md"],
    ["BRIEF.markdown", "BRIEF.markdown"],
    ["docs/a", null],
    ["v2.0", null],
    ["docs/a.ts", null],
    ["docs/Brief.MD", "docs/Brief.MD"],
    ["docs/../a.md", null],
    ["docs//a.md", null],
    ["https://x.y/a.md", null],
    ["docs/*.md", null],
    ["#12", null],
  ])("%s → %s", (input, expected) => {
    expect(normaliseBriefPath(input)).toBe(expected);
  });
});
