import { describe, expect, it } from "vitest";
import { referencesTo } from "../../src/decisions/references.js";

describe("referencesTo", () => {
  it.each<[string, number[], string[]]>([
    ["Follows ADR-7.", [7], []],
    ["Follows ADR 7 and adr-0012", [7, 12], []],
    ["See ADR-0007, ADR 7 and **ADR-7**", [7], []],
    ["Per ADR#3", [3], []],
    ["MADR-3 is a format, not a record; BADR 4 neither", [], []],
    ["Implements docs/adr/0007-use-stripe.md", [], ["docs/adr/0007-use-stripe.md"]],
    ["Implements `adr/0007-foo.md`", [], ["adr/0007-foo.md"]],
    ["Implements ./docs/decisions/use-x.md.", [], ["docs/decisions/use-x.md"]],
    [
      "Per [the payments decision](docs/adr/0007-use-stripe.md#decision)",
      [],
      ["docs/adr/0007-use-stripe.md"],
    ],
    ['Per [x](../adr/0002-x.md "title")', [], ["adr/0002-x.md"]],
    [
      "Per https://github.com/acme/app/blob/main/docs/adr/0007-use-stripe.md#context",
      [],
      ["docs/adr/0007-use-stripe.md"],
    ],
    [
      "Per [ADR](https://github.com/acme/app/blob/9f1c2e/docs/adr/0009-x%20y.md)",
      [],
      ["docs/adr/0009-x y.md"],
    ],
    ["Also 0003-use-kafka.md", [], ["0003-use-kafka.md"]],
    ["Not records: README.md, docs/intents/billing.md, CHANGELOG.md", [], []],
    ["Not a file: https://example.com/docs/adr/0001-x.md", [], []],
    ["<!-- Reference the ADR, e.g. ADR-123 or docs/adr/0123-x.md -->\nNone.", [], []],
    ["```\nADR-9 in a code block\n```\nADR-10 outside", [10], []],
    ["Two: ADR-2 docs/adr/0002-x.md", [2], ["docs/adr/0002-x.md"]],
  ])("%j", (text, numbers, paths) => {
    expect(referencesTo(text)).toEqual({ numbers, paths });
  });

  it("does not throw on odd input", () => {
    expect(referencesTo(undefined as unknown as string)).toEqual({ numbers: [], paths: [] });
    expect(referencesTo("](".repeat(10000))).toEqual({ numbers: [], paths: [] });
  });
});
