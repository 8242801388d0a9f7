/**
 * Parses an intent brief (an issue body or a markdown file) into its five sections: user
 * impact, constraints, non-goals, acceptance criteria and scope. Sections are found by heading:
 * ATX (`#` to `######`), setext (underlined), or a line that is only a bold label
 * (`**Scope**`). Issue forms render each field as `### <label>` followed by the answer, or
 * `_No response_` when left empty. A section that is empty, only an HTML comment, or a
 * placeholder (`_No response_`, TBD, TODO, N/A, ...) counts as missing. Pure; never throws.
 */
import {
  type MarkdownLine,
  scanMarkdownLines,
  splitLines,
  stripListMarker,
  trimChars,
} from "./markdown.js";
import { extractScopeGlobs } from "./scope.js";
import {
  SECTION_HEADINGS,
  SECTION_HINTS,
  SECTION_IDS,
  type SectionId,
  sectionOfHeading,
} from "./sections.js";

export interface BriefSection {
  /** A heading for the section exists. */
  readonly present: boolean;
  /** Present and holding real content (not empty, not a placeholder). */
  readonly filled: boolean;
  /** The section's markdown (HTML comments removed); "" when empty or a placeholder. */
  readonly text: string;
}

export interface IntentBrief {
  /** Front matter `title:`, else the first level-1 heading that is not a section; else null. */
  readonly title: string | null;
  readonly sections: Readonly<Record<SectionId, BriefSection>>;
  /** Scope globs in order; `!glob` excludes keep their `!`. */
  readonly scope: string[];
  /** Human messages: missing or empty sections, a scope without globs. */
  readonly problems: string[];
}

interface Heading {
  readonly index: number;
  /** 1–6 for ATX and setext headings; 7 for a bold line. */
  readonly level: number;
  readonly label: string;
  readonly section: SectionId | null;
}

const PLACEHOLDERS = new Set([
  "no response",
  "tbd",
  "tba",
  "todo",
  "to do",
  "to be determined",
  "to be decided",
  "n/a",
  "n.a",
  "na",
  "none yet",
  "fill in",
  "fill me in",
]);

const DECORATION = new Set([..."*_`'\" .:!?-—–…~=#>"]);

function isPlaceholderLine(line: string): boolean {
  const text = trimChars(stripListMarker(line).text.toLowerCase(), (ch) => DECORATION.has(ch));
  return text === "" || PLACEHOLDERS.has(text);
}

/** True when a section's text holds nothing an author actually wrote. */
export function isPlaceholder(text: string): boolean {
  return splitLines(text).every(isPlaceholderLine);
}

/** Length of a front matter block (`---` … `---`) at the very start, in lines; 0 if none. */
function frontMatter(lines: readonly string[]): { end: number; title: string | null } {
  if (lines[0]?.trim() !== "---") return { end: 0, title: null };
  let title: string | null = null;
  for (let i = 1; i < lines.length && i < 200; i++) {
    const line = lines[i]!;
    if (line.trim() === "---" || line.trim() === "...") return { end: i + 1, title };
    const m = /^title:[ \t]*(.*)$/.exec(line);
    if (m && title === null) {
      const value = trimChars(m[1]!.trim(), (ch) => ch === '"' || ch === "'");
      title = value || null;
    }
  }
  return { end: 0, title: null };
}

