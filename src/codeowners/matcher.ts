import { Cache } from "../util/cache.js";
import { type CompiledRule, compileRules } from "./parse.js";
import type { CompiledPattern } from "./pattern.js";
import type { CodeownersMatch, CodeownersMatcher } from "./types.js";

/**
 * A fast CODEOWNERS matcher. Rules are indexed by what a matching path must contain:
 * anchored rules by their literal leading segments (a trie walked along the path), unanchored
 * literal names (`apps/`, `Makefile`) by segment name, `*.ext` rules by extension; the rest are
 * tried for every path. For a path, the candidate rules are tried from the last line up and the
 * first match wins — the same answer as testing every line, with a handful of regex tests.
 */

interface TrieNode {
  /** Rule indexes whose literal prefix ends here, highest first. */
  readonly rules: number[];
  readonly children: Map<string, TrieNode>;
}

const node = (): TrieNode => ({ rules: [], children: new Map() });

const byDescending = (a: number, b: number) => b - a;

/** Normalises a path as GitHub lists it: no leading `./` or `/`. */
export function normalisePath(path: string): string {
  let p = path;
  while (p.startsWith("./")) p = p.slice(2);
  while (p.startsWith("/")) p = p.slice(1);
  return p;
}

const NO_MATCH = (): CodeownersMatch => ({ owners: [], line: null });

function resultOf(rule: CompiledRule): CodeownersMatch {
  return { owners: [...rule.owners], line: rule.line };
}

function buildIndex(rules: readonly CompiledRule[]) {
  const trie = node();
  const names = new Map<string, number[]>();
  const extensions = new Map<string, number[]>();
  const always: number[] = [];
  const push = (map: Map<string, number[]>, key: string, i: number) => {
    const list = map.get(key);
    if (list) list.push(i);
    else map.set(key, [i]);
  };
  // Highest index first, so every bucket is already in descending order.
  for (let i = rules.length - 1; i >= 0; i--) {
    const index = (rules[i] as CompiledRule).compiled.index;
    if (index.kind === "name") push(names, index.name, i);
    else if (index.kind === "extension") push(extensions, index.extension, i);
    else if (index.kind === "prefix" && index.segments.length > 0) {
      let at = trie;
      for (const seg of index.segments) {
        let next = at.children.get(seg);
        if (!next) {
          next = node();
          at.children.set(seg, next);
        }
        at = next;
      }
      at.rules.push(i);
    } else always.push(i);
  }
  return { trie, names, extensions, always };
}

/** Builds the indexed matcher over compiled rules. */
export function indexedMatcher(rules: readonly CompiledRule[]): (path: string) => CodeownersMatch {
  const { trie, names, extensions, always } = buildIndex(rules);
  const hasNames = names.size > 0;
  const hasExtensions = extensions.size > 0;
  return (rawPath) => {
    const path = normalisePath(rawPath);
    const segs = path.split("/");
    const candidates: number[] = [];
    let at: TrieNode | undefined = trie;
    for (const seg of segs) {
      at = at.children.get(seg);
      if (!at) break;
      for (const i of at.rules) candidates.push(i);
    }
    if (hasNames || hasExtensions) {
      for (const seg of segs) {
        if (hasNames) {
          const list = names.get(seg);
          if (list) for (const i of list) candidates.push(i);
        }
        if (hasExtensions) {
          const dot = seg.lastIndexOf(".");
          const list = dot >= 0 ? extensions.get(seg.slice(dot + 1)) : undefined;
          if (list) for (const i of list) candidates.push(i);
        }
      }
    }
    if (candidates.length > 1) candidates.sort(byDescending);
    // Merge the sorted candidates with the always-tried rules, highest index first.
    let c = 0;
    let a = 0;
    let previous = -1;
    while (c < candidates.length || a < always.length) {
      const fromCandidates =
        a >= always.length ||
        (c < candidates.length && (candidates[c] as number) > (always[a] as number));
      const i = fromCandidates ? (candidates[c++] as number) : (always[a++] as number);
      if (i === previous) continue;
      previous = i;
      const rule = rules[i] as CompiledRule;
      if (matches(rule.compiled, path, segs)) return resultOf(rule);
    }
    return NO_MATCH();
  };
}

/** Same answer as `compiled.regex.test(path)`, faster: a literal filter, then per segment. */
function matches(compiled: CompiledPattern, path: string, segs: readonly string[]): boolean {
  if (compiled.literal && !path.includes(compiled.literal)) return false;
  const segment = compiled.segment;
  if (!segment) return compiled.regex.test(path);
  const last = segment.dirOnly ? segs.length - 1 : segs.length;
  for (let k = 0; k < last; k++) if (segment.regex.test(segs[k] as string)) return true;
  return false;
}

/** The reference answer: test every line from the last up. Slow; for tests and benchmarks. */
export function naiveMatcher(text: string): (path: string) => CodeownersMatch {
  const { rules } = compileRules(text);
  return (rawPath) => {
    const path = normalisePath(rawPath);
    for (let i = rules.length - 1; i >= 0; i--) {
      const rule = rules[i] as CompiledRule;
      if (rule.compiled.regex.test(path)) return resultOf(rule);
    }
    return NO_MATCH();
  };
}

const compiled = new Cache<{ text: string; matcher: CodeownersMatcher }>(
  32,
  Number.POSITIVE_INFINITY,
  () => 0,
);

/**
 * Compiles a CODEOWNERS file into a matcher. With a `cacheKey` (e.g. the blob SHA) the matcher
 * is kept in a small LRU map and reused for the same key and text. Never throws.
 */
export function compileCodeowners(text: string, cacheKey?: string): CodeownersMatcher {
  if (cacheKey !== undefined) {
    const hit = compiled.get(cacheKey);
    if (hit && hit.text === text) return hit.matcher;
  }
  const { rules, problems } = compileRules(text);
  const match = indexedMatcher(rules);
  const matcher: CodeownersMatcher = {
    rules: rules.map(({ line, pattern, owners }) => ({ line, pattern, owners })),
    problems,
    match,
  };
  if (cacheKey !== undefined) compiled.set(cacheKey, { text, matcher });
  return matcher;
}
