import { parse } from "yaml";

/** YAML front matter split off a markdown file. */
export interface FrontMatter {
  /** Top-level keys, lower-cased; empty when there is no front matter. */
  readonly data: Readonly<Record<string, unknown>>;
  /** Whether the file starts with a `---` block that is closed. */
  readonly present: boolean;
  /** Index of the first body line in `lines`. */
  readonly bodyStart: number;
  readonly problems: readonly string[];
}

const isPlainObject = (v: unknown): v is Record<string, unknown> =>
  typeof v === "object" && v !== null && !Array.isArray(v) && !(v instanceof Date);

/** Reads `key: value` lines (and `- item` lists under a key) when the YAML does not parse. */
function lineByLine(lines: readonly string[]): Record<string, unknown> {
  const data: Record<string, unknown> = {};
  let listKey: string | null = null;
  for (const line of lines) {
    const item = /^\s+-\s+(.*)$/.exec(line) ?? (listKey ? /^-\s+(.*)$/.exec(line) : null);
    if (item && listKey) {
      const list = data[listKey];
      data[listKey] = [...(Array.isArray(list) ? list : []), unquote(item[1]!)];
      continue;
    }
    const kv = /^([A-Za-z_][\w-]*)\s*:\s*(.*)$/.exec(line);
    if (!kv) continue;
    const key = kv[1]!.toLowerCase();
    const value = kv[2]!.replace(/\s+#.*$/, "").trim();
    listKey = value === "" ? key : null;
    data[key] = value === "" ? null : unquote(value);
  }
  return data;
}

function unquote(v: string): string {
  const t = v.trim();
  if (t.length >= 2 && (t[0] === '"' || t[0] === "'") && t.at(-1) === t[0]) return t.slice(1, -1);
  return t;
}

/** Splits YAML front matter (`---` … `---` or `...`) from the lines of a file. */
export function splitFrontMatter(lines: readonly string[]): FrontMatter {
  const none: FrontMatter = { data: {}, present: false, bodyStart: 0, problems: [] };
  if (lines.length === 0 || lines[0]!.trim() !== "---") return none;
  let end = -1;
  for (let i = 1; i < lines.length; i++) {
    const t = lines[i]!.trim();
    if (t === "---" || t === "...") {
      end = i;
      break;
    }
  }
  if (end < 0) return none;
  const raw = lines.slice(1, end);
  const problems: string[] = [];
  let data: Record<string, unknown>;
  try {
    const parsed: unknown = parse(raw.join("\n"));
    if (parsed === null || parsed === undefined) data = {};
    else if (isPlainObject(parsed)) data = parsed;
    else throw new Error("it is not a mapping of keys to values");
  } catch (err) {
    const why = err instanceof Error ? err.message.split("\n")[0] : String(err);
    problems.push(`front matter is not valid YAML (${why}); read it line by line`);
    data = lineByLine(raw);
  }
  const lower: Record<string, unknown> = {};
  for (const [k, v] of Object.entries(data)) lower[k.toLowerCase()] = v;
  return { data: lower, present: true, bodyStart: end + 1, problems };
}

/**
 * A front matter value as one string: `{proposed}` (which YAML reads as a mapping) is
 * `proposed`, numbers and dates become text, one-item lists their item; anything else is null.
 */
export function scalarOf(value: unknown): string | null {
  if (typeof value === "string") return value.trim();
  if (typeof value === "number" && Number.isFinite(value)) return String(value);
  if (value instanceof Date && !Number.isNaN(value.getTime()))
    return value.toISOString().slice(0, 10);
  if (Array.isArray(value) && value.length === 1) return scalarOf(value[0]);
  if (isPlainObject(value)) {
    const entries = Object.entries(value);
    if (entries.length === 1 && entries[0]![1] === null) return entries[0]![0].trim();
  }
  return null;
}