/** The label of an ATX heading line, or null. */
function atxHeading(text: string): { level: number; label: string } | null {
  const m = /^ {0,3}(#{1,6})(?=[ \t]|$)/.exec(text);
  if (!m) return null;
  let label = text.slice(m[0].length).trim();
  // An optional closing sequence of `#`s, preceded by a space, is not part of the label.
  let end = label.length;
  while (end > 0 && label[end - 1] === "#") end--;
  if (end === 0) label = "";
  else if (end < label.length && (label[end - 1] === " " || label[end - 1] === "\t"))
    label = label.slice(0, end).trim();
  return { level: m[1]!.length, label };
}

/** The label of a line that is only bold text (`**Scope**`, `__Scope:__`, `**Scope**:`). */
function boldLabel(text: string): string | null {
  let t = text.trim();
  if (t.endsWith(":")) t = t.slice(0, -1).trimEnd();
  for (const marker of ["**", "__"]) {
    if (t.length > 4 && t.startsWith(marker) && t.endsWith(marker)) {
      const inner = t.slice(2, -2);
      if (!inner.includes(marker) && inner.trim()) return inner.trim();
    }
  }
  return null;
}

const SETEXT = /^ {0,3}(?:=+|-+)[ \t]*$/;

function isBlankText(line: MarkdownLine | undefined): boolean {
  return !line || (line.kind === "text" && line.text.trim() === "");
}

/** Finds headings; returns them and the indexes of setext underlines (not content). */
function findHeadings(lines: readonly MarkdownLine[], from: number) {
  const headings: Heading[] = [];
  const underlines = new Set<number>();
  const headingIndexes = new Set<number>();
  for (let i = from; i < lines.length; i++) {
    const line = lines[i]!;
    if (line.kind !== "text" || line.commented) continue;
    const atx = atxHeading(line.text);
    if (atx) {
      headings.push({ index: i, ...atx, section: sectionOfHeading(atx.label) });
      headingIndexes.add(i);
      continue;
    }
    const prev = lines[i - 1];
    if (
      SETEXT.test(line.text) &&
      i - 1 >= from &&
      prev?.kind === "text" &&
      !prev.commented &&
      prev.text.trim() !== "" &&
      !headingIndexes.has(i - 1) &&
      !stripListMarker(prev.text).listItem &&
      (i - 2 < from || isBlankText(lines[i - 2]))
    ) {
      const label = prev.text.trim();
      const level = line.text.trim().startsWith("=") ? 1 : 2;
      headings.push({ index: i - 1, level, label, section: sectionOfHeading(label) });
      headingIndexes.add(i - 1);
      underlines.add(i);
      continue;
    }
    const bold = boldLabel(line.text);
    const section = bold ? sectionOfHeading(bold) : null;
    if (bold && section) {
      headings.push({ index: i, level: 7, label: bold, section });
      headingIndexes.add(i);
    }
  }
  headings.sort((a, b) => a.index - b.index);
  return { headings, underlines };
}

function sectionText(lines: readonly MarkdownLine[]): string {
  return lines
    .filter((l) => !(l.kind === "text" && l.commented))
    .map((l) => l.text)
    .join("\n")
    .trim();
}

/** Parses a brief. Bad input (not a string, empty) gives problems, never an exception. */
export function parseIntentBrief(markdown: string): IntentBrief {
  const source = typeof markdown === "string" ? markdown : "";
  const raw = splitLines(source);
  const front = frontMatter(raw);
  const lines = scanMarkdownLines(source);
  const { headings, underlines } = findHeadings(lines, front.end);

  const collected = new Map<SectionId, MarkdownLine[][]>();
  for (let h = 0; h < headings.length; h++) {
    const heading = headings[h]!;
    if (!heading.section) continue;
    let end = lines.length;
    for (let k = h + 1; k < headings.length; k++) {
      const next = headings[k]!;
      if (next.level <= heading.level || next.section !== null) {
        end = next.index;
        break;
      }
    }
    const body = lines.slice(heading.index + 1, end).filter((_, j) => {
      return !underlines.has(heading.index + 1 + j);
    });
    const list = collected.get(heading.section) ?? [];
    list.push(body);
    collected.set(heading.section, list);
  }

  const sections = {} as Record<SectionId, BriefSection>;
  let scopeLines: MarkdownLine[] = [];
  for (const id of SECTION_IDS) {
    const parts = collected.get(id);
    if (!parts) {
      sections[id] = { present: false, filled: false, text: "" };
      continue;
    }
    const texts = parts.map(sectionText).filter((t) => !isPlaceholder(t));
    const text = texts.join("\n\n");
    sections[id] = { present: true, filled: text !== "", text };
    if (id === "scope") scopeLines = parts.flat();
  }

  const scope = sections.scope.filled ? extractScopeGlobs(scopeLines) : [];
  const title =
    front.title ??
    headings.find((h) => h.level === 1 && h.section === null && h.label !== "")?.label ??
    null;
  return { title, sections, scope, problems: problemsOf(source, sections, scope) };
}

function problemsOf(
  source: string,
  sections: Readonly<Record<SectionId, BriefSection>>,
  scope: readonly string[],
): string[] {
  const problems: string[] = [];
  if (source.trim() === "") problems.push("The brief is empty.");
  for (const id of SECTION_IDS) {
    const s = sections[id];
    const name = SECTION_HEADINGS[id];
    if (!s.present)
      problems.push(
        `Missing section "${name}": add a heading "## ${name}" followed by ${SECTION_HINTS[id]}.`,
      );
    else if (!s.filled)
      problems.push(
        `Section "${name}" is empty or only a placeholder (such as _No response_ or TBD): write ${SECTION_HINTS[id]}.`,
      );
  }
  if (sections.scope.filled) {
    if (scope.length === 0)
      problems.push(
        'Section "Scope" names no path globs: list them one per line in a code block, as list items, or as `inline code` (`!glob` excludes).',
      );
    else if (scope.every((g) => g.startsWith("!")))
      problems.push(
        'Section "Scope" has only excludes (`!glob`): add at least one glob of paths the change may touch.',
      );
  }
  return problems;
}

/** Required sections that have no heading, and those that are present but empty. */
export function sectionGaps(
  brief: IntentBrief,
  required: readonly SectionId[],
): { missing: SectionId[]; empty: SectionId[] } {
  const missing: SectionId[] = [];
  const empty: SectionId[] = [];
  for (const id of SECTION_IDS) {
    if (!required.includes(id)) continue;
    const s = brief.sections[id];
    if (!s.present) missing.push(id);
    else if (!s.filled) empty.push(id);
  }
  return { missing, empty };
}

export { SECTION_HEADINGS, SECTION_IDS, type SectionId } from "./sections.js";
