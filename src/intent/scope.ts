/**
 * Scope globs of an intent brief. In the Scope section, globs are read from fenced code blocks
 * (one per line; `#` comments ignored), from inline code, from list items and from lines that
 * hold a single path-like word. `!glob` excludes. A directory written with a trailing slash
 * (`src/billing/`) means everything under it.
 *
 * A changed path is in scope when it matches at least one include and no exclude of the same
 * brief; the order of the lines does not matter.
 */
import { globMatcher } from "../util/glob.js";
import { codeSpans, type MarkdownLine, stripListMarker } from "./markdown.js";

/** Normalises one candidate glob; null when it is not a usable glob. */
export function normaliseGlob(raw: string): string | null {
  let text = raw.trim();
  if (
    text.length >= 2 &&
    ((text.startsWith('"') && text.endsWith('"')) || (text.startsWith("'") && text.endsWith("'")))
  )
    text = text.slice(1, -1).trim();
  const negated = text.startsWith("!");
  let glob = negated ? text.slice(1).trim() : text;
  while (glob.startsWith("./")) glob = glob.slice(2);
  while (glob.startsWith("/")) glob = glob.slice(1);
  if (glob.endsWith("/")) glob = `${glob}**`;
  if (glob === "" || /\s/.test(glob) || glob.length > 500) return null;
  return negated ? `!${glob}` : glob;
}

const NOT_GLOBS = new Set(["e.g", "i.e", "etc", "n/a", "vs", "cf"]);

/** Whether a bare word (not in code) looks like a path or glob rather than prose. */
function looksLikePath(word: string): boolean {
  const bare = word.startsWith("!") ? word.slice(1) : word;
  if (NOT_GLOBS.has(bare.toLowerCase().replace(/\.$/, ""))) return false;
  if (bare.includes("/") || bare.includes("*")) return true;
  return /^[\w.-]*[\w-]\.[A-Za-z0-9]{1,10}$/.test(bare) && /^[\w-]{2,}/.test(bare);
}

/** First word of a fenced line, without a trailing `# comment`, quotes or a YAML bullet. */
function fencedCandidate(line: string): string | null {
  let text = line.trim();
  if (text === "" || text.startsWith("#") || text.startsWith("//")) return null;
  if (text.startsWith("- ")) text = text.slice(2).trim();
  const comment = text.indexOf(" #");
  if (comment >= 0) text = text.slice(0, comment);
  return text.trim().split(/\s+/)[0] ?? null;
}

/** Scope globs from the lines of a Scope section, in order, without duplicates. */
export function extractScopeGlobs(lines: readonly MarkdownLine[]): string[] {
  const candidates: string[] = [];
  for (const line of lines) {
    if (line.kind === "fence") continue;
    if (line.kind === "code") {
      const word = fencedCandidate(line.text);
      if (word) candidates.push(word);
      continue;
    }
    const spans = line.text.includes("`") ? codeSpans(line.text) : [];
    if (spans.length > 0) {
      for (const span of spans) candidates.push(span.content);
      continue;
    }
    const { text, listItem } = stripListMarker(line.text);
    if (!text) continue;
    const words = text.split(/\s+/);
    const first = (words[0] ?? "").replace(/[,;:]$/, "");
    if ((listItem || words.length === 1) && looksLikePath(first)) candidates.push(first);
  }
  const out: string[] = [];
  const seen = new Set<string>();
  for (const c of candidates) {
    const glob = normaliseGlob(c);
    if (glob && !seen.has(glob)) {
      seen.add(glob);
      out.push(glob);
    }
  }
  return out;
}

/** Compiles a glob; a pattern the matcher rejects matches nothing instead of throwing. */
function safeMatcher(glob: string): (path: string) => boolean {
  try {
    return globMatcher(glob);
  } catch {
    return () => false;
  }
}

/** A predicate for "inside this scope": any include matches and no exclude does. */
export function scopeMatcher(globs: readonly string[]): (path: string) => boolean {
  const includes = globs.filter((g) => !g.startsWith("!")).map(safeMatcher);
  const excludes = globs.filter((g) => g.startsWith("!")).map((g) => safeMatcher(g.slice(1)));
  return (path) => includes.some((m) => m(path)) && !excludes.some((m) => m(path));
}
