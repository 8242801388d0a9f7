import { writeFileSync } from "node:fs";
import { join } from "node:path";
import { afterAll, describe, expect, it } from "vitest";
import { runCheck } from "../../src/cli/check.js";
import { type CliIo, memoryIo } from "../../src/cli/io.js";
import { main } from "../../src/cli/main.js";
import { parseConfigText } from "../../src/config/load.js";
import { loadLocalSnapshot } from "../../src/local/snapshot.js";
import { lines, TempRepo } from "../local/repo.js";

const CONFIG = ".github/guardrails.yml";
const ESC = "\u001b[";

const repos: TempRepo[] = [];
afterAll(() => {
  for (const r of repos) r.remove();
});

/** A repository whose main has `baseFiles` and whose `feature` branch adds `headFiles`. */
function branchRepo(
  baseFiles: Record<string, string>,
  headFiles: Record<string, string | null>,
): TempRepo {
  const repo = new TempRepo();
  repos.push(repo);
  repo.commit("Base", { "README.md": "hello\n", ...baseFiles });
  repo.git("checkout", "-q", "-b", "feature");
  repo.commit("Change things", headFiles);
  return repo;
}

async function check(args: string[], cwd: string, env: Record<string, string> = {}, isTTY = false) {
  const m = memoryIo({ cwd, env });
  const io: CliIo = { ...m.io, isTTY };
  const code = await runCheck(args, io);
  return { code, out: m.out, err: m.err };
}

/**
 * A config with the given size settings and every other guardrail turned off, whichever exist:
 * the verdict then depends on the size rule alone.
 */
function onlySize(size: string): string {
  const defaults = parseConfigText("");
  if (!defaults.ok) throw new Error("the default config does not validate");
  const others = Object.keys(defaults.config.rules).filter((id) => id !== "size");
  return `rules:\n  size: ${size}\n${others.map((id) => `  ${id}: { enabled: false }\n`).join("")}`;
}
const TIGHT = onlySize("{ max_files: 2, warn_files: null }");
const LOOSE = onlySize("{ max_files: 100, warn_files: null }");

const threeFiles = { "a.txt": "a\n", "b.txt": "b\n", "c.txt": "c\n" };

