/**
 * A small, linear-time markdown line scanner shared by the intent parsers. It knows just enough
 * markdown to tell prose from code: fenced code blocks (``` and ~~~) and HTML comments. Every
 * function here walks its input once; none uses a regular expression that can backtrack
 * beyond a bounded amount, so a megabyte of hostile text costs a megabyte of work.
 */

export interface MarkdownLine {
  /** 1-based line number in the input. */
  readonly number: number;
  /** `text`: prose (HTML comments removed); `fence`: a fence delimiter; `code`: inside a fence. */
  readonly kind: "text" | "fence" | "code";
  /** The line with HTML comments removed for `text`; the raw line for `fence` and `code`. */
  readonly text: string;
  /** For `text` lines: true when the whole line was inside an HTML comment. */
  readonly commented: boolean;
}

interface Fence {
  readonly char: "`" | "~";
  readonly length: number;
}

/** Splits on LF, CRLF or CR; drops a leading byte-order mark. */
export function splitLines(text: string): string[] {
  const clean = text.charCodeAt(0) === 0xfeff ? text.slice(1) : text;
  return clean.split(/\r\n|\r|\n/);
}

/** Number of leading spaces/tabs. */
function indentOf(line: string): number {
  let i = 0;
  while (i < line.length && (line[i] === " " || line[i] === "\t")) i++;
  return i;
}

/** Length of the run of `ch` starting at `from`. */
function runLength(line: string, from: number, ch: string): number {
  let i = from;
  while (i < line.length && line[i] === ch) i++;
  return i - from;
}

/** An opening fence: three or more backticks (info string without backticks) or tildes. */
function openingFence(line: string): Fence | null {
  const start = indentOf(line);
  const ch = line[start];
  if (ch !== "`" && ch !== "~") return null;
  const length = runLength(line, start, ch);
  if (length < 3) return null;
  if (ch === "`" && line.indexOf("`", start + length) >= 0) return null;
  return { char: ch, length };
}

/** A closing fence for `fence`: the same character, at least as long, nothing else but blanks. */
function closesFence(line: string, fence: Fence): boolean {
  const start = indentOf(line);
  const length = runLength(line, start, fence.char);
  if (length < fence.length) return false;
  return line.slice(start + length).trim() === "";
}

/**
 * Classifies every line as prose, fence delimiter or code, and removes HTML comments (which may
 * span lines) from prose. A fence that is never closed runs to the end, as in CommonMark.
 */
export function scanMarkdownLines(markdown: string): MarkdownLine[] {
  const out: MarkdownLine[] = [];
  let fence: Fence | null = null;
  let inComment = false;
  const lines = splitLines(typeof markdown === "string" ? markdown : "");
  for (let n = 0; n < lines.length; n++) {
    const line = lines[n]!;
    const number = n + 1;
    if (fence) {
      if (closesFence(line, fence)) {
        fence = null;
        out.push({ number, kind: "fence", text: line, commented: false });
      } else {
        out.push({ number, kind: "code", text: line, commented: false });
      }
      continue;
    }
    if (!inComment) {
      const opened = openingFence(line);
      if (opened) {
        fence = opened;
        out.push({ number, kind: "fence", text: line, commented: false });
        continue;
      }
    }
    const startedInComment = inComment;
    let text = "";
    let i = 0;
    let sawComment = inComment;
    while (i < line.length) {
      if (inComment) {
        const end = line.indexOf("-->", i);
        if (end < 0) {
          i = line.length;
          break;
        }
        inComment = false;
        i = end + 3;
      } else {
        const start = line.indexOf("<!--", i);
        if (start < 0) {
          text += line.slice(i);
          break;
        }
        text += line.slice(i, start);
        sawComment = true;
        i = start + 4;
        // `<!-->` and `<!--->` are complete (empty) comments.
        if (line[i] === ">") i += 1;
        else if (line.startsWith("->", i)) i += 2;
        else inComment = true;
      }
    }
    const commented = (startedInComment || sawComment) && text.trim() === "";
    out.push({ number, kind: "text", text, commented });
  }
  return out;
}

/**
 * Finds inline code spans in one line: a run of N backticks up to the next run of exactly N.
 * Returns [start, end) offsets of each whole span, delimiters included. Linear: each backtick
 * run is paired with the next run of the same length through a precomputed table.
 */
export function codeSpans(line: string): Array<{ start: number; end: number; content: string }> {
  const runs: Array<{ start: number; length: number }> = [];
  for (let i = 0; i < line.length; ) {
    if (line[i] === "`") {
      const length = runLength(line, i, "`");
      runs.push({ start: i, length });
      i += length;
    } else {
      i++;
    }
  }
  const nextSame: number[] = new Array(runs.length).fill(-1);
  const lastByLength = new Map<number, number>();
  for (let r = runs.length - 1; r >= 0; r--) {
    const len = runs[r]!.length;
    nextSame[r] = lastByLength.get(len) ?? -1;
    lastByLength.set(len, r);
  }
  const spans: Array<{ start: number; end: number; content: string }> = [];
  for (let r = 0; r < runs.length; ) {
    const close = nextSame[r]!;
    if (close < 0) {
      r++;
      continue;
    }
    const open = runs[r]!;
    const shut = runs[close]!;
    const content = line.slice(open.start + open.length, shut.start);
    spans.push({ start: open.start, end: shut.start + shut.length, content: content.trim() });
    r = close + 1;
  }
  return spans;
}

/** The line with every inline code span replaced by spaces (offsets preserved). */
export function blankCodeSpans(line: string): string {
  if (!line.includes("`")) return line;
  let out = "";
  let at = 0;
  for (const span of codeSpans(line)) {
    out += line.slice(at, span.start) + " ".repeat(span.end - span.start);
    at = span.end;
  }
  return out + line.slice(at);
}

/** Removes characters matching `drop` from both ends, without a backtracking regex. */
export function trimChars(text: string, drop: (ch: string) => boolean): string {
  let start = 0;
  let end = text.length;
  while (start < end && drop(text[start]!)) start++;
  while (end > start && drop(text[end - 1]!)) end--;
  return text.slice(start, end);
}

/** Strips a list bullet (`-`, `*`, `+`, `1.`, `1)`), a task box and blockquote markers. */
export function stripListMarker(line: string): { text: string; listItem: boolean } {
  let text = line.trimStart();
  while (text.startsWith(">")) text = text.slice(1).trimStart();
  let listItem = false;
  const bullet = /^(?:[-*+]|\d{1,9}[.)])(?:[ \t]+|$)/.exec(text);
  if (bullet) {
    text = text.slice(bullet[0].length);
    listItem = true;
    const box = /^\[[ xX]\](?:[ \t]+|$)/.exec(text);
    if (box) text = text.slice(box[0].length);
  }
  return { text: text.trim(), listItem };
}
