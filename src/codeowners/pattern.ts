/**
 * One CODEOWNERS pattern → a regular expression over repository-relative file paths, with
 * GitHub's semantics (gitignore rules minus negation, character ranges and `\#`):
 * - `*` matches within one path segment, `?` one character of a segment, `**` any depth;
 * - a leading `/` or a `/` in the middle anchors the pattern at the root, otherwise it matches
 *   at any depth;
 * - a pattern names files and directories: when it names a directory, everything under it
 *   matches; a trailing `/` matches directories only;
 * - an anchored pattern whose last segment is exactly `*` (`docs/*`) matches only the files
 *   directly in that directory, as GitHub documents;
 * - `\x` is the literal character x (`\ ` for a space); matching is case-sensitive.
 *
 * Besides the regex, each pattern gets an index key that tells which paths can possibly match
 * it, so a matcher needs to try only a few candidates per path.
 */

/** Which paths can match a pattern, for indexing; `any` when nothing cheap can be said. */
export type PatternIndex =
  /** Anchored: the path starts with these literal segments (possibly none). */
  | { readonly kind: "prefix"; readonly segments: readonly string[] }
  /** Unanchored literal: some segment of the path equals `name`. */
  | { readonly kind: "name"; readonly name: string }
  /** Unanchored `*.ext`-like: some segment's extension (after its last dot) equals `extension`. */
  | { readonly kind: "extension"; readonly extension: string }
  | { readonly kind: "any" };

export interface CompiledPattern {
  /** The whole-path regex: the reference semantics. */
  readonly regex: RegExp;
  readonly index: PatternIndex;
  /** The longest literal run of the pattern: a path without it cannot match (a cheap filter). */
  readonly literal: string;
  /**
   * For an unanchored one-segment pattern: the regex of that segment, and whether it must be a
   * directory. It is tested against each path segment, which avoids the backtracking of the
   * whole-path regex; the answer is the same.
   */
  readonly segment: { readonly regex: RegExp; readonly dirOnly: boolean } | null;
}

export type PatternResult =
  | { readonly ok: true; readonly pattern: CompiledPattern }
  | { readonly ok: false; readonly error: string };

type Token =
  | { readonly t: "lit"; readonly ch: string }
  | { readonly t: "star" }
  | { readonly t: "any1" }
  | { readonly t: "sep" };

type Segment = readonly Token[];

function tokenize(raw: string): Token[] | string {
  const tokens: Token[] = [];
  for (let i = 0; i < raw.length; i++) {
    const ch = raw[i] as string;
    if (ch === "\\") {
      const next = raw[i + 1];
      if (next === undefined) return "it ends with a lone backslash";
      tokens.push({ t: "lit", ch: next });
      i++;
    } else if (ch === "*") tokens.push({ t: "star" });
    else if (ch === "?") tokens.push({ t: "any1" });
    else if (ch === "/") tokens.push({ t: "sep" });
    else if (ch === "[" || ch === "]")
      return "character ranges with `[ ]` are not supported in CODEOWNERS";
    else tokens.push({ t: "lit", ch });
  }
  return tokens;
}

const isGlobstar = (seg: Segment) =>
  seg.length === 2 && seg[0]?.t === "star" && seg[1]?.t === "star";
const isLiteral = (seg: Segment) => seg.every((tok) => tok.t === "lit");
const isSingleStar = (seg: Segment) => seg.length === 1 && seg[0]?.t === "star";
/** The longest run of literal characters within one segment of the pattern. */
function longestLiteral(tokens: readonly Token[]): string {
  let best = "";
  let run = "";
  for (const tok of tokens) {
    if (tok.t === "lit") run += tok.ch;
    else run = "";
    if (run.length > best.length) best = run;
  }
  return best;
}

const literalOf = (seg: Segment) => seg.map((tok) => (tok.t === "lit" ? tok.ch : "")).join("");

