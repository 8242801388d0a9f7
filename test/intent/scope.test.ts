import { describe, expect, it } from "vitest";
import { normaliseGlob, scopeMatcher } from "../../src/intent/scope.js";

describe("scopeMatcher", () => {
  const inScope = scopeMatcher(["!src/billing/legacy/**", "src/billing/**", "*.md"]);
  it.each([
    ["src/billing/a.ts", true],
    ["src/billing/deep/b.ts", true],
    ["src/billing/legacy/old.ts", false],
    ["docs/guide.md", true],
    ["README.md", true],
    ["src/auth/login.ts", false],
    [".github/workflows/ci.yml", false],
  ])("%s → %s (excludes apply whatever their order)", (path, expected) => {
    expect(inScope(path)).toBe(expected);
  });

  it("only excludes, or nothing: nothing is in scope", () => {
    expect(scopeMatcher(["!a/**"])("b/c.ts")).toBe(false);
    expect(scopeMatcher([])("b/c.ts")).toBe(false);
  });

  it("dotfiles match", () => {
    expect(scopeMatcher([".github/**"])(".github/workflows/ci.yml")).toBe(true);
  });
});

describe("normaliseGlob", () => {
  it.each([
    ["src/**", "src/**"],
    ["  ./src/**  ", "src/**"],
    ["/src/**", "src/**"],
    ["src/billing/", "src/billing/**"],
    ["!./src/old/", "!src/old/**"],
    ["'src/**'", "src/**"],
    ['"!lib/**"', "!lib/**"],
    ["!", null],
    ["", null],
    ["two words", null],
  ])("%j → %j", (input, expected) => {
    expect(normaliseGlob(input)).toBe(expected);
  });
});
