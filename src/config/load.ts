import { LineCounter, parseDocument } from "yaml";
import type { z } from "zod";
import { type Config, configSchema, type ResolvedProfile, rulesSchema } from "./schema.js";

export const CONFIG_PATH = ".github/guardrails.yml";

/** A config problem located by file, key path and (when the YAML text is known) line. */
export interface ConfigError {
  readonly file: string;
  /** Dotted key path, e.g. `rules.size.max_files`; empty for the whole file. */
  readonly path: string;
  readonly line: number | null;
  /** What was found there, shortened. */
  readonly found: string;
  /** What is allowed there. */
  readonly allowed: string;
}

export type ConfigResult =
  | { readonly ok: true; readonly config: Config }
  | { readonly ok: false; readonly errors: readonly ConfigError[] };

export function formatConfigError(e: ConfigError): string {
  const where = `${e.file}${e.line ? `:${e.line}` : ""}`;
  return `${where} ${e.path || "(file)"}: found ${e.found}; allowed: ${e.allowed}`;
}

/** Parses YAML text, then validates it. YAML syntax errors are located by line. */
export function parseConfigText(text: string, file = CONFIG_PATH): ConfigResult {
  const lineCounter = new LineCounter();
  const doc = parseDocument(text, { lineCounter, uniqueKeys: true, prettyErrors: false });
  if (doc.errors.length > 0) {
    return {
      ok: false,
      errors: doc.errors.map((err) => ({
        file,
        path: "",
        line: lineCounter.linePos(err.pos[0]).line,
        found: `invalid YAML (${err.message.split("\n")[0]})`,
        allowed: "a YAML mapping of settings",
      })),
    };
  }
  const raw: unknown = doc.toJS() ?? {};
  const lineOf = (path: readonly PropertyKey[]): number | null => {
    for (let n = path.length; n >= 0; n--) {
      const node = doc.getIn(path.slice(0, n) as unknown[], true) as
        | { range?: [number, number, number] }
        | undefined;
      const pair = n > 0 ? findKeyNode(doc, path.slice(0, n)) : undefined;
      const offset = pair ?? node?.range?.[0];
      if (offset !== undefined) return lineCounter.linePos(offset).line;
    }
    return null;
  };
  return parseConfig(raw, file, lineOf);
}

/** Offset of the key node for a path, so an unknown key points at its own line. */
function findKeyNode(doc: ReturnType<typeof parseDocument>, path: readonly PropertyKey[]) {
  const parent = doc.getIn(path.slice(0, -1) as unknown[], true) as
    | { items?: { key?: { value?: unknown; range?: [number, number, number] } }[] }
    | undefined;
  const last = path[path.length - 1];
  const item = parent?.items?.find((i) => i.key?.value === last);
  return item?.key?.range?.[0];
}

/** Validates an already-parsed config object (e.g. from Probot's config loader). */
export function parseConfig(
  raw: unknown,
  file = CONFIG_PATH,
  lineOf: (path: readonly PropertyKey[]) => number | null = () => null,
): ConfigResult {
  const input = raw ?? {};
  const parsed = configSchema.safeParse(input);
  if (!parsed.success) {
    return { ok: false, errors: toErrors(parsed.error, input, (path) => path, file, lineOf) };
  }
  const baseRules = (isRecord(input) && isRecord(input.rules) ? input.rules : {}) as Record<
    string,
    unknown
  >;
  const profiles: ResolvedProfile[] = [];
  const errors: ConfigError[] = [];
  for (const [name, profile] of Object.entries(parsed.data.profiles)) {
    const merged = deepMerge(baseRules, profile.rules);
    const rules = rulesSchema.safeParse(merged);
    if (rules.success) profiles.push({ name, when: profile.when, rules: rules.data });
    else {
      // Point at the profile's own key when it set the bad value, else at the base `rules` key.
      const locate = (path: readonly PropertyKey[]) =>
        valueAt(profile.rules, path) !== undefined
          ? ["profiles", name, "rules", ...path]
          : ["rules", ...path];
      errors.push(...toErrors(rules.error, merged, locate, file, lineOf));
    }
  }
  if (errors.length > 0) return { ok: false, errors };
  return {
    ok: true,
    config: { rules: parsed.data.rules, profiles, comment: parsed.data.comment },
  };
}