function escapeRegex(ch: string): string {
  return /[\\^$.*+?()[\]{}|/-]/.test(ch) ? `\\${ch}` : ch;
}

function segmentRegex(seg: Segment): string {
  let out = "";
  for (let i = 0; i < seg.length; i++) {
    const tok = seg[i] as Token;
    if (tok.t === "star") {
      while (seg[i + 1]?.t === "star") i++;
      out += "[^/]*";
    } else if (tok.t === "any1") out += "[^/]";
    else if (tok.t === "lit") out += escapeRegex(tok.ch);
  }
  return out;
}

/** `*.ext`-like (stars, then a literal containing a dot): the extension after the last dot. */
function extensionOf(seg: Segment): string | null {
  let i = 0;
  while (seg[i]?.t === "star") i++;
  if (i === 0) return null;
  const rest = seg.slice(i);
  if (!rest.length || !isLiteral(rest)) return null;
  const literal = literalOf(rest);
  const dot = literal.lastIndexOf(".");
  return dot >= 0 && dot < literal.length - 1 ? literal.slice(dot + 1) : null;
}

function unanchoredIndex(seg: Segment): PatternIndex {
  if (isLiteral(seg)) return { kind: "name", name: literalOf(seg) };
  const extension = extensionOf(seg);
  return extension ? { kind: "extension", extension } : { kind: "any" };
}

/** Compiles one pattern as written in CODEOWNERS (escapes kept); errors say what is unsupported. */
export function compilePattern(raw: string): PatternResult {
  if (raw.startsWith("!"))
    return { ok: false, error: "negation with `!` is not supported in CODEOWNERS" };
  if (raw.startsWith("\\#"))
    return {
      ok: false,
      error: "a pattern starting with an escaped `\\#` is not supported in CODEOWNERS",
    };
  const tokens = tokenize(raw);
  if (typeof tokens === "string") return { ok: false, error: tokens };

  const segments: Token[][] = [[]];
  for (const tok of tokens) {
    if (tok.t === "sep") segments.push([]);
    else (segments[segments.length - 1] as Token[]).push(tok);
  }
  const leadingSlash = tokens[0]?.t === "sep";
  const dirOnly = tokens.length > 0 && tokens[tokens.length - 1]?.t === "sep";
  const segs: Segment[] = segments.filter((s) => s.length > 0);
  if (!segs.length) return { ok: false, error: "the pattern names no file or directory" };
  const anchored = leadingSlash || segs.length > 1;

  let re = anchored ? "^" : "^(?:.*/)?";
  segs.forEach((seg, i) => {
    const last = i === segs.length - 1;
    if (isGlobstar(seg)) re += last ? ".*" : "(?:.*/)?";
    else re += segmentRegex(seg) + (last ? "" : "/");
  });
  const lastSeg = segs[segs.length - 1] as Segment;
  if (dirOnly) re += "/.*$";
  else if (anchored && isSingleStar(lastSeg)) re += "$";
  else re += "(?:/.*)?$";

  let index: PatternIndex;
  const first = segs[0] as Segment;
  if (!anchored) index = unanchoredIndex(first);
  else if (segs.length === 2 && isGlobstar(first) && !isGlobstar(lastSeg) && !isSingleStar(lastSeg))
    index = unanchoredIndex(lastSeg);
  else {
    const prefix: string[] = [];
    for (const seg of segs) {
      if (!isLiteral(seg)) break;
      prefix.push(literalOf(seg));
    }
    index = { kind: "prefix", segments: prefix };
  }
  const segment =
    anchored && !(segs.length === 2 && isGlobstar(first) && !isGlobstar(lastSeg))
      ? null
      : { regex: new RegExp(`^${segmentRegex(lastSeg)}$`), dirOnly };
  return {
    ok: true,
    pattern: { regex: new RegExp(re), index, literal: longestLiteral(tokens), segment },
  };
}
