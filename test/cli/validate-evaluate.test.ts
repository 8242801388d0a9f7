import { execFile } from "node:child_process";
import { mkdtempSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { promisify } from "node:util";
import { describe, expect, it } from "vitest";
import { memoryIo } from "../../src/cli/io.js";
import { main } from "../../src/cli/main.js";

const dir = mkdtempSync(join(tmpdir(), "guardrails-cli-"));
const file = (name: string, text: string) => {
  const path = join(dir, name);
  writeFileSync(path, text);
  return path;
};
const repoRoot = new URL("../../", import.meta.url).pathname;

async function run(args: string[]) {
  const m = memoryIo({ cwd: repoRoot });
  const code = await main(args, m.io);
  return { code, out: m.out, err: m.err };
}

describe("guardrails validate", () => {
  it("exits 0 for a valid config", async () => {
    const r = await run(["validate", file("ok.yml", "rules:\n  size: { max_files: 10 }\n")]);
    expect(r).toMatchObject({ code: 0 });
    expect(r.out).toContain("valid");
  });

  it("exits 1 with located errors", async () => {
    const path = file("bad.yml", "rules:\n  size:\n    max_files: ten\n    maxfiles: 1\n");
    const r = await run(["validate", path]);
    expect(r.code).toBe(1);
    expect(r.err).toContain(`${path}:3 rules.size.max_files: found "ten" (string)`);
    expect(r.err).toContain(`${path}:4 rules.size.maxfiles: found unknown key "maxfiles"`);
    expect(r.err).toContain("2 errors");
  });

  it("exits 2 on a missing file or missing argument", async () => {
    expect((await run(["validate", join(dir, "nope.yml")])).code).toBe(2);
    expect((await run(["validate"])).code).toBe(2);
  });
});

describe("guardrails evaluate", () => {
  const big = JSON.stringify({
    number: 3,
    files: [{ path: "src/a.ts", additions: 600, deletions: 0 }],
  });
  const small = JSON.stringify({ files: [{ path: "src/a.ts", additions: 4 }] });

  it("prints the verdict as JSON and exits 1 on failure", async () => {
    const r = await run(["evaluate", "--snapshot", file("big.json", big), "--json"]);
    expect(r.code).toBe(1);
    const verdict = JSON.parse(r.out);
    expect(verdict.conclusion).toBe("failure");
    const size = verdict.rules.find((x: { ruleId: string }) => x.ruleId === "size");
    expect(size.status).toBe("failed");
    expect(size.findings[0]).toMatchObject({
      severity: "error",
      message: "600 changed lines, limit 500.",
    });
  });

  it("exits 0 on success, as text with a verdict line", async () => {
    const r = await run(["evaluate", "--snapshot", file("small.json", small)]);
    expect(r.code).toBe(0);
    expect(r.out).toMatch(/\nPASS: .*\n$/);
    expect(r.out).not.toContain("\u001b[");
  });

  it("applies --config", async () => {
    const cfg = file("tight.yml", "rules:\n  size: { max_changed_lines: 3 }\n");
    const r = await run([
      "evaluate",
      "--snapshot",
      file("s2.json", small),
      "--config",
      cfg,
      "--json",
    ]);
    expect(r.code).toBe(1);
  });

  it("reports an invalid --config as a failing config verdict", async () => {
    const cfg = file("broken.yml", "rules: { size: { max_files: x } }\n");
    const r = await run(["evaluate", "--snapshot", file("s3.json", small), "--config", cfg]);
    expect(r.code).toBe(1);
    expect(r.out).toContain("Configuration error");
    expect(r.out).toContain("rules.size.max_files");
  });

  it("replays the documented example snapshot", async () => {
    const r = await run(["evaluate", "--snapshot", "docs/examples/snapshot.json", "--json"]);
    const verdict = JSON.parse(r.out);
    expect(verdict.rules.map((x: { ruleId: string }) => x.ruleId)).toContain("size");
    expect([0, 1]).toContain(r.code);
  });

  it.each([
    ["not JSON", "{", /cannot read the snapshot/],
    ["no files", "{}", /files/],
    ["a wrong type", '{"files":[{"path":"a","additions":"many"}]}', /files\.0\.additions/],
    ["an unknown field", '{"files":[],"filez":[]}', /filez/],
  ])("exits 2 on a snapshot with %s", async (_name, text, message) => {
    const r = await run(["evaluate", "--snapshot", file(`bad-${_name}.json`, text)]);
    expect(r.code).toBe(2);
    expect(r.err).toMatch(message);
  });

  it("exits 2 on usage errors", async () => {
    expect((await run(["evaluate"])).code).toBe(2);
    expect((await run(["evaluate", "--bogus"])).code).toBe(2);
    expect((await run(["nonsense"])).code).toBe(2);
  });
});

describe("the installed bin", () => {
  it("runs the compiled CLI (built by npm ci through the prepare script)", async () => {
    const bin = join(repoRoot, "bin/guardrails.js");
    const cfg = file("bin.yml", "rules: { size: { max_files: 1 } }\n");
    const { stdout } = await promisify(execFile)(process.execPath, [bin, "validate", cfg]);
    expect(stdout).toContain("valid");
  });
});
