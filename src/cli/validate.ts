import { readFile } from "node:fs/promises";
import { formatConfigError, parseConfigText } from "../config/load.js";
import { parseFlags } from "./args.js";
import type { CliIo, ExitCode } from "./io.js";

/** `guardrails validate <config-file>`: exit 0 when valid, 1 with the located errors. */
export async function runValidate(args: string[], io: CliIo): Promise<ExitCode> {
  const { positionals } = parseFlags(args, {});
  const file = positionals[0];
  if (!file || positionals.length > 1) {
    io.stderr("usage: guardrails validate <config-file>\n");
    return 2;
  }
  let text: string;
  try {
    text = await readFile(new URL(file, `file://${io.cwd}/`), "utf8");
  } catch (err) {
    io.stderr(`guardrails: cannot read ${file}: ${(err as Error).message}\n`);
    return 2;
  }
  const result = parseConfigText(text, file);
  if (result.ok) {
    io.stdout(`${file}: valid\n`);
    return 0;
  }
  for (const e of result.errors) io.stderr(`${formatConfigError(e)}\n`);
  io.stderr(`${file}: ${result.errors.length} error${result.errors.length === 1 ? "" : "s"}\n`);
  return 1;
}