function toErrors(
  error: z.ZodError,
  input: unknown,
  locate: (path: readonly PropertyKey[]) => readonly PropertyKey[],
  file: string,
  lineOf: (path: readonly PropertyKey[]) => number | null,
): ConfigError[] {
  const out: ConfigError[] = [];
  for (const issue of error.issues) {
    const keys = issue.code === "unrecognized_keys" ? issue.keys : [undefined];
    for (const key of keys) {
      const path = key === undefined ? issue.path : [...issue.path, key];
      const where = locate(path);
      out.push({
        file,
        path: where.join("."),
        line: lineOf(where),
        found: key === undefined ? describeValue(valueAt(input, path)) : `unknown key "${key}"`,
        allowed: allowedText(issue, locate(issue.path)),
      });
    }
  }
  return out;
}

function allowedText(issue: z.core.$ZodIssue, location: readonly PropertyKey[]): string {
  switch (issue.code) {
    case "unrecognized_keys": {
      const known = knownKeys(location);
      return known.length ? `one of ${known.map((k) => `"${k}"`).join(", ")}` : "no other keys";
    }
    case "invalid_type":
      return issue.expected === "int" ? "an integer" : `a value of type ${issue.expected}`;
    case "invalid_value":
      return `one of ${issue.values.map((v) => JSON.stringify(v)).join(", ")}`;
    case "too_small": {
      const bound = `${issue.inclusive ? "at least" : "greater than"} ${String(issue.minimum)}`;
      return issue.origin === "number" ? `a number ${bound}` : `a length of ${bound}`;
    }
    case "too_big":
      return `a value of at most ${String(issue.maximum)}`;
    default:
      return issue.message;
  }
}

type AnySchema = { _zod: { def: Record<string, unknown> } };

/** The keys the schema allows at a path (for "unknown key" messages). */
function knownKeys(path: readonly PropertyKey[]): string[] {
  let schema: AnySchema | undefined = configSchema as unknown as AnySchema;
  const unwrap = (s: AnySchema | undefined): AnySchema | undefined => {
    let cur = s;
    while (
      cur &&
      ["default", "prefault", "optional", "nullable", "pipe"].includes(String(cur._zod.def.type))
    ) {
      cur = (cur._zod.def.innerType ?? cur._zod.def.in) as AnySchema | undefined;
    }
    return cur;
  };
  for (const key of path) {
    schema = unwrap(schema);
    const def = schema?._zod.def;
    if (def?.type === "object") schema = (def.shape as Record<string, AnySchema>)[String(key)];
    else if (def?.type === "record") schema = def.valueType as AnySchema;
    else if (def?.type === "array") schema = def.element as AnySchema;
    else return [];
    // profiles.<name>.rules is a free record validated against `rules`
    if (path[0] === "profiles" && key === "rules") schema = rulesSchema as unknown as AnySchema;
  }
  const def = unwrap(schema)?._zod.def;
  return def?.type === "object" ? Object.keys(def.shape as object) : [];
}

function valueAt(input: unknown, path: readonly PropertyKey[]): unknown {
  let cur = input;
  for (const key of path) {
    if (cur === null || typeof cur !== "object") return undefined;
    cur = (cur as Record<PropertyKey, unknown>)[key];
  }
  return cur;
}

function describeValue(value: unknown): string {
  if (value === undefined) return "nothing";
  if (value === null) return "null";
  const json = JSON.stringify(value);
  const short = json.length > 60 ? `${json.slice(0, 57)}...` : json;
  const type = Array.isArray(value) ? "array" : typeof value;
  return `${short} (${type})`;
}

function isRecord(v: unknown): v is Record<string, unknown> {
  return v !== null && typeof v === "object" && !Array.isArray(v);
}

/** Deep-merges plain objects; arrays and scalars in `over` replace those in `base`. */
export function deepMerge(base: unknown, over: unknown): unknown {
  if (!isRecord(base) || !isRecord(over)) return over === undefined ? base : over;
  const out: Record<string, unknown> = { ...base };
  for (const [k, v] of Object.entries(over)) out[k] = deepMerge(base[k], v);
  return out;
}
