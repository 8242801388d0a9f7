import { readFileSync } from "node:fs";
import { describe, expect, it } from "vitest";
import { compileCodeowners } from "../../src/codeowners/index.js";

/** The example file of GitHub's "About code owners" page, kept verbatim in the corpus. */
const TEXT = readFileSync(
  new URL(
    "../../../shared/corpus/codeowners/github__docs.about-code-owners-example.CODEOWNERS",
    import.meta.url,
  ),
  "utf8",
);

/** The example's stanzas (comment block + pattern lines), as the pattern lines alone. */
const stanzas = TEXT.split(/\n\s*\n/)
  .map((block) =>
    block
      .split("\n")
      .filter((l) => l.trim() && !l.startsWith("#"))
      .join("\n"),
  )
  .filter(Boolean);

/** What each stanza's comment promises, keyed by the stanza's pattern lines. */
const PROMISES: Record<string, [path: string, owners: string[]][]> = {
  "*       @global-owner1 @global-owner2": [
    ["README.md", ["@global-owner1", "@global-owner2"]],
    ["src/deep/main.c", ["@global-owner1", "@global-owner2"]],
  ],
  "*.js    @js-owner #This is an inline comment.": [
    ["index.js", ["@js-owner"]],
    ["src/app/main.js", ["@js-owner"]],
    ["main.ts", []],
  ],
  "*.go docs@example.com": [
    ["main.go", ["docs@example.com"]],
    ["cmd/tool/main.go", ["docs@example.com"]],
  ],
  "*.txt @octo-org/octocats": [
    ["notes.txt", ["@octo-org/octocats"]],
    ["a/b/c.txt", ["@octo-org/octocats"]],
  ],
  "/build/logs/ @doctocat": [
    ["build/logs/app.log", ["@doctocat"]],
    ["build/logs/2024/01/app.log", ["@doctocat"]],
    ["src/build/logs/app.log", []],
  ],
  "docs/*  docs@example.com": [
    ["docs/getting-started.md", ["docs@example.com"]],
    ["docs/build-app/troubleshooting.md", []],
  ],
  "apps/ @octocat": [
    ["apps/index.js", ["@octocat"]],
    ["services/web/apps/deep/x.ts", ["@octocat"]],
  ],
  "/docs/ @doctocat": [
    ["docs/getting-started.md", ["@doctocat"]],
    ["docs/build-app/troubleshooting.md", ["@doctocat"]],
    ["site/docs/page.md", []],
  ],
  "/scripts/ @doctocat @octocat": [
    ["scripts/deploy.sh", ["@doctocat", "@octocat"]],
    ["scripts/ci/check.sh", ["@doctocat", "@octocat"]],
  ],
  "**/logs @octocat": [
    ["build/logs/a.log", ["@octocat"]],
    ["scripts/logs/b.log", ["@octocat"]],
    ["deeply/nested/logs/c.log", ["@octocat"]],
    ["logs/d.log", ["@octocat"]],
  ],
  "/apps/ @octocat\n/apps/github": [
    ["apps/web/index.js", ["@octocat"]],
    ["apps/github/index.js", []],
  ],
  "/apps/ @octocat\n/apps/github @doctocat": [
    ["apps/web/index.js", ["@octocat"]],
    ["apps/github/index.js", ["@doctocat"]],
  ],
};

describe("GitHub's documented example, stanza by stanza", () => {
  it("parses without problems and every stanza has its promises checked", () => {
    expect(compileCodeowners(TEXT).problems).toEqual([]);
    expect(stanzas).toHaveLength(Object.keys(PROMISES).length);
    for (const s of stanzas) expect(PROMISES).toHaveProperty([s]);
  });

  for (const stanza of stanzas) {
    describe(stanza.replace(/\n/g, " / "), () => {
      it.each(PROMISES[stanza] ?? [])("%s → %j", (path, owners) => {
        expect(compileCodeowners(stanza).match(path).owners).toEqual(owners);
      });
    });
  }
});

describe("GitHub's documented example, as a whole file (last match wins)", () => {
  const m = compileCodeowners(TEXT);
  const lineOf = (text: string) => TEXT.split("\n").lastIndexOf(text) + 1;
  const cases: [string, string[], number][] = [
    [
      "README.md",
      ["@global-owner1", "@global-owner2"],
      lineOf("*       @global-owner1 @global-owner2"),
    ],
    ["src/app.js", ["@js-owner"], lineOf("*.js    @js-owner #This is an inline comment.")],
    ["main.go", ["docs@example.com"], lineOf("*.go docs@example.com")],
    ["build/logs/a.txt", ["@octocat"], lineOf("**/logs @octocat")],
    ["docs/build-app/troubleshooting.md", ["@doctocat"], lineOf("/docs/ @doctocat")],
    ["scripts/run.js", ["@doctocat", "@octocat"], lineOf("/scripts/ @doctocat @octocat")],
    ["apps/web/index.js", ["@octocat"], lineOf("/apps/ @octocat")],
    ["apps/github/index.js", ["@doctocat"], lineOf("/apps/github @doctocat")],
    ["lib/apps/x.txt", ["@octocat"], lineOf("apps/ @octocat")],
  ];
  it.each(cases)("%s → %j", (path, owners, line) => {
    expect(line).toBeGreaterThan(0);
    expect(m.match(path)).toEqual({ owners, line });
  });
});
