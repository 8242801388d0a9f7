import { checkLocal } from "../local/check.js";
import { UsageError } from "../local/snapshot.js";
import { parseFlags } from "./args.js";
import { printVerdict } from "./evaluate.js";
import type { CliIo, ExitCode } from "./io.js";

const USAGE =
  "usage: guardrails check [--base <ref>] [--head <ref>] [--body-file <file>] [--config <file>] [--json]";

/**
 * `guardrails check`: the verdict the app would give the PR from `--head` (default HEAD) into
 * `--base` (default the remote's default branch), judged by the base's config. Exit 0 success,
 * 1 failure, 2 usage error (message on stderr).
 */
export async function runCheck(args: string[], io: CliIo): Promise<ExitCode> {
  try {
    const { values, positionals } = parseFlags(args, {
      base: { type: "string" },
      head: { type: "string" },
      "body-file": { type: "string" },
      config: { type: "string" },
      json: { type: "boolean" },
    });
    if (positionals.length > 0) {
      throw new UsageError(`unexpected argument "${positionals[0]}"\n${USAGE}`);
    }
    const result = await checkLocal({
      cwd: io.cwd,
      ...(values.base !== undefined ? { base: values.base } : {}),
      ...(values.head !== undefined ? { head: values.head } : {}),
      ...(values["body-file"] !== undefined ? { bodyFile: values["body-file"] } : {}),
      ...(values.config !== undefined ? { configFile: values.config } : {}),
    });
    for (const w of result.warnings) io.stderr(`guardrails check: note: ${w}\n`);
    const { snapshot, verdict } = result;
    if (!values.json) {
      const count = snapshot.changedFilesCount;
      io.stdout(
        `${snapshot.head.ref} (${snapshot.head.sha.slice(0, 7)}) into ${snapshot.base.ref} (${snapshot.base.sha.slice(0, 7)}): ` +
          `${count} changed file${count === 1 ? "" : "s"}; config: ${result.configSource}\n\n`,
      );
    }
    printVerdict(verdict, Boolean(values.json), io);
    return verdict.conclusion === "success" ? 0 : 1;
  } catch (err) {
    if (!(err instanceof UsageError)) throw err;
    io.stderr(`guardrails check: ${err.message}\n`);
    return 2;
  }
}
