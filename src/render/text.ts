import type { RuleStatus, Verdict } from "../engine/types.js";
import { checkTitle } from "./check.js";

const CODES = { red: 31, green: 32, yellow: 33, dim: 2, bold: 1 } as const;
type Colour = keyof typeof CODES;

const MARK: Record<RuleStatus, [string, Colour]> = {
  passed: ["✔ passed ", "green"],
  failed: ["✖ failed ", "red"],
  warning: ["▲ warning", "yellow"],
  skipped: ["- skipped", "dim"],
};

/** Renders a verdict for a terminal: findings and fix hints per guardrail, then a verdict line. */
export function renderText(verdict: Verdict, options: { colour: boolean }): string {
  const c = (colour: Colour, s: string) =>
    options.colour ? `\u001b[${CODES[colour]}m${s}\u001b[0m` : s;
  const out: string[] = [];
  if (verdict.profile) out.push(c("dim", `profile: ${verdict.profile}`));
  for (const r of verdict.rules) {
    const [mark, colour] = MARK[r.status];
    out.push(`${c(colour, mark)}  ${c("bold", r.title)}: ${r.summary}`);
    for (const f of r.findings) {
      const sev = f.severity === "error" ? "red" : f.severity === "warning" ? "yellow" : "dim";
      const where = f.path ? ` (${f.path}${f.line ? `:${f.line}` : ""})` : "";
      out.push(`    ${c(sev, f.severity)} ${f.message}${where}`);
      if (f.fix) out.push(`      ${c("dim", `fix: ${f.fix}`)}`);
    }
  }
  const ok = verdict.conclusion === "success";
  out.push("", c(ok ? "green" : "red", `${ok ? "PASS" : "FAIL"}: ${checkTitle(verdict)}`));
  return `${out.join("\n")}\n`;
}

/** Colour only on a terminal, and never when NO_COLOR is set (https://no-color.org). */
export function useColour(io: {
  isTTY: boolean;
  env: Readonly<Record<string, string | undefined>>;
}) {
  return io.isTTY && !io.env.NO_COLOR;
}