describe("guardrails check", () => {
  it("judges the PR by the base's config even when the head loosens it", async () => {
    const repo = branchRepo({ [CONFIG]: TIGHT }, { ...threeFiles, [CONFIG]: LOOSE });
    const r = await check([], repo.dir);
    expect(r.code).toBe(1);
    expect(r.err).toBe("");
    expect(r.out).toMatch(
      /^feature \([0-9a-f]{7}\) into main \([0-9a-f]{7}\): 4 changed files; config: main:\.github\/guardrails\.yml\n/,
    );
    expect(r.out).toMatch(/✖ failed\s+Size: /);
    // The new config is previewed (valid), never applied.
    expect(r.out).toContain("the new .github/guardrails.yml is valid; it applies once merged");
    expect(r.out.trimEnd().split("\n").at(-1)).toMatch(/^FAIL: /);
  });

  it("--config tries a local config instead of the base's", async () => {
    const repo = branchRepo({ [CONFIG]: TIGHT }, threeFiles);
    const loose = join(repo.dir, "loose.yml");
    writeFileSync(loose, LOOSE);
    const r = await check(["--config", loose], repo.dir);
    expect(r.code).toBe(0);
    expect(r.out).toContain(`config: ${loose}`);
    expect(r.out).toMatch(/✔ passed\s+Size: /);
    expect(r.out.trimEnd().split("\n").at(-1)).toMatch(/^PASS: /);
  });

  it("uses the built-in defaults when the base has no config", async () => {
    const repo = branchRepo({}, { "src/a.ts": lines(10) });
    const r = await check([], repo.dir);
    expect(r.out).toContain(`config: built-in defaults (no ${CONFIG} on main)`);
    // Size with its defaults passes; other guardrails follow their own defaults.
    expect(r.out).toMatch(/✔ passed\s+Size: 10 changed lines in 1 file/);
    expect(r.code).toBe(r.out.includes("\nPASS: ") ? 0 : 1);
  });

  it("an invalid config on the base is a failing Configuration verdict, not a crash", async () => {
    const repo = branchRepo(
      { [CONFIG]: "rules:\n  size:\n    max_files: ten\n" },
      { "a.txt": "a\n" },
    );
    const r = await check(["--json"], repo.dir);
    expect(r.code).toBe(1);
    const verdict = JSON.parse(r.out);
    expect(verdict).toMatchObject({
      conclusion: "failure",
      counts: { errors: 1, warnings: 0, notices: 0 },
      rules: [{ ruleId: "config", title: "Configuration", status: "failed" }],
    });
    expect(verdict.rules[0].findings[0].message).toBe(
      `main:${CONFIG}:3 rules.size.max_files: found "ten" (string); allowed: a value of type number`,
    );
    const text = await check([], repo.dir);
    expect(text.code).toBe(1);
    expect(text.out).toContain("Configuration: invalid config in main:.github/guardrails.yml");
  });

  it("prints the verdict as JSON, the same as `guardrails evaluate --json` on its snapshot", async () => {
    const config = "rules:\n  size:\n    max_changed_lines: 5\n";
    const repo = branchRepo({ [CONFIG]: config }, { "src/a.ts": lines(8) });
    const r = await check(["--json"], repo.dir);
    expect(r.code).toBe(1);
    const verdict = JSON.parse(r.out);
    expect(Object.keys(verdict)).toEqual(["conclusion", "profile", "counts", "rules"]);
    expect(verdict.conclusion).toBe("failure");
    const size = verdict.rules.find((x: { ruleId: string }) => x.ruleId === "size");
    expect(size.findings[0]).toMatchObject({ ruleId: "size", severity: "error" });
    expect(size.findings[0].message).toContain("8");

    const { snapshot } = await loadLocalSnapshot({ cwd: repo.dir });
    const snapFile = join(repo.dir, "snapshot.json");
    const configFile = `${snapFile}.yml`;
    writeFileSync(snapFile, JSON.stringify(snapshot));
    writeFileSync(configFile, config);
    const m = memoryIo({ cwd: repo.dir });
    const code = await main(
      ["evaluate", "--snapshot", snapFile, "--config", configFile, "--json"],
      m.io,
    );
    expect(code).toBe(1);
    expect(JSON.parse(m.out)).toEqual(verdict);
  });

  it("reads the body from --body-file", async () => {
    const repo = branchRepo({ [CONFIG]: LOOSE }, { "a.txt": "a\n" });
    const body = join(repo.dir, "pr.md");
    writeFileSync(body, "Intent: docs/none.md\n");
    const r = await check(["--body-file", body, "--json"], repo.dir);
    expect(r.code).toBe(0);
    expect(JSON.parse(r.out).conclusion).toBe("success");
    const missing = await check(["--body-file", join(repo.dir, "nope.md")], repo.dir);
    expect(missing.code).toBe(2);
    expect(missing.err).toMatch(/^guardrails check: cannot read the body file .*nope\.md: ENOENT/);
  });

  it.each([
    [
      ["--base", "nope"],
      'guardrails check: unknown ref "nope" (--base): no such branch, tag or commit\n',
    ],
    [
      ["--head", "v9.9.9"],
      'guardrails check: unknown ref "v9.9.9" (--head): no such branch, tag or commit\n',
    ],
    [
      ["--base=--output=x"],
      'guardrails check: unknown ref "--output=x" (--base): no such branch, tag or commit\n',
    ],
    [["extra"], 'guardrails check: unexpected argument "extra"\n'],
  ])("exits 2 on %j", async (args, message) => {
    const repo = branchRepo({}, { "a.txt": "a\n" });
    const r = await check(args, repo.dir);
    expect(r.code).toBe(2);
    expect(r.out).toBe("");
    expect(r.err.startsWith(message)).toBe(true);
  });

  it("exits 2 on an unknown flag", async () => {
    const repo = branchRepo({}, { "a.txt": "a\n" });
    const r = await check(["--colour"], repo.dir);
    expect(r.code).toBe(2);
    expect(r.err).toContain("--colour");
  });

  it("exits 2 outside a repository", async () => {
    const plain = new TempRepo({ init: false });
    repos.push(plain);
    const r = await check([], plain.dir);
    expect(r).toEqual({
      code: 2,
      out: "",
      err: `guardrails check: ${plain.dir} is not inside a git repository\n`,
    });
  });

  it("is reachable through the dispatcher", async () => {
    const repo = branchRepo({ [CONFIG]: LOOSE }, { "a.txt": "a\n" });
    const m = memoryIo({ cwd: repo.dir });
    expect(await main(["check", "--json"], m.io)).toBe(0);
    expect(JSON.parse(m.out).conclusion).toBe("success");
  });

  it.each<{ name: string; isTTY: boolean; env: Record<string, string>; colour: boolean }>([
    { name: "on a terminal", isTTY: true, env: {}, colour: true },
    { name: "with NO_COLOR on a terminal", isTTY: true, env: { NO_COLOR: "1" }, colour: false },
    { name: "when not a terminal", isTTY: false, env: {}, colour: false },
  ])("colours the output only $name", async ({ isTTY, env, colour }) => {
    const repo = branchRepo({ [CONFIG]: LOOSE }, { "a.txt": "a\n" });
    const r = await check([], repo.dir, env, isTTY);
    expect(r.code).toBe(0);
    expect(r.out.includes(ESC)).toBe(colour);
  });

  it("notes that _extends is not followed locally", async () => {
    const repo = branchRepo({ [CONFIG]: `_extends: .github\n${LOOSE}` }, { "a.txt": "a\n" });
    const r = await check([], repo.dir);
    expect(r.code).toBe(0);
    expect(r.err).toBe(
      `guardrails check: note: main:${CONFIG} extends .github; a local check does not read it, so only this file's settings apply\n`,
    );
  });
});
