/**
 * Parses one architecture decision record, in any of the formats people use:
 *
 * - Nygard / adr-tools: `# 1. Title`, `Date: 2018-01-01`, a `## Status` section ("Accepted",
 *   "Superseded by [2. Foo](0002-foo.md)", also adr-tools' spelling "Superceded").
 * - MADR 2 and log4brains: `* Status: accepted` / `- Date: 2020-01-01` bullets under the title.
 * - MADR 3 and 4: YAML front matter (`status:`, `date:`, `governs:`), title from the first `# `.
 * - Free-form: a status table, `**Accepted**`, "✅ Accepted", `Date 09/04/2018`, a bare date line.
 *
 * Pure and total: odd input (BOM, CRLF, unfilled templates, invalid dates) becomes a problem in
 * the result, never an exception.
 */
import {
  type MarkdownLine,
  scanMarkdownLines,
  splitLines,
  stripListMarker,
} from "../intent/markdown.js";
import { isDateLine, parseDate } from "./dates.js";
import { fileNameInfo } from "./file-name.js";
import { scalarOf, splitFrontMatter } from "./front-matter.js";
import { isStatusHeading, readStatus, relationsIn, type StatusReading } from "./status.js";
import type { DecisionRecord, DecisionStatus } from "./types.js";

interface Heading {
  /** Index in the body lines. */
  readonly index: number;
  readonly level: number;
  readonly text: string;
}

