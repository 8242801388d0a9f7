/** What a CLI command may touch; tests pass fakes, bin/guardrails.js passes the process. */
export interface CliIo {
  readonly cwd: string;
  readonly env: Readonly<Record<string, string | undefined>>;
  readonly isTTY: boolean;
  stdout(text: string): void;
  stderr(text: string): void;
  /** Reads all of standard input (empty string when there is none). */
  readStdin(): Promise<string>;
}

/** Exit codes: 0 success, 1 the verdict or validation failed, 2 usage error. */
export type ExitCode = 0 | 1 | 2;

export function processIo(): CliIo {
  return {
    cwd: process.cwd(),
    env: process.env,
    isTTY: Boolean(process.stdout.isTTY),
    stdout: (text) => process.stdout.write(text),
    stderr: (text) => process.stderr.write(text),
    readStdin: async () => {
      if (process.stdin.isTTY) return "";
      const chunks: Buffer[] = [];
      for await (const chunk of process.stdin) chunks.push(chunk as Buffer);
      return Buffer.concat(chunks).toString("utf8");
    },
  };
}

/** A CliIo that records output, for tests. */
export function memoryIo(
  options: { cwd?: string; stdin?: string; env?: Record<string, string> } = {},
) {
  let out = "";
  let err = "";
  const io: CliIo = {
    cwd: options.cwd ?? process.cwd(),
    env: options.env ?? {},
    isTTY: false,
    stdout: (text) => {
      out += text;
    },
    stderr: (text) => {
      err += text;
    },
    readStdin: async () => options.stdin ?? "",
  };
  return {
    io,
    get out() {
      return out;
    },
    get err() {
      return err;
    },
  };
}
