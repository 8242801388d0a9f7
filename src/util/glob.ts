import picomatch from "picomatch";

const cache = new Map<string, (path: string) => boolean>();

/**
 * Compiles a path glob once and caches it. `**` crosses `/`, `*` does not; dotfiles match.
 * A glob without a slash matches the file name at any depth (`*.lock` matches `a/b/c.lock`).
 */
export function globMatcher(glob: string): (path: string) => boolean {
  let m = cache.get(glob);
  if (!m) {
    const basename = !glob.includes("/");
    m = picomatch(glob, { dot: true, basename });
    cache.set(glob, m);
  }
  return m;
}

/** True when the path matches any of the globs; globs starting with `!` exclude. */
export function matchesAny(path: string, globs: readonly string[]): boolean {
  let matched = false;
  for (const g of globs) {
    if (g.startsWith("!")) {
      if (matched && globMatcher(g.slice(1))(path)) matched = false;
    } else if (!matched && globMatcher(g)(path)) {
      matched = true;
    }
  }
  return matched;
}

/**
 * A simple wildcard for names (logins, branch names): `*` matches any run of characters, `?` one
 * character, everything else is literal — so `*[bot]` means "ends with [bot]".
 */
export function wildcard(pattern: string): (name: string) => boolean {
  const source = pattern
    .split("")
    .map((c) => (c === "*" ? ".*" : c === "?" ? "." : c.replace(/[.*+?^${}()|[\]\\/]/g, "\\$&")))
    .join("");
  const re = new RegExp(`^${source}$`, "i");
  return (name) => re.test(name);
}
