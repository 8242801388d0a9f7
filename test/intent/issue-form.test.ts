import { readFileSync } from "node:fs";
import { describe, expect, it } from "vitest";
import { parse } from "yaml";
import { parseIntentBrief } from "../../src/intent/brief.js";
import { sectionOfHeading } from "../../src/intent/sections.js";

interface FormElement {
  type: string;
  id?: string;
  attributes: { label?: string; value?: string; render?: string; description?: string };
  validations?: { required?: boolean };
}
interface IssueForm {
  name: string;
  description: string;
  title?: string;
  labels?: string[];
  body: FormElement[];
}

const form = parse(
  readFileSync(new URL("../../.github/ISSUE_TEMPLATE/intent-brief.yml", import.meta.url), "utf8"),
) as IssueForm;
const fields = form.body.filter((e) => e.type !== "markdown");

/** Renders an issue body the way GitHub does for a submitted form. */
function render(answers: Record<string, string>): string {
  return fields
    .map((f) => {
      const answer = (answers[f.id ?? ""] ?? "").trim();
      const label = f.attributes.label ?? "";
      if (!answer) return `### ${label}\n\n_No response_`;
      const value = f.attributes.render
        ? `\`\`\`${f.attributes.render}\n${answer}\n\`\`\``
        : answer;
      return `### ${label}\n\n${value}`;
    })
    .join("\n\n");
}

describe("intent-brief issue form", () => {
  it("is a valid issue form: top-level keys, the intent label, unique ids, labelled textareas", () => {
    const allowed = new Set([
      "name",
      "description",
      "title",
      "labels",
      "assignees",
      "projects",
      "body",
      "type",
    ]);
    expect(Object.keys(form).filter((k) => !allowed.has(k))).toEqual([]);
    expect(form.name).toBeTruthy();
    expect(form.description).toBeTruthy();
    expect(form.labels).toEqual(["intent"]);
    const ids = fields.map((f) => f.id);
    expect(new Set(ids).size).toBe(ids.length);
    for (const f of form.body) {
      expect(["markdown", "textarea", "input", "dropdown", "checkboxes"]).toContain(f.type);
      if (f.type === "markdown") expect(f.attributes.value).toBeTruthy();
      else {
        expect(f.id).toMatch(/^[A-Za-z0-9_-]+$/);
        expect(f.attributes.label).toBeTruthy();
      }
    }
    expect(fields.map((f) => [f.type, f.attributes.label])).toEqual([
      ["textarea", "User impact"],
      ["textarea", "Constraints"],
      ["textarea", "Non-goals"],
      ["textarea", "Acceptance criteria"],
      ["textarea", "Scope"],
    ]);
  });

  it("every field label is recognised as its section", () => {
    expect(fields.map((f) => sectionOfHeading(f.attributes.label ?? ""))).toEqual([
      "impact",
      "constraints",
      "nonGoals",
      "acceptanceCriteria",
      "scope",
    ]);
  });

  it("a filled-in form parses with every section and the scope globs", () => {
    const body = render({
      impact: "Finance admins can refund one invoice line.",
      constraints: "The public API stays compatible.",
      "non-goals": "Subscription refunds.",
      "acceptance-criteria": "- [ ] A line can be refunded\n- [ ] The ledger shows it",
      scope: "src/billing/**\ntest/billing/**\n!src/billing/legacy/**",
    });
    const brief = parseIntentBrief(body);
    expect(Object.values(brief.sections).map((s) => s.filled)).toEqual([
      true,
      true,
      true,
      true,
      true,
    ]);
    expect(brief.scope).toEqual(["src/billing/**", "test/billing/**", "!src/billing/legacy/**"]);
    expect(brief.problems).toEqual([]);
    expect(brief.sections.acceptanceCriteria.text).toBe(
      "- [ ] A line can be refunded\n- [ ] The ledger shows it",
    );
  });

  it("fields left empty render as _No response_ and count as missing", () => {
    const brief = parseIntentBrief(render({ impact: "Admins refund lines.", scope: "src/**" }));
    expect(Object.values(brief.sections).map((s) => [s.present, s.filled])).toEqual([
      [true, true],
      [true, false],
      [true, false],
      [true, false],
      [true, true],
    ]);
    expect(brief.problems).toHaveLength(3);
  });
});
