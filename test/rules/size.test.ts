import { describe, expect, it } from "vitest";
import { parseConfigText } from "../../src/config/load.js";
import { type SizeConfig, sizeRule } from "../../src/rules/size.js";
import { parseLinguistGenerated } from "../../src/size/gitattributes.js";
import { files, makeSnapshot } from "../helpers/snapshot.js";

function sizeConfig(yaml = ""): SizeConfig {
  const r = parseConfigText(yaml ? `rules:\n  size: ${yaml}\n` : "");
  if (!r.ok) throw new Error(JSON.stringify(r.errors));
  return r.config.rules.size;
}

const ctx = { now: new Date("2026-12-04T00:00:00Z") };

describe("size rule", () => {
  it.each([
    { name: "small PR passes", spec: ["src/a.ts:10:5"], status: "passed", label: "size/S" },
    { name: "tiny PR is XS", spec: ["src/a.ts:3:1"], status: "passed", label: "size/XS" },
    {
      name: "over the warning line threshold warns",
      spec: ["src/a.ts:250:60"],
      status: "warning",
      label: "size/L",
    },
    {
      name: "over the line limit fails",
      spec: ["src/a.ts:400:101"],
      status: "failed",
      label: "size/L",
    },
    { name: "huge PR is XL", spec: ["src/a.ts:1000:0"], status: "failed", label: "size/XL" },
    {
      name: "lockfiles and snapshots do not count",
      spec: ["package-lock.json:9000:100", "src/__snapshots__/a.snap:700:0", "src/a.ts:5:0"],
      status: "passed",
      label: "size/XS",
    },
    {
      name: "minified and vendored files do not count",
      spec: ["web/app.min.js:9000:0", "vendor/lib/x.go:800:0", "a.md:1:0"],
      status: "passed",
      label: "size/XS",
    },
  ])("$name", ({ spec, status, label }) => {
    const result = sizeRule.evaluate(makeSnapshot({ files: files(...spec) }), sizeConfig(), ctx);
    expect(result.status).toBe(status);
    expect(result.actions?.labels?.desired).toEqual([label]);
  });

  it("fails over the file limit and says by how much", () => {
    const many = Array.from({ length: 51 }, (_, i) => `src/f${i}.ts:1:0`);
    const result = sizeRule.evaluate(makeSnapshot({ files: files(...many) }), sizeConfig(), ctx);
    expect(result.status).toBe("failed");
    expect(result.findings.map((f) => f.message)).toContain("51 changed files, limit 50.");
    expect(result.findings[0]?.fix).toMatch(/Split/);
  });

  it("honours configured limits and null (no limit)", () => {
    const cfg = sizeConfig("{ max_changed_lines: 20, warn_changed_lines: null, max_files: null }");
    const over = sizeRule.evaluate(makeSnapshot({ files: files("a.ts:21:0") }), cfg, ctx);
    expect(over.findings).toEqual([
      expect.objectContaining({ severity: "error", message: "21 changed lines, limit 20." }),
    ]);
    const under = sizeRule.evaluate(makeSnapshot({ files: files("a.ts:20:0") }), cfg, ctx);
    expect(under.status).toBe("passed");
  });

  it("can turn the default ignores off and add its own", () => {
    const cfg = sizeConfig(
      "{ default_ignores: false, ignore: ['docs/**'], max_changed_lines: 100 }",
    );
    const result = sizeRule.evaluate(
      makeSnapshot({ files: files("yarn.lock:200:0", "docs/big.md:900:0") }),
      cfg,
      ctx,
    );
    expect(result.findings[0]?.message).toBe("200 changed lines, limit 100.");
  });

  it("ignores files marked linguist-generated in the base .gitattributes", () => {
    const snapshot = makeSnapshot({
      files: files("src/gen/api.ts:5000:0", "src/a.ts:3:0"),
      baseFiles: {
        gitattributes: { path: ".gitattributes", content: "src/gen/** linguist-generated=true\n" },
      },
    });
    expect(sizeRule.evaluate(snapshot, sizeConfig(), ctx).status).toBe("passed");
    expect(sizeRule.evaluate(snapshot, sizeConfig("{ ignore_generated: false }"), ctx).status).toBe(
      "failed",
    );
  });

  it("fails visibly when GitHub could not list every file", () => {
    const snapshot = makeSnapshot({
      files: files("a.ts:1:0"),
      filesTruncated: true,
      changedFilesCount: 3500,
    });
    const result = sizeRule.evaluate(snapshot, sizeConfig("{ max_files: null }"), ctx);
    expect(result.status).toBe("failed");
    expect(result.findings[0]?.message).toContain("3500 changed files");
  });

  it("measures a 3,000-file PR", () => {
    const many = Array.from({ length: 3000 }, (_, i) => `src/m${i % 40}/f${i}.ts:1:1`);
    const result = sizeRule.evaluate(makeSnapshot({ files: files(...many) }), sizeConfig(), ctx);
    expect(result.summary).toContain("6000 changed lines in 3000 files");
  });

  it("manages only its own labels, with a configurable prefix", () => {
    const result = sizeRule.evaluate(
      makeSnapshot({ files: files("a.ts:1:0") }),
      sizeConfig("{ labels: { prefix: 'sz:' } }"),
      ctx,
    );
    expect(result.actions?.labels).toEqual({
      desired: ["sz:XS"],
      managed: ["sz:XS", "sz:S", "sz:M", "sz:L", "sz:XL"],
    });
    const off = sizeRule.evaluate(
      makeSnapshot(),
      sizeConfig("{ labels: { enabled: false } }"),
      ctx,
    );
    expect(off.actions).toBeUndefined();
  });

  it("is skipped, with a reason, when disabled", () => {
    const result = sizeRule.evaluate(makeSnapshot(), sizeConfig("{ enabled: false }"), ctx);
    expect(result).toMatchObject({ status: "skipped", summary: "disabled in config" });
  });
});

describe("parseLinguistGenerated", () => {
  it.each([
    ["*.pb.go linguist-generated", "api/x.pb.go", true],
    ["*.pb.go linguist-generated", "api/x.go", false],
    ["/dist/** linguist-generated=true", "dist/a.js", true],
    ["/dist/** linguist-generated=true", "src/dist/a.js", false],
    ["gen/ linguist-generated", "gen/a/b.ts", true],
    ["*.ts linguist-generated\nkeep.ts -linguist-generated", "keep.ts", false],
    ["*.ts linguist-generated\nkeep.ts linguist-generated=false", "src/keep.ts", false],
    ["# comment\n*.ts text eol=lf", "a.ts", false],
  ])("%j: %s → %s", (text, path, expected) => {
    expect(parseLinguistGenerated(text)(path)).toBe(expected);
  });
});
