import { readFileSync, statSync } from "node:fs";
import { join, relative, resolve } from "node:path";
import {
  CODEOWNERS_LOCATIONS,
  type CodeownersMatcher,
  chooseCodeownersPath,
  compileCodeowners,
} from "../codeowners/index.js";
import { parseFlags, UsageError } from "./args.js";
import type { CliIo, ExitCode } from "./io.js";

const USAGE =
  "usage: guardrails owners [--repo <dir> | --codeowners <file>] [--json] [--errors] [<path>...]\n";

/** One line of `guardrails owners --json`. */
export interface OwnersEntry {
  readonly path: string;
  readonly owners: readonly string[];
  readonly line: number | null;
}

const isFile = (path: string) => {
  try {
    return statSync(path).isFile();
  } catch {
    return false;
  }
};

/** Finds and reads the CODEOWNERS file: `--codeowners`, or GitHub's locations in `--repo`. */
function readCodeowners(
  io: CliIo,
  values: { repo?: string; codeowners?: string },
): { file: string; text: string } | string {
  if (values.repo !== undefined && values.codeowners !== undefined)
    throw new UsageError("give either --repo or --codeowners, not both");
  let file: string;
  if (values.codeowners !== undefined) file = resolve(io.cwd, values.codeowners);
  else {
    const dir = resolve(io.cwd, values.repo ?? ".");
    const found = chooseCodeownersPath((p) => isFile(join(dir, p)));
    if (!found)
      return `no CODEOWNERS file in ${dir} (looked for ${CODEOWNERS_LOCATIONS.join(", ")})`;
    file = join(dir, found);
  }
  try {
    return { file, text: readFileSync(file, "utf8") };
  } catch (err) {
    return `cannot read ${file}: ${(err as Error).message}`;
  }
}

function printProblems(io: CliIo, matcher: CodeownersMatcher, file: string, json: boolean) {
  if (json) {
    const problems = matcher.problems.map(({ line, message }) => ({ line, message }));
    io.stdout(`${JSON.stringify(problems, null, 2)}\n`);
  } else if (!matcher.problems.length) io.stdout(`${file}: no problems\n`);
  else
    for (const p of matcher.problems)
      io.stdout(`${file}:${p.line > 0 ? `${p.line}:` : ""} ${p.message}\n`);
}

/**
 * `guardrails owners [--repo <dir> | --codeowners <file>] [--json] [--errors] [<path>...]`:
 * prints the code owners of each path (paths from standard input, one per line, when none are
 * given), or with `--errors` the problems of the CODEOWNERS file. Exit 0, or 2 on usage errors
 * and a missing or unreadable file.
 */
export async function runOwners(args: string[], io: CliIo): Promise<ExitCode> {
  try {
    return await owners(args, io);
  } catch (err) {
    if (!(err instanceof UsageError)) throw err;
    io.stderr(`guardrails owners: ${err.message}\n${USAGE}`);
    return 2;
  }
}

async function owners(args: string[], io: CliIo): Promise<ExitCode> {
  const { values, positionals } = parseFlags(args, {
    repo: { type: "string" },
    codeowners: { type: "string" },
    json: { type: "boolean" },
    errors: { type: "boolean" },
  });
  const read = readCodeowners(io, values);
  if (typeof read === "string") {
    io.stderr(`guardrails owners: ${read}\n`);
    return 2;
  }
  const matcher = compileCodeowners(read.text);
  const shown = relative(io.cwd, read.file) || read.file;
  if (values.errors) {
    printProblems(io, matcher, shown, Boolean(values.json));
    return 0;
  }
  const paths = positionals.length
    ? positionals
    : (await io.readStdin())
        .split(/\r?\n/)
        .map((l) => l.trim())
        .filter(Boolean);
  if (!paths.length) {
    io.stderr(
      `guardrails owners: no paths: give them as arguments or one per line on stdin\n${USAGE}`,
    );
    return 2;
  }
  const entries: OwnersEntry[] = paths.map((path) => ({ path, ...matcher.match(path) }));
  if (values.json) io.stdout(`${JSON.stringify(entries, null, 2)}\n`);
  else
    io.stdout(
      entries
        .map((e) => `${e.path}  ${e.owners.length ? e.owners.join(" ") : "(unowned)"}\n`)
        .join(""),
    );
  if (matcher.problems.length)
    io.stderr(
      `guardrails owners: ${matcher.problems.length} problem${matcher.problems.length > 1 ? "s" : ""} in ${shown} (see --errors)\n`,
    );
  return 0;
}