const ATX = /^ {0,3}(#{1,6})(?:[ \t]+(.*?))?[ \t]*$/;

function headingsOf(lines: readonly MarkdownLine[]): Heading[] {
  const out: Heading[] = [];
  lines.forEach((line, index) => {
    if (line.kind !== "text" || line.commented) return;
    const m = ATX.exec(line.text);
    if (!m) return;
    const text = (m[2] ?? "").replace(/[ \t]+#+$/, "").trim();
    out.push({ index, level: m[1]!.length, text });
  });
  return out;
}

/** Prose lines from `from` up to (not including) `to`. */
function prose(lines: readonly MarkdownLine[], from: number, to: number): string[] {
  const out: string[] = [];
  for (let i = from; i < to && i < lines.length; i++) {
    const line = lines[i]!;
    if (line.kind === "text" && !line.commented && line.text.trim() !== "") out.push(line.text);
  }
  return out;
}

/** The lines of the section under `heading`, up to the next heading of its level or higher. */
function sectionLines(
  lines: readonly MarkdownLine[],
  headings: readonly Heading[],
  heading: Heading,
): string[] {
  const next = headings.find((h) => h.index > heading.index && h.level <= heading.level);
  return prose(lines, heading.index + 1, next ? next.index : lines.length);
}

/** A heading's words without emphasis, emoji or a trailing colon, lower-cased. */
const headingWords = (text: string) =>
  text
    .replace(/[*_`]/g, "")
    .replace(/^[^\p{L}]+/u, "")
    .trim()
    .toLowerCase();

const KEY_LINE =
  /^(?:\*\*|__)?\s*(status|date|created(?: on)?|updated|last[ -]updated|last[ -]modified|decided(?: on)?|decision[ -]date|super[sc]e+ded[ -]by|super[sc]e+des)\s*(?:\*\*|__)?\s*(:)?\s*(?:\*\*|__)?\s*(.*)$/i;

interface Preamble {
  readonly status: string[];
  readonly date: string[];
  readonly created: string[];
  readonly updated: string[];
  readonly dateLines: string[];
  readonly relationLines: string[];
}

/** Splits a markdown table row into its cells. */
function cells(row: string): string[] {
  const t = row.trim().replace(/^\|/, "").replace(/\|$/, "");
  return t.split("|").map((c) => c.trim());
}

/** Reads the metadata between the title and the first section heading. */
function readPreamble(lines: readonly string[]): Preamble {
  const p: Preamble = {
    status: [],
    date: [],
    created: [],
    updated: [],
    dateLines: [],
    relationLines: [],
  };
  for (let i = 0; i < lines.length; i++) {
    const raw = lines[i]!;
    const next = lines[i + 1];
    const after = lines[i + 2];
    if (raw.trim().startsWith("|") && next && /^\s*\|?\s*:?-{2,}/.test(next) && after) {
      const head = cells(raw).map((c) => headingWords(c));
      const row = cells(after);
      head.forEach((h, col) => {
        const value = row[col] ?? "";
        if (h === "status" && value) p.status.push(value);
        if (h === "date" && value) p.date.push(value);
      });
      while (i + 1 < lines.length && lines[i + 1]!.trim().startsWith("|")) i++;
      continue;
    }
    const text = stripListMarker(raw).text;
    const m = KEY_LINE.exec(text);
    if (m) {
      const key = m[1]!.toLowerCase().replace(/[ -]+/g, " ");
      const value = m[3]!.trim();
      const colon = m[2] === ":";
      if (key.startsWith("super")) p.relationLines.push(text);
      else if (key === "status") {
        if (colon && value) p.status.push(value);
      } else if (value && (colon || parseDate(value).date)) {
        if (key === "date" || key.startsWith("decided") || key === "decision date")
          p.date.push(value);
        else if (key.startsWith("created")) p.created.push(value);
        else p.updated.push(value);
      }
      continue;
    }
    if (isDateLine(text)) p.dateLines.push(text);
  }
  return p;
}

const STATUS_MARKER =
  /^\[[^\n]{0,300}?\b(?:super[sc]e+ded|deprecated|rejected|accepted|proposed|draft)\b[^\n]{0,300}?\]\s+(?=\S)/i;
const RECORD_PREFIX = /^(?:architecture\s+)?decision\s+record\s*[:\-–—]\s*/i;
const NUMBER_PREFIXES = [
  /^(?:(?:ADR|RFC)[-_ ]?#?\s*)?0*(\d{1,6})\s*(?:[.:)]|\s[-–—])\s+(?=\S)/i,
  /^(?:ADR|RFC)[-_ ]?#?0*(\d{1,6})\s+(?=\S)/i,
  /^0*(\d{1,3})\s+(?=\p{L})/u,
];

/** Splits `2. Use X` / `ADR 036: X` / `[Superseded by …] X` into the number and the title. */
export function cleanTitle(raw: string): { title: string | null; number: number | null } {
  let t = raw.replace(/\s+/g, " ").trim();
  t = t.replace(STATUS_MARKER, "").replace(RECORD_PREFIX, "");
  let number: number | null = null;
  for (const re of NUMBER_PREFIXES) {
    const m = re.exec(t);
    if (m) {
      number = Number(m[1]);
      t = t.slice(m[0].length);
      break;
    }
  }
  t = t.trim();
  return { title: t === "" ? null : t, number };
}

const NUMBER_KEYS = ["adr", "number", "nr", "id", "slug", "adr-number", "adr_number"];

function frontMatterNumber(data: Readonly<Record<string, unknown>>): number | null {
  for (const key of NUMBER_KEYS) {
    const v = data[key];
    if (typeof v === "number" && Number.isSafeInteger(v) && v >= 0) return v;
    if (typeof v === "string") {
      const m = /^\s*(?:ADR[-_ ]?)?0*(\d{1,6})\s*$/i.exec(v);
      if (m) return Number(m[1]);
    }
  }
  return null;
}

function frontMatterRefs(value: unknown): string[] {
  const items = Array.isArray(value) ? value : [value];
  const out: string[] = [];
  for (const item of items) {
    const s = scalarOf(item);
    if (!s) continue;
    const rel = relationsIn(`supersedes ${s}`).supersedes;
    out.push(...(rel.length > 0 ? rel : [s]));
  }
  return out;
}

function readGoverns(value: unknown, problems: string[]): string[] {
  if (value === undefined || value === null) return [];
  const items = typeof value === "string" ? [value] : Array.isArray(value) ? value : null;
  if (!items) {
    problems.push("front matter `governs:` is not a list of path globs");
    return [];
  }
  const out: string[] = [];
  for (const item of items) {
    if (typeof item === "string" && item.trim() !== "") out.push(item.trim());
    else
      problems.push(`front matter \`governs:\` entry ${JSON.stringify(item)} is not a path glob`);
  }
  return [...new Set(out)];
}

interface DateCandidate {
  readonly value: string;
  readonly from: string;
}

function pickDate(candidates: readonly DateCandidate[], problems: string[]): string | null {
  for (const c of candidates) {
    if (/y{4}|\bdd?\b.*\bmm?\b/i.test(c.value)) {
      problems.push(`${c.from} is an unfilled template (${c.value.trim()})`);
      continue;
    }
    const r = parseDate(c.value);
    if (!r.date) {
      problems.push(`${c.from} "${c.value.trim()}" is not a calendar date (expected YYYY-MM-DD)`);
      continue;
    }
    if (r.problem) problems.push(r.problem);
    return r.date;
  }
  return null;
}

/** Parses a decision record. `path` is used for the number and date in the file name. */
export function parseDecisionRecord(text: string, path: string): DecisionRecord {
  const file = typeof path === "string" ? path : "";
  try {
    return parseRecord(typeof text === "string" ? text : "", file);
  } catch (err) {
    const why = err instanceof Error ? err.message : String(err);
    const { number, date } = fileNameInfo(file);
    return {
      file,
      number,
      title: null,
      status: "unknown",
      date,
      supersedes: [],
      supersededBy: [],
      governs: [],
      problems: [`could not be parsed: ${why}`],
    };
  }
}

function parseRecord(text: string, file: string): DecisionRecord {
  const problems: string[] = [];
  const all = splitLines(text);
  const fm = splitFrontMatter(all);
  problems.push(...fm.problems);
  const body = scanMarkdownLines(all.slice(fm.bodyStart).join("\n"));
  const headings = headingsOf(body);
  const h1 = headings.find((h) => h.level === 1);
  const firstSection = headings.find((h) => h !== h1 && h.index > (h1?.index ?? -1));
  const preambleEnd = firstSection ? firstSection.index : body.length;
  const preambleLines = h1
    ? [...prose(body, 0, h1.index), ...prose(body, h1.index + 1, preambleEnd)]
    : prose(body, 0, preambleEnd);
  const pre = readPreamble(preambleLines);

  // Title and number.
  const fmTitle = scalarOf(fm.data.title);
  const rawTitle = fmTitle || h1?.text || setextTitle(body, preambleEnd);
  const { title, number: titleNumber } = rawTitle
    ? cleanTitle(rawTitle)
    : { title: null, number: null };
  if (!title) problems.push("no title (no `# ` heading or front matter `title:`)");
  const fromName = fileNameInfo(file);
  const fmNumber = frontMatterNumber(fm.data);
  const number = fmNumber ?? fromName.number ?? titleNumber;
  if (fmNumber !== null && fromName.number !== null && fmNumber !== fromName.number)
    problems.push(
      `front matter says number ${fmNumber}, the file name ${fromName.number}; used ${fmNumber}`,
    );
  if (titleNumber !== null && number !== null && titleNumber !== number)
    problems.push(`title says number ${titleNumber}, but the record is number ${number}`);

  // Status, from the front matter, then a Status: line, then a Status section.
  const sources: Array<{ from: string; lines: string[] }> = [];
  const fmStatus = fm.data.status;
  if (fmStatus !== undefined && fmStatus !== null) {
    const s = scalarOf(fmStatus);
    if (s === null) problems.push("front matter `status:` is not a single value");
    else if (s !== "") sources.push({ from: "front matter status", lines: [s] });
  }
  for (const s of pre.status) sources.push({ from: "Status line", lines: [s] });
  const statusHeading = headings.find((h) => h !== h1 && isStatusHeading(headingWords(h.text)));
  if (statusHeading) {
    const inline = /^[^:]*status[^:]*:\s*(.+)$/i.exec(statusHeading.text);
    const lines = inline ? [inline[1]!] : sectionLines(body, headings, statusHeading);
    const unquoted = lines.filter((l) => !/^\s*>/.test(l));
    const chosen =
      unquoted.length > 0 ? unquoted : lines.map((l) => l.replace(/^\s*(?:>\s*)+/, ""));
    sources.push({ from: "Status section", lines: chosen });
  }
  let reading: StatusReading | null = null;
  const supersedes: string[] = [];
  const supersededBy: string[] = [];
  const statusProblems: string[] = [];
  for (const source of sources) {
    const r = readStatus(source.lines);
    supersedes.push(...r.supersedes);
    supersededBy.push(...r.supersededBy);
    if (reading) continue;
    if (r.status !== null) reading = r;
    if (r.problem) statusProblems.push(r.problem);
  }
  let status: DecisionStatus = reading?.status ?? "unknown";
  if (!reading)
    problems.push(
      statusProblems[0] ??
        "no status found (no front matter `status:`, `Status:` line or `## Status` section)",
    );
  else problems.push(...statusProblems);

  // Relations written elsewhere: front matter keys, Supersedes lines, a Links section.
  for (const [key, value] of Object.entries(fm.data)) {
    const k = key.replace(/[-_ ]/g, "");
    if (/^super[sc]e+dedby$/.test(k)) supersededBy.push(...frontMatterRefs(value));
    else if (/^super[sc]e+des$/.test(k)) supersedes.push(...frontMatterRefs(value));
  }
  const linkLines = headings
    .filter((h) => /^(?:links?|related\b|relations?\b)/.test(headingWords(h.text)))
    .flatMap((h) => sectionLines(body, headings, h))
    .map((l) => stripListMarker(l).text)
    .filter((l) => /^(?:super[sc]e+des|super[sc]e+ded by|replaces|replaced by)\b/i.test(l));
  for (const line of [...pre.relationLines, ...linkLines]) {
    const rel = relationsIn(line);
    supersedes.push(...rel.supersedes);
    supersededBy.push(...rel.supersededBy);
    if (rel.supersededPhrase && (status === "accepted" || status === "unknown")) {
      status = "superseded";
    }
  }
  if (status === "superseded" && supersededBy.length === 0)
    problems.push("marked superseded, but names no record that supersedes it");

  // Date.
  const candidates: DateCandidate[] = [];
  const fmDate = fm.data.date;
  if (fmDate !== undefined && fmDate !== null) {
    const s = scalarOf(fmDate);
    if (s) candidates.push({ value: s, from: "front matter date" });
  }
  candidates.push(...pre.date.map((value) => ({ value, from: "Date line" })));
  const dateHeading = headings.find((h) => h !== h1 && headingWords(h.text) === "date");
  if (dateHeading) {
    const first = sectionLines(body, headings, dateHeading)[0];
    if (first) candidates.push({ value: stripListMarker(first).text, from: "Date section" });
  }
  candidates.push(...pre.created.map((value) => ({ value, from: "Created line" })));
  candidates.push(...pre.updated.map((value) => ({ value, from: "Updated line" })));
  candidates.push(...pre.dateLines.map((value) => ({ value, from: "date line" })));
  if (reading?.dateText) candidates.push({ value: reading.dateText, from: "status date" });
  let date = pickDate(candidates, problems);
  if (!date && fromName.date) {
    date = fromName.date;
    if (candidates.length > 0) problems.push(`used the date in the file name (${date})`);
  }

  const governs = readGoverns(fm.data.governs, problems);
  return {
    file,
    number,
    title,
    status,
    date,
    supersedes: [...new Set(supersedes)],
    supersededBy: [...new Set(supersededBy)],
    governs,
    problems,
  };
}

/** A setext title (`Title` over `=====`) before the first section, when there is no `# `. */
function setextTitle(body: readonly MarkdownLine[], end: number): string | null {
  for (let i = 0; i + 1 < end && i + 1 < body.length; i++) {
    const line = body[i]!;
    const under = body[i + 1]!;
    if (line.kind !== "text" || line.text.trim() === "") continue;
    if (under.kind === "text" && /^ {0,3}=+[ \t]*$/.test(under.text)) return line.text.trim();
  }
  return null;
}
