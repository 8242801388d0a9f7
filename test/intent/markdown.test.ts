import { describe, expect, it } from "vitest";
import { blankCodeSpans, codeSpans, scanMarkdownLines } from "../../src/intent/markdown.js";

describe("scanMarkdownLines", () => {
  it("classifies fences, code and prose, and removes comments from prose", () => {
    const lines = scanMarkdownLines(
      "a <!-- x --> b\n```js\n<!-- kept -->\n```\n<!--\nhidden\n--> c",
    );
    expect(lines.map((l) => [l.kind, l.text, l.commented])).toEqual([
      ["text", "a  b", false],
      ["fence", "```js", false],
      ["code", "<!-- kept -->", false],
      ["fence", "```", false],
      ["text", "", true],
      ["text", "", true],
      ["text", " c", false],
    ]);
  });

  it.each([
    ["a backtick info string with a backtick is not a fence", "``` a`b\nx", ["text", "text"]],
    [
      "a shorter closing fence does not close",
      "````\n```\nx\n````\ny",
      ["fence", "code", "code", "fence", "text"],
    ],
    ["tildes close only tildes", "~~~\n```\n~~~\ny", ["fence", "code", "fence", "text"]],
    ["two backticks are not a fence", "``\nx", ["text", "text"]],
    ["empty comments <!--> and <!---> end at once", "<!--> a\n<!---> b", ["text", "text"]],
  ])("%s", (_, text, kinds) => {
    expect(scanMarkdownLines(text).map((l) => l.kind)).toEqual(kinds);
  });

  it("empty comments do not swallow the following lines", () => {
    expect(scanMarkdownLines("<!--> a\nb").map((l) => l.text)).toEqual([" a", "b"]);
  });
});

describe("code spans", () => {
  it.each([
    ["`a` and `b`", ["a", "b"]],
    ["``a ` b`` then `c`", ["a ` b", "c"]],
    ["` unclosed", []],
    ["``` ` ``` `x`", [" ` ".trim(), "x"]],
  ])("%j", (line, contents) => {
    expect(codeSpans(line).map((s) => s.content)).toEqual(contents);
  });

  it("blankCodeSpans keeps offsets", () => {
    const line = "x `Closes #1` y";
    expect(blankCodeSpans(line)).toBe(`x ${" ".repeat("`Closes #1`".length)} y`);
    expect(blankCodeSpans(line)).toHaveLength(line.length);
  });
});
