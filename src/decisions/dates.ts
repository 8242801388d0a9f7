/**
 * Reads the dates people write in decision records into YYYY-MM-DD: ISO dates (also with `/` or
 * `.`), `YYYYMMDD`, month names (`January 5, 2021`, `5 Jan 2021`), and day-first or month-first
 * numeric dates (`05.01.2021`, `05/02/2018`). A numeric date that could be either is read day
 * first, and says so.
 */

export interface DateReading {
  readonly date: string | null;
  /** Why the text was not read as a date, or how an ambiguous one was read. */
  readonly problem: string | null;
}

const MONTHS: Readonly<Record<string, number>> = {
  jan: 1,
  january: 1,
  feb: 2,
  february: 2,
  mar: 3,
  march: 3,
  apr: 4,
  april: 4,
  may: 5,
  jun: 6,
  june: 6,
  jul: 7,
  july: 7,
  aug: 8,
  august: 8,
  sep: 9,
  sept: 9,
  september: 9,
  oct: 10,
  october: 10,
  nov: 11,
  november: 11,
  dec: 12,
  december: 12,
};

const pad = (n: number) => String(n).padStart(2, "0");

function daysIn(year: number, month: number): number {
  return new Date(Date.UTC(year, month, 0)).getUTCDate();
}

/** The ISO date, or null when the parts are not a calendar date. */
export function isoDate(year: number, month: number, day: number): string | null {
  if (!Number.isInteger(year) || year < 1000 || year > 9999) return null;
  if (!Number.isInteger(month) || month < 1 || month > 12) return null;
  if (!Number.isInteger(day) || day < 1 || day > daysIn(year, month)) return null;
  return `${year}-${pad(month)}-${pad(day)}`;
}

const YMD = /^(\d{4})([-/.])(\d{1,2})\2(\d{1,2})(?![\d])/;
const COMPACT = /^(\d{4})(\d{2})(\d{2})(?![\d])/;
const DMY = /^(\d{1,2})([-/.])(\d{1,2})\2(\d{4})(?![\d])/;
const MONTH_FIRST =
  /^(?:[a-z]{3,9},?\s+)??([a-z]{3,9})\.?\s+(\d{1,2})(?:st|nd|rd|th)?,?\s+(\d{4})(?![\d])/i;
const DAY_FIRST = /^(\d{1,2})(?:st|nd|rd|th)?\s+(?:of\s+)?([a-z]{3,9})\.?,?\s+(\d{4})(?![\d])/i;

/** Strips what wraps a value: brackets, braces, quotes, emphasis, backticks. */
export function unwrap(text: string): string {
  let t = text.trim();
  for (let i = 0; i < 4; i++) {
    const before = t;
    t = t.replace(/^[[{("'`*_\s]+/, "").replace(/[\]})"'`*_\s]+$/, "");
    if (t === before) break;
  }
  return t;
}

function invalid(raw: string): DateReading {
  return { date: null, problem: `date "${raw}" is not a calendar date (expected YYYY-MM-DD)` };
}

/** Reads a date at the start of `text`; `end` is where the date text ends. */
function readStart(text: string, raw: string): DateReading & { end: number } {
  let m = YMD.exec(text);
  if (m)
    return { ...checked(raw, isoDate(Number(m[1]), Number(m[3]), Number(m[4]))), end: m[0].length };
  m = COMPACT.exec(text);
  if (m)
    return { ...checked(raw, isoDate(Number(m[1]), Number(m[2]), Number(m[3]))), end: m[0].length };
  m = DMY.exec(text);
  if (m) {
    const a = Number(m[1]);
    const b = Number(m[3]);
    const year = Number(m[4]);
    const end = m[0].length;
    // Dots are day first (05.01.2021); a part over 12 can only be the day.
    if (m[2] === "." || a > 12) return { ...checked(raw, isoDate(year, b, a)), end };
    if (b > 12) return { ...checked(raw, isoDate(year, a, b)), end };
    const date = isoDate(year, b, a);
    if (!date || a === b) return { ...checked(raw, date), end };
    const problem = `date "${m[0]}" could be day/month or month/day; read as day/month/year (${date})`;
    return { date, problem, end };
  }
  m = MONTH_FIRST.exec(text);
  const monthFirst = m ? MONTHS[m[1]!.toLowerCase()] : undefined;
  if (m && monthFirst)
    return { ...checked(raw, isoDate(Number(m[3]), monthFirst, Number(m[2]))), end: m[0].length };
  m = DAY_FIRST.exec(text);
  const dayFirst = m ? MONTHS[m[2]!.toLowerCase()] : undefined;
  if (m && dayFirst)
    return { ...checked(raw, isoDate(Number(m[3]), dayFirst, Number(m[1]))), end: m[0].length };
  return { ...invalid(raw), end: 0 };
}

function checked(raw: string, date: string | null): DateReading {
  return date ? { date, problem: null } : invalid(raw);
}

/** Reads a date at the start of `raw`; text after it (`2020-01-02 (updated)`) is ignored. */
export function parseDate(raw: string): DateReading {
  const text = unwrap(raw);
  if (text === "") return { date: null, problem: null };
  const { date, problem } = readStart(text, raw.trim());
  return { date, problem };
}

/** True when the line is a date and nothing else (a bare date under the title). */
export function isDateLine(line: string): boolean {
  const text = unwrap(line);
  if (text === "" || text.length > 40) return false;
  const r = readStart(text, text);
  return r.date !== null && text.slice(r.end).trim() === "";
}
