import { parseArgs } from "node:util";

export class UsageError extends Error {}

/** Parses flags with node's parseArgs; unknown flags are usage errors with a clear message. */
export function parseFlags<T extends Record<string, { type: "string" | "boolean" }>>(
  args: string[],
  options: T,
) {
  try {
    return parseArgs({ args, options, allowPositionals: true, strict: true });
  } catch (err) {
    throw new UsageError(err instanceof Error ? err.message : String(err));
  }
}
