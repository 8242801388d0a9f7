import { describe, expect, it } from "vitest";
import { parseIntentBrief } from "../../src/intent/brief.js";
import { QUOTE_LIMIT, renderBriefDetails, truncate } from "../../src/intent/details.js";

describe("truncate", () => {
  it("keeps short text as it is", () => {
    expect(truncate("short")).toBe("short");
  });

  it("cuts long text at a line break and marks the cut", () => {
    const text = Array.from({ length: 200 }, (_, i) => `- criterion number ${i}`).join("\n");
    const out = truncate(text);
    expect(out.length).toBeLessThanOrEqual(QUOTE_LIMIT + 2);
    expect(out.endsWith("\n…")).toBe(true);
    expect(
      out
        .split("\n")
        .slice(0, -1)
        .every((l) => /^- criterion number \d+$/.test(l)),
    ).toBe(true);
  });

  it("closes a code fence the cut left open", () => {
    const text = `Intro\n\`\`\`\n${"line of code\n".repeat(300)}\`\`\``;
    const out = truncate(text);
    expect(out.split("\n").filter((l) => l.startsWith("```"))).toHaveLength(2);
    expect(out.endsWith("```\n…")).toBe(true);
  });
});

describe("renderBriefDetails", () => {
  it("quotes the title, acceptance criteria, non-goals and scope", () => {
    const brief = parseIntentBrief(
      "## Non-goals\nNo UI.\n\n## Acceptance criteria\n- [ ] refunds work\n\n- [ ] ledger\n## Scope\n- src/billing/**\n- !src/billing/old/**\n",
    );
    expect(renderBriefDetails([{ name: "acme/app#12", title: "Line refunds", brief }])).toBe(
      [
        "**Intent brief:** Line refunds (acme/app#12)",
        "",
        "**Acceptance criteria**",
        "",
        "> - [ ] refunds work",
        ">",
        "> - [ ] ledger",
        "",
        "**Non-goals**",
        "",
        "> No UI.",
        "",
        "**Scope:** `src/billing/**`, `!src/billing/old/**`",
      ].join("\n"),
    );
  });

  it("says what is missing and separates several briefs", () => {
    const out = renderBriefDetails([
      { name: "docs/a.md", title: null, brief: parseIntentBrief("") },
      { name: "acme/app#3", title: "B", brief: parseIntentBrief("") },
    ]);
    expect(out).toBe(
      [
        "**Intent brief:** docs/a.md",
        "",
        "**Acceptance criteria:** _missing_",
        "",
        "**Non-goals:** _missing_",
        "",
        "---",
        "",
        "**Intent brief:** B (acme/app#3)",
        "",
        "**Acceptance criteria:** _missing_",
        "",
        "**Non-goals:** _missing_",
      ].join("\n"),
    );
  });
});
