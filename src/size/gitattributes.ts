import { globMatcher } from "../util/glob.js";

interface AttrLine {
  readonly match: (path: string) => boolean;
  /** true: set, false: unset */
  readonly generated: boolean;
}

/**
 * Reads `linguist-generated` from a .gitattributes file. Later lines override earlier ones, as in
 * git. A pattern without a slash matches the file name at any depth; a leading slash anchors.
 */
export function parseLinguistGenerated(text: string): (path: string) => boolean {
  const lines: AttrLine[] = [];
  for (const raw of text.split(/\r?\n/)) {
    const line = raw.trim();
    if (!line || line.startsWith("#")) continue;
    const [pattern, ...attrs] = line.split(/\s+/);
    if (!pattern || pattern.startsWith("!")) continue;
    let generated: boolean | undefined;
    for (const attr of attrs) {
      if (attr === "linguist-generated" || attr === "linguist-generated=true") generated = true;
      else if (attr === "-linguist-generated" || attr === "linguist-generated=false")
        generated = false;
    }
    if (generated === undefined) continue;
    let glob = pattern.startsWith("/") ? pattern.slice(1) : pattern;
    if (glob.endsWith("/")) glob = `${glob}**`;
    lines.push({ match: globMatcher(glob), generated });
  }
  return (path) => {
    for (let i = lines.length - 1; i >= 0; i--) {
      const l = lines[i]!;
      if (l.match(path)) return l.generated;
    }
    return false;
  };
}
