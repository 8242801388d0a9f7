/**
 * The part of a decision record that must not change once it is accepted: everything except
 * its status (front matter `status:`, `Status:` lines, the `## Status` section, a
 * `[Superseded by …]` title prefix, notes such as "> This decision is superseded by X"), link
 * targets and whitespace. Two versions with the same content differ only in status and links.
 */
import {
  type MarkdownLine,
  scanMarkdownLines,
  splitLines,
  stripListMarker,
} from "../intent/markdown.js";
import { splitFrontMatter } from "./front-matter.js";
import { isStatusHeading, linkTexts } from "./status.js";

/** Front matter keys that record the status, not the decision. */
const STATUS_KEYS =
  /^(?:status|date|last[-_ ]?updated|tags|super[sc]e+ded[-_ ]?by|super[sc]e+des|deprecated[-_ ]?reason|deprecation[-_ ]?reason|amended[-_ ]?by|governs|nav_order|parent)$/i;

/** A line that only records status or a relation to another record. */
const STATUS_NOTE =
  /\b(?:super[sc]e+ded|superseeded|replaced|amended|deprecated|obsoleted)\b[^.]{0,40}?\b(?:by|in favou?r of)\b|^(?:(?:status|date|last[ -]updated)\s*:|super[sc]e+des\b|amends\b|deprecated\b|superseded\b|\[!(?:note|warning|important|caution|tip)\]$)/i;

const STATUS_MARKER =
  /^(#{1,6}\s+)\[[^\n]{0,300}?\b(?:super[sc]e+ded|deprecated)\b[^\n]{0,300}?\]\s+/i;

export interface ComparableContent {
  /** The content, whitespace collapsed. */
  readonly text: string;
  /** For each kept piece: where it starts and ends in `text`, and its line in the file. */
  readonly lines: ReadonlyArray<{
    readonly offset: number;
    readonly end: number;
    readonly line: number;
  }>;
}

const isHeading = (l: MarkdownLine) => l.kind === "text" && /^ {0,3}#{1,6}(?:[ \t]|$)/.test(l.text);
const headingLevel = (l: MarkdownLine) => /^ {0,3}(#{1,6})/.exec(l.text)![1]!.length;

/** What a record says apart from its status; see the module comment. */
export function comparableContent(text: string): ComparableContent {
  const all = splitLines(typeof text === "string" ? text : "");
  const fm = splitFrontMatter(all);
  const pieces: Array<{ text: string; line: number }> = [];
  if (fm.present) {
    for (const [key, value] of Object.entries(fm.data).sort(([a], [b]) => a.localeCompare(b)))
      if (!STATUS_KEYS.test(key))
        pieces.push({ text: `${key}: ${JSON.stringify(value)}`, line: 1 });
  }
  const body = scanMarkdownLines(all.slice(fm.bodyStart).join("\n"));
  let skipBelow = 0; // inside a Status section of this heading level
  for (const line of body) {
    const number = line.number + fm.bodyStart;
    if (isHeading(line)) {
      const level = headingLevel(line);
      if (skipBelow && level <= skipBelow) skipBelow = 0;
      const words = line.text
        .replace(/^ {0,3}#{1,6}\s*/, "")
        .replace(/[^\p{L}\s:]/gu, "")
        .trim();
      if (!skipBelow && isStatusHeading(words)) {
        skipBelow = level;
        continue;
      }
    }
    if (skipBelow) continue;
    if (line.kind === "text" && line.commented) continue;
    let t = line.text;
    if (line.kind === "text") {
      t = t.replace(STATUS_MARKER, "$1");
      const bare = stripListMarker(t)
        .text.replace(/^[^\p{L}[]+/u, "")
        .replace(/[*_]/g, "");
      if (STATUS_NOTE.test(linkTexts(bare))) continue;
      t = linkTexts(t);
    }
    t = t.replace(/\s+/g, " ").trim();
    if (t !== "") pieces.push({ text: t, line: number });
  }
  let out = "";
  const lines: Array<{ offset: number; end: number; line: number }> = [];
  for (const p of pieces) {
    if (out !== "") out += " ";
    lines.push({ offset: out.length, end: out.length + p.text.length, line: p.line });
    out += p.text;
  }
  return { text: out, lines };
}

/**
 * Null when the two versions say the same apart from status and links; otherwise the line of
 * the new version where they start to differ.
 */
export function firstContentChange(before: string, after: string): { line: number } | null {
  const a = comparableContent(before);
  const b = comparableContent(after);
  if (a.text === b.text) return null;
  let i = 0;
  while (i < a.text.length && i < b.text.length && a.text[i] === b.text[i]) i++;
  const piece = b.lines.find((l) => l.end > i) ?? b.lines.at(-1);
  const line = piece?.line ?? 1;
  return { line };
}
