import { parseCodeowners } from "../../src/codeowners/index.js";
import { seededRandom } from "../../src/util/random.js";

/**
 * Deterministic, realistic repository paths for a CODEOWNERS file: paths derived from its
 * patterns (wildcards filled in, directories given children, unanchored patterns nested) mixed
 * with random paths over the same vocabulary, so both hits and near misses are exercised.
 * Shared by the fast-vs-naive test and bench/codeowners.ts.
 */

export { seededRandom };

const WORDS = ["src", "lib", "test", "docs", "core", "util", "api", "internal", "x", "build"];
const EXTENSIONS = ["py", "c", "h", "js", "ts", "md", "rst", "txt", "json", "go", "toml"];

export function samplePaths(text: string, count: number, seed = 1): string[] {
  const rand = seededRandom(seed);
  const pick = <T>(xs: readonly T[]): T => xs[Math.floor(rand() * xs.length)] as T;
  const patterns = parseCodeowners(text).rules.map((r) => r.pattern);
  const vocabulary = [...WORDS];
  for (const p of patterns)
    for (const seg of p.split("/")) if (/^[\w.-]+$/.test(seg)) vocabulary.push(seg);
  const word = () => (rand() < 0.5 ? pick(vocabulary) : pick(WORDS));
  const file = () => `${pick(WORDS)}${Math.floor(rand() * 100)}.${pick(EXTENSIONS)}`;
  const dirs = (max: number) =>
    Array.from({ length: Math.floor(rand() * (max + 1)) }, () => word()).join("/");
  const join = (...parts: string[]) => parts.filter(Boolean).join("/");

  const fromPattern = (pattern: string) => {
    const dirOnly = pattern.endsWith("/");
    const anchored = pattern.startsWith("/") || pattern.replace(/\/$/, "").includes("/");
    let body = pattern.replace(/^\/+|\/+$/g, "");
    body = body.replace(/\\(.)/g, "$1");
    body = body
      .split("/")
      .map((seg) => (seg === "**" ? dirs(2) : seg))
      .filter(Boolean)
      .join("/")
      .replace(/\*+/g, () => (rand() < 0.3 ? "" : word()))
      .replace(/\?/g, () => pick(["a", "b", "1", "_"]));
    const prefix = anchored ? "" : dirs(2);
    const children = dirOnly || rand() < 0.4 ? join(dirs(2), file()) : "";
    return join(prefix, body, children);
  };

  const out: string[] = [];
  while (out.length < count) {
    const path =
      patterns.length && rand() < 0.6 ? fromPattern(pick(patterns)) : join(dirs(4), file());
    if (path) out.push(path);
  }
  return out;
}
