/**
 * Finds the decision records a pull request description refers to: `ADR-7`, `ADR 7`, `ADR-0007`,
 * paths such as `docs/adr/0007-foo.md` (bare, in inline code, or as markdown link targets) and
 * GitHub blob URLs of such files. Fenced code blocks and HTML comments (where PR templates keep
 * their hints) are ignored.
 */
import { scanMarkdownLines } from "../intent/markdown.js";
import { baseName } from "./file-name.js";

export interface DecisionReferences {
  /** Record numbers, in order of first mention. */
  readonly numbers: readonly number[];
  /** Repository-relative paths of markdown files that look like decision records. */
  readonly paths: readonly string[];
}

const ADR_NUMBER = /\bADR[-_ ]?#?0*(\d{1,6})(?![\w])/gi;
const BLOB_URL =
  /https?:\/\/[^\s/]+\/[^\s/]+\/[^\s/]+\/(?:blob|tree|raw)\/[^\s/]+\/([^\s)#?>\]"'`]+)/gi;
const URL = /https?:\/\/[^\s)>\]"'`]+/gi;
const LINK_TARGET = /\]\(\s*<?([^()\s<>]{1,500})>?(?:\s+"[^"\n]{0,200}")?\s*\)/g;
const BARE_PATH = /(?:^|[\s(`'"<[])((?:[\w.@-]+\/)*[\w.@-]+\.(?:md|markdown))(?![\w/])/gi;

const DECISION_DIR =
  /(?:^|\/)(?:adrs?|decisions?|decision-records?|architecture-decisions?|architecture-decision-records?|arch)(?:\/|$)/i;
const RECORD_NAME = /^(?:adr[-_]?)?\d{1,8}[-_]/i;

/** A repository-relative path: no `./`, leading `/` or `../`; URL escapes decoded. */
function normalise(target: string): string | null {
  let p = target.replace(/[#?].*$/, "");
  try {
    p = decodeURIComponent(p);
  } catch {
    // keep it as written
  }
  p = p.replace(/^(?:\.{1,2}\/|\/)+/, "");
  if (!/\.(?:md|markdown)$/i.test(p) || p.includes("://")) return null;
  return p;
}

/** Whether a markdown path looks like a decision record (by its directory or its file name). */
export function looksLikeRecordPath(path: string): boolean {
  const dir = path.includes("/") ? path.slice(0, path.lastIndexOf("/")) : "";
  return DECISION_DIR.test(dir) || RECORD_NAME.test(baseName(path));
}

/** The decision records a PR body mentions. */
export function referencesTo(text: string): DecisionReferences {
  const numbers: number[] = [];
  const paths: string[] = [];
  const addPath = (raw: string) => {
    const p = normalise(raw);
    if (p && looksLikeRecordPath(p) && !paths.includes(p)) paths.push(p);
  };
  for (const line of scanMarkdownLines(typeof text === "string" ? text : "")) {
    if (line.kind !== "text" || line.commented) continue;
    const t = line.text;
    for (const m of t.matchAll(BLOB_URL)) addPath(m[1]!);
    const noUrls = t.replace(URL, " ");
    for (const m of noUrls.matchAll(LINK_TARGET)) addPath(m[1]!);
    for (const m of noUrls.replace(LINK_TARGET, " ").matchAll(BARE_PATH)) addPath(m[1]!);
    for (const m of noUrls.matchAll(ADR_NUMBER)) {
      const n = Number(m[1]);
      if (!numbers.includes(n)) numbers.push(n);
    }
  }
  return { numbers, paths };
}
