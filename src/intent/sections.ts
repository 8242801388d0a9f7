/**
 * The five sections of an intent brief and the headings that name them. Headings are matched
 * after normalising: case, a trailing colon, leading emoji or numbering ("1.", "🎯"), a trailing
 * parenthetical ("Scope (globs)"), bold/italic markers and hyphens do not matter, and a heading
 * that joins synonyms of one section ("Non-goals / Out of scope") names that section.
 *
 * "Requirements" is deliberately not a synonym of constraints: in most templates it lists what
 * to build, which is closer to acceptance criteria, and mapping it either way would let a brief
 * pass without the section the rule asks for. "Non-functional requirements" is a constraint.
 */
import { trimChars } from "./markdown.js";

export const SECTION_IDS = [
  "impact",
  "constraints",
  "nonGoals",
  "acceptanceCriteria",
  "scope",
] as const;
export type SectionId = (typeof SECTION_IDS)[number];

/** The heading each section is shown with, and the one to add when it is missing. */
export const SECTION_HEADINGS: Record<SectionId, string> = {
  impact: "User impact",
  constraints: "Constraints",
  nonGoals: "Non-goals",
  acceptanceCriteria: "Acceptance criteria",
  scope: "Scope",
};

/** What each section should hold, for messages that tell an author what to write. */
export const SECTION_HINTS: Record<SectionId, string> = {
  impact: "who is affected and how their experience changes",
  constraints: "limits the solution must respect (compatibility, performance, security, deadlines)",
  nonGoals: "what this work deliberately does not do",
  acceptanceCriteria: "checkable statements that say when the work is done",
  scope: "path globs the change may touch, one per line (`!glob` excludes)",
};

const SYNONYMS: Record<SectionId, readonly string[]> = {
  impact: [
    "user impact",
    "impact",
    "customer impact",
    "why",
    "problem",
    "problem statement",
    "motivation",
  ],
  constraints: [
    "constraints",
    "technical constraints",
    "constraints and assumptions",
    "assumptions and constraints",
    "non functional requirements",
    "nonfunctional requirements",
  ],
  nonGoals: ["non goals", "nongoals", "non goal", "out of scope", "not in scope"],
  acceptanceCriteria: [
    "acceptance criteria",
    "acceptance criterion",
    "definition of done",
    "done when",
    "success criteria",
  ],
  scope: ["scope", "in scope", "boundaries", "paths", "affected paths", "scope globs"],
};

const BY_LABEL = new Map<string, SectionId>(
  SECTION_IDS.flatMap((id) => SYNONYMS[id].map((label): [string, SectionId] => [label, id])),
);

const isLetterOrDigit = (ch: string) => /[\p{L}\p{N}]/u.test(ch);
const isLetter = (ch: string) => /\p{L}/u.test(ch);

/** Lower-case words of a heading label, without decoration. */
export function normaliseLabel(label: string): string {
  let text = label.normalize("NFKC").toLowerCase();
  text = text.replace(/[*_`~\u2010-\u2015\u2212-]/g, " ");
  let start = 0;
  while (start < text.length && !isLetter(text[start]!)) start++;
  text = text.slice(start);
  text = trimChars(text, (ch) => !isLetterOrDigit(ch) && ch !== ")");
  // "Scope (paths this change may touch)" names the scope.
  if (text.endsWith(")")) {
    const open = text.lastIndexOf("(");
    if (open > 0) text = text.slice(0, open);
  }
  text = trimChars(text, (ch) => !isLetterOrDigit(ch));
  return text.split(/\s+/).filter(Boolean).join(" ");
}

/** The section a heading names, or null. */
export function sectionOfHeading(label: string): SectionId | null {
  const text = normaliseLabel(label);
  if (!text || text.length > 80) return null;
  const direct = BY_LABEL.get(text);
  if (direct) return direct;
  const parts = text
    .split(/\s*(?:\/|&|\+|\band\b|\bor\b)\s*/)
    .map((p) => normaliseLabel(p))
    .filter(Boolean);
  if (parts.length < 2) return null;
  const ids = new Set(parts.map((p) => BY_LABEL.get(p) ?? null));
  if (ids.size !== 1 || ids.has(null)) return null;
  return [...ids][0] ?? null;
}
