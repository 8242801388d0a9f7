import type { DecisionStatus } from "./types.js";

/**
 * Reads the status text of a record — a front matter `status:` value, a `Status:` bullet, or the
 * lines of a `## Status` section — into one status and the records it names as predecessors and
 * successors. Each line is judged by the word it starts with (after emoji, emphasis and a
 * `Status:` key); "Superseded by X" anywhere makes the record superseded, while "Amended by X",
 * "Supersedes X" and "see X" do not change the status.
 */

export interface StatusReading {
  /** null when no status word was found (another source may still say it). */
  readonly status: DecisionStatus | null;
  /** Why the status is unknown, or a guess that was made. */
  readonly problem: string | null;
  readonly supersedes: readonly string[];
  readonly supersededBy: readonly string[];
  /** A date written with an accepted or proposed status ("Accepted on 2020-04-16"). */
  readonly dateText: string | null;
}

type Word = DecisionStatus | "partial" | "relation" | "placeholder";

/** Leading words, checked in order; the first that matches decides the line. */
const LEADING: ReadonlyArray<readonly [RegExp, Word]> = [
  [/^(?:partly|partially|in part)\s+(?:super[sc]e+ded|replaced)\b/, "partial"],
  [/^(?:super[sc]e+ded|replaced|obsoleted)\b/, "superseded"],
  [
    /^(?:super[sc]e+des|replaces|obsoletes|amended|amends|amending|extends|extended|see|related|relates|links?)\b/,
    "relation",
  ],
  [
    /^(?:deprecated|obsolete|retired|archived|outdated|sunset|no longer (?:valid|relevant))\b/,
    "deprecated",
  ],
  [
    /^(?:rejected|declined|withdrawn|abandoned|refused|dropped|cancell?ed|not accepted|won'?t do|denied)\b/,
    "rejected",
  ],
  [
    /^(?:accepted|approved|adopted|agreed|decided|implemented|active|final|in effect|done|completed?)\b/,
    "accepted",
  ],
  [
    /^(?:proposed|proposal|draft|drafted|pending|in progress|wip|work in progress|open|under review|in review|review|under discussion|in discussion|discussion|discussing|rfc|incomplete|on hold|suggested|planned|idea|exploring|experimental|trial)\b/,
    "proposed",
  ],
  [/^(?:tbd|tbc|todo|to do|n\/?a|none|unknown|status)$/, "placeholder"],
];

/** How final a status is: a later line with a more final status wins over an earlier one. */
const RANK: Readonly<Record<DecisionStatus, number>> = {
  unknown: 0,
  proposed: 1,
  accepted: 2,
  rejected: 3,
  deprecated: 4,
  superseded: 5,
};

const STATUS_WORD =
  /\b(?:proposed|accepted|rejected|deprecated|super[sc]e+ded|declined|draft|approved|withdrawn)\b/gi;

/** `[text](target)`, one level of brackets inside the text; bounded, so it cannot backtrack far. */
const LINK =
  /\[((?:[^[\]\n]|\[[^[\]\n]{0,200}\]){0,300})\]\(\s*<?([^()\s<>]{0,500})>?(?:\s+"[^"\n]{0,200}")?\s*\)/g;

/** `[text](target)` → `text`. */
export function linkTexts(line: string): string {
  return line.replace(LINK, (_m, text: string) => text);
}

/** The line without leading symbols, emphasis, emoji or a `Status:` key, lower-cased. */
function cleanLead(line: string): string {
  let t = linkTexts(line).replace(/^[^\p{L}\d]+/u, "");
  t = t.replace(/^status\b\s*[:\-–—]?\s*/i, "").replace(/^[^\p{L}\d]+/u, "");
  // A dated history line: "2020-01-02: accepted".
  t = t.replace(/^\d{4}-\d{1,2}-\d{1,2}\b[^\p{L}]*/u, "");
  return t.toLowerCase().replace(/[*_`~]+/g, "");
}

/** A heading that opens the status section: "Status", "Status:", "Status 🚦" — not "Status quo". */
export function isStatusHeading(words: string): boolean {
  return /^status\b(?!\s+quo\b)/i.test(words.trim());
}

function wordOf(line: string): Word | null {
  const t = cleanLead(line);
  if (t === "") return null;
  for (const [re, word] of LEADING) if (re.test(t)) return word;
  return null;
}

/** A line (or value) that lists the choices instead of making one: `[proposed | accepted]`. */
export function isUnfilledTemplate(text: string): boolean {
  if (!text.includes("|")) return false;
  const words = new Set((text.match(STATUS_WORD) ?? []).map((w) => w.toLowerCase()));
  return words.size >= 2;
}

const BY =
  /\b(?:super[sc]e+ded|replaced|obsoleted)(?:\s*\([^()\n]{0,80}\))?\s+(?:by|with)\b|\bin\s+favou?r\s+of\b/gi;
const SUPERSEDES = /\b(?:super[sc]e+des|replaces|obsoletes)\b/gi;
const ADR_REF = /\b(?:ADR|RFC)[-_ ]?#?\s?\d{1,6}\b/gi;
const BARE_REF = /^[\s:]*#?([\w./-]+\.(?:md|markdown)|\d{1,6})(?![\w-])/i;

/** References in the text after "superseded by" / "supersedes": link targets, else ADR-N text. */
function refsIn(clause: string): string[] {
  const links = [...clause.matchAll(LINK)].map((m) => (m[2] || m[1] || "").trim()).filter(Boolean);
  if (links.length > 0) return links;
  const adr = [...clause.matchAll(ADR_REF)].map((m) => m[0].trim());
  if (adr.length > 0) return adr;
  const bare = BARE_REF.exec(clause);
  return bare ? [bare[1]!] : [];
}

export interface Relations {
  readonly supersedes: string[];
  readonly supersededBy: string[];
  /** Whether a "superseded by" phrase (not "in favour of") was found. */
  readonly supersededPhrase: boolean;
}

/** Finds "superseded by X", "in favour of X" and "supersedes X" clauses in one line. */
export function relationsIn(line: string): Relations {
  const marks: Array<{ at: number; end: number; kind: "by" | "favour" | "supersedes" }> = [];
  for (const m of line.matchAll(BY))
    marks.push({
      at: m.index,
      end: m.index + m[0].length,
      kind: /favou?r/i.test(m[0]) ? "favour" : "by",
    });
  for (const m of line.matchAll(SUPERSEDES))
    marks.push({ at: m.index, end: m.index + m[0].length, kind: "supersedes" });
  marks.sort((a, b) => a.at - b.at);
  const supersedes: string[] = [];
  const supersededBy: string[] = [];
  let supersededPhrase = false;
  for (let i = 0; i < marks.length; i++) {
    const mark = marks[i]!;
    const clause = line.slice(mark.end, marks[i + 1]?.at ?? line.length);
    const refs = refsIn(clause);
    if (mark.kind === "supersedes") supersedes.push(...refs);
    else supersededBy.push(...refs);
    if (mark.kind === "by") supersededPhrase = true;
  }
  return { supersedes, supersededBy, supersededPhrase };
}

/** Whether a "partly superseded" qualifier precedes "superseded by" in the line. */
const PARTIAL = /\b(?:partly|partially|in part)\s+(?:super[sc]e+ded|replaced)\b/i;

const ON_DATE =
  /\bon\s+(\d{4}[-/.]\d{1,2}[-/.]\d{1,2}|\d{1,2}[-/.]\d{1,2}[-/.]\d{4}|[A-Za-z]{3,9}\.?\s+\d{1,2}(?:st|nd|rd|th)?,?\s+\d{4}|\d{1,2}(?:st|nd|rd|th)?\s+[A-Za-z]{3,9}\.?,?\s+\d{4})/;

const dedupe = (list: readonly string[]) => [...new Set(list)];

/** Reads the status from the given lines (a value, or a section's lines without quotes). */
export function readStatus(lines: readonly string[]): StatusReading {
  const text = lines.join("\n").trim();
  const empty: StatusReading = {
    status: null,
    problem: null,
    supersedes: [],
    supersededBy: [],
    dateText: null,
  };
  if (text === "") return empty;
  if (isUnfilledTemplate(text)) {
    const shown = lines.find((l) => l.includes("|"))?.trim() ?? text;
    return {
      ...empty,
      status: "unknown",
      problem: `status is an unfilled template (${clip(shown)}); write one status`,
    };
  }
  let best: DecisionStatus | null = null;
  let partial = false;
  let placeholder = false;
  const supersedes: string[] = [];
  const supersededBy: string[] = [];
  let dateText: string | null = null;
  for (const line of lines) {
    if (line.trim() === "") continue;
    const rel = relationsIn(line);
    supersedes.push(...rel.supersedes);
    supersededBy.push(...rel.supersededBy);
    const word = wordOf(line);
    let status: DecisionStatus | null = null;
    if (word === "partial" || PARTIAL.test(line)) partial = true;
    else if (word === "placeholder") placeholder = true;
    else if (word && word !== "relation") status = word;
    if (rel.supersededPhrase && !PARTIAL.test(line)) status = "superseded";
    if (status && (best === null || RANK[status] > RANK[best])) best = status;
    dateText ??= ON_DATE.exec(line)?.[1] ?? null;
  }
  const relations = { supersedes: dedupe(supersedes), supersededBy: dedupe(supersededBy) };
  if (best === null && partial)
    return {
      ...relations,
      status: "accepted",
      problem:
        "status says the record is partly superseded: read as accepted, since the rest of it is in force",
      dateText: null,
    };
  if (best === null) {
    const first = lines.find((l) => l.trim() !== "")!.trim();
    return {
      ...relations,
      status: placeholder ? "unknown" : null,
      problem: placeholder
        ? `status "${clip(first)}" is a placeholder; write the status`
        : `status "${clip(first)}" is not one of proposed, accepted, rejected, deprecated, superseded`,
      dateText: null,
    };
  }
  const dated = best === "accepted" || best === "proposed";
  return { ...relations, status: best, problem: null, dateText: dated ? dateText : null };
}

function clip(text: string): string {
  const one = text.replace(/\s+/g, " ");
  return one.length > 80 ? `${one.slice(0, 77)}…` : one;
}
