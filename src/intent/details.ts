/**
 * Markdown that quotes an intent brief in the check summary, so a reviewer sees what the PR
 * promised without leaving the page: the title, the acceptance criteria, the non-goals and the
 * scope. Long sections are cut at a line or word boundary; a code fence left open by the cut is
 * closed so it cannot swallow the rest of the summary.
 */
import type { IntentBrief } from "./brief.js";

/** Characters quoted per section at most. */
export const QUOTE_LIMIT = 1500;

/** Cuts text to at most `limit` characters, preferring a line break, then a space. */
export function truncate(text: string, limit = QUOTE_LIMIT): string {
  if (text.length <= limit) return text;
  const head = text.slice(0, limit);
  const newline = head.lastIndexOf("\n");
  const space = head.lastIndexOf(" ");
  const cut = newline >= limit * 0.6 ? newline : space >= limit * 0.6 ? space : limit;
  let out = head.slice(0, cut).trimEnd();
  const fences = out.split("\n").filter((l) => /^\s*(?:```|~~~)/.test(l));
  if (fences.length % 2 === 1)
    out += `\n${fences[fences.length - 1]!.trim().startsWith("~") ? "~~~" : "```"}`;
  return `${out}\n…`;
}

/** One line of at most `limit` characters. */
function oneLine(text: string, limit: number): string {
  const flat = text.replace(/\s+/g, " ").trim();
  return flat.length > limit ? `${flat.slice(0, limit - 1)}…` : flat;
}

/** Prefixes every line with `> ` so the text renders as a quote. */
function quote(text: string): string {
  return text
    .split("\n")
    .map((l) => (l.trim() === "" ? ">" : `> ${l}`))
    .join("\n");
}

/** Inline code that survives backticks inside the glob. */
function code(text: string): string {
  return text.includes("`") ? `\`\` ${text} \`\`` : `\`${text}\``;
}

export interface QuotedBrief {
  /** How the PR names the brief: `owner/repo#12` or a path. */
  readonly name: string;
  /** The issue title, or the brief's own title; null when it has none. */
  readonly title: string | null;
  readonly brief: IntentBrief;
}

/** The details block for the briefs a PR references. */
export function renderBriefDetails(briefs: readonly QuotedBrief[]): string {
  return briefs
    .map(({ name, title, brief }) => {
      const heading = title ? `${oneLine(title, 200)} (${name})` : name;
      const parts = [`**Intent brief:** ${heading}`];
      const ac = brief.sections.acceptanceCriteria;
      parts.push(
        ac.filled
          ? `**Acceptance criteria**\n\n${quote(truncate(ac.text))}`
          : "**Acceptance criteria:** _missing_",
      );
      const ng = brief.sections.nonGoals;
      parts.push(
        ng.filled ? `**Non-goals**\n\n${quote(truncate(ng.text))}` : "**Non-goals:** _missing_",
      );
      if (brief.scope.length > 0) {
        const shown = brief.scope.slice(0, 30).map(code).join(", ");
        const more = brief.scope.length > 30 ? `, and ${brief.scope.length - 30} more` : "";
        parts.push(`**Scope:** ${shown}${more}`);
      }
      return parts.join("\n\n");
    })
    .join("\n\n---\n\n");
}
