import { isoDate } from "./dates.js";

/** What a record's file name says: its number (`0007-x.md`) and/or its date (`20200926-x.md`). */
export interface FileNameInfo {
  readonly number: number | null;
  readonly date: string | null;
}

/** The last path segment. */
export function baseName(path: string): string {
  const i = Math.max(path.lastIndexOf("/"), path.lastIndexOf("\\"));
  return i >= 0 ? path.slice(i + 1) : path;
}

const DATED = /^(\d{4})([-_]?)(\d{2})\2(\d{2})(?:[-_](\d{1,6})(?=[-_.]|$))?/;
const ADR_PREFIX = /^(?:adr|rfc|dr)[-_ ]?0*(\d{1,6})(?=[-_. ]|$)/i;
const NUMBERED = /^0*(\d{1,6})(?=[-_. ]|$)/;

/**
 * `0007-foo.md` → 7, `adr-017-x.md` → 17, `ADR-10-x.md` → 10, `2022-03-28_017-udp.md` → 17 (and
 * the date); a pure date prefix (`20200926-foo.md`, `2020_09_01_x.md`) gives a date, no number.
 */
export function fileNameInfo(path: string): FileNameInfo {
  const name = baseName(path);
  const dated = DATED.exec(name);
  if (dated) {
    const date = isoDate(Number(dated[1]), Number(dated[3]), Number(dated[4]));
    if (date) return { date, number: dated[5] ? Number(dated[5]) : null };
  }
  const adr = ADR_PREFIX.exec(name);
  if (adr) return { number: Number(adr[1]), date: null };
  const numbered = NUMBERED.exec(name);
  if (numbered) return { number: Number(numbered[1]), date: null };
  return { number: null, date: null };
}

const NOT_RECORDS = /^(?:readme|index|template|.*[-_]template|_.*)\.(?:md|markdown)$/i;

/** A markdown file that is a decision record, not the directory's README, index or template. */
export function isRecordFile(path: string): boolean {
  const name = baseName(path);
  return /\.(?:md|markdown)$/i.test(name) && !NOT_RECORDS.test(name);
}
