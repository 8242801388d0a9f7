import { baseName } from "./file-name.js";
import type { DecisionRecord } from "./types.js";

/** How a record is named in messages: `ADR-7`, or its file name when it has no number. */
export function recordLabel(record: DecisionRecord): string {
  return record.number !== null ? `ADR-${record.number}` : baseName(record.file);
}

/** `ADR-7 "Use Postgres"` (with the title when there is one). */
export function recordName(record: DecisionRecord): string {
  return record.title ? `${recordLabel(record)} "${record.title}"` : recordLabel(record);
}

const clean = (p: string) => p.replace(/[#?].*$/, "").replace(/^(?:\.{1,2}\/|\/)+/, "");

/** Whether `ref` (a path as written somewhere) names the record's file. */
export function pathNames(recordFile: string, ref: string): boolean {
  const p = clean(ref);
  if (p === "") return false;
  const file = clean(recordFile);
  return (
    file === p || file.endsWith(`/${p}`) || p.endsWith(`/${file}`) || baseName(file) === baseName(p)
  );
}

/**
 * The records a reference names: a path or link target (`0002-foo.md`, `./008-x.md`) by file,
 * anything else (`ADR-0057`, `ADR 111`, `/adr/32`) by its last number.
 */
export function resolveRef(ref: string, records: readonly DecisionRecord[]): DecisionRecord[] {
  if (/\.(?:md|markdown)(?:[#?].*)?$/i.test(ref))
    return records.filter((r) => pathNames(r.file, ref));
  const m = /(\d{1,6})\D*$/.exec(ref);
  if (!m) return [];
  const n = Number(m[1]);
  return records.filter((r) => r.number === n);
}
