import { afterAll, beforeAll, describe, expect, it } from "vitest";
import {
  commitsBetween,
  diffTree,
  GitError,
  listDirectories,
  parseRawNumstat,
  readBlobs,
  workTreeAndNames,
} from "../../src/local/git.js";
import { lines, TempRepo } from "./repo.js";

const Z = "0".repeat(40);
const A = "a".repeat(40);
const B = "b".repeat(40);

describe("parseRawNumstat", () => {
  it.each([
    {
      name: "modified, added, removed",
      raw: [
        `:100644 100644 ${A} ${B} M\0src/a.ts\0`,
        `:000000 100644 ${Z} ${B} A\0new.md\0`,
        `:100644 000000 ${A} ${Z} D\0old.md\0`,
      ].join(""),
      numstat: ["3\t1\tsrc/a.ts\0", "2\t0\tnew.md\0", "0\t7\told.md\0"].join(""),
      want: [
        { status: "M", path: "src/a.ts", additions: 3, deletions: 1, modeOnly: false },
        { status: "A", path: "new.md", additions: 2, deletions: 0, modeOnly: false },
        { status: "D", path: "old.md", additions: 0, deletions: 7, modeOnly: false },
      ],
    },
    {
      name: "a rename with changes keeps the old path",
      raw: `:100644 100644 ${A} ${B} R087\0a/old.ts\0b/new.ts\0`,
      numstat: `4\t2\t\0a/old.ts\0b/new.ts\0`,
      want: [
        {
          status: "R",
          path: "b/new.ts",
          previousPath: "a/old.ts",
          additions: 4,
          deletions: 2,
          modeOnly: false,
        },
      ],
    },
    {
      name: "binary files count 0/0",
      raw: `:100644 100644 ${A} ${B} M\0logo.png\0`,
      numstat: `-\t-\tlogo.png\0`,
      want: [{ status: "M", path: "logo.png", additions: 0, deletions: 0, modeOnly: false }],
    },
    {
      name: "a mode-only change",
      raw: `:100644 100755 ${A} ${A} M\0run.sh\0`,
      numstat: `0\t0\trun.sh\0`,
      want: [{ status: "M", path: "run.sh", additions: 0, deletions: 0, modeOnly: true }],
    },
    {
      name: "names with tabs, newlines and a leading colon",
      raw: `:100644 100644 ${A} ${B} M\0:odd\tname\nx\0`,
      numstat: `1\t1\t:odd\tname\nx\0`,
      want: [{ status: "M", path: ":odd\tname\nx", additions: 1, deletions: 1, modeOnly: false }],
    },
    { name: "no changes", raw: "", numstat: "", want: [] },
  ])("$name", ({ raw, numstat, want }) => {
    // git prints every raw record first, then every numstat record.
    expect(parseRawNumstat(raw + numstat)).toEqual(want);
  });
});

describe("git wrappers on a real repository", () => {
  const repo = new TempRepo();
  let base = "";
  let head = "";

  beforeAll(() => {
    base = repo.commit("base", {
      "keep.txt": lines(10),
      "move/me.txt": lines(20),
      "gone.txt": "bye\n",
      "img.bin": Buffer.from([0, 1, 2, 3, 0, 255]),
      "docs/adr/0001-a.md": "# 1. A\n",
      "docs/adr/sub/0002-b.md": "# 2. B\n",
      "with space.md": "spaced\n",
    });
    repo.git("checkout", "-q", "-b", "feature");
    head = repo.commit("change", {
      "keep.txt": `${lines(10)}more\n`,
      "gone.txt": null,
      "img.bin": Buffer.from([9, 0, 9]),
      "fresh.ts": "export {};\n",
      "move/me.txt": null,
      "moved/me.txt": lines(20),
    });
  });
  afterAll(() => repo.remove());

  it("lists statuses, renames and counts in one diff", async () => {
    const diff = await diffTree(repo.dir, base, head);
    expect(diff).toEqual([
      { status: "A", path: "fresh.ts", additions: 1, deletions: 0, modeOnly: false },
      { status: "D", path: "gone.txt", additions: 0, deletions: 1, modeOnly: false },
      { status: "M", path: "img.bin", additions: 0, deletions: 0, modeOnly: false },
      { status: "M", path: "keep.txt", additions: 1, deletions: 0, modeOnly: false },
      {
        status: "R",
        path: "moved/me.txt",
        previousPath: "move/me.txt",
        additions: 0,
        deletions: 0,
        modeOnly: false,
      },
    ]);
  });

  it("reads many blobs in one batch; missing paths and directories are null", async () => {
    const specs = [
      `${base}:keep.txt`,
      `${head}:keep.txt`,
      `${base}:nope.txt`,
      `${base}:docs/adr`,
      `${base}:with space.md`,
      `${base}:img.bin`,
      `${base}:bad\nname`,
    ];
    const blobs = await readBlobs(repo.dir, specs);
    expect(blobs.get(`${base}:keep.txt`)?.content).toBe(lines(10));
    expect(blobs.get(`${head}:keep.txt`)?.content).toBe(`${lines(10)}more\n`);
    expect(blobs.get(`${base}:keep.txt`)?.sha).toBe(
      repo.git("rev-parse", `${base}:keep.txt`).trim(),
    );
    expect(blobs.get(`${base}:nope.txt`)).toBeNull();
    expect(blobs.get(`${base}:docs/adr`)).toBeNull();
    expect(blobs.get(`${base}:with space.md`)?.content).toBe("spaced\n");
    expect(blobs.get(`${base}:img.bin`)?.content).toHaveLength(6);
    expect(blobs.get(`${base}:bad\nname`)).toBeNull();
  });

  it("lists a directory's direct entries at a commit", async () => {
    const entries = await listDirectories(repo.dir, base, ["docs/adr/"]);
    expect(entries.map((e) => [e.path, e.type])).toEqual([
      ["docs/adr/0001-a.md", "blob"],
      ["docs/adr/sub", "tree"],
    ]);
    expect(await listDirectories(repo.dir, base, ["no/such"])).toEqual([]);
  });

  it("lists commits oldest first with full messages", async () => {
    repo.commit("second\n\nwith a body\n\nCo-authored-by: Bot <b@x>");
    const commits = await commitsBetween(repo.dir, base, "HEAD");
    expect(commits.map((c) => c.subject)).toEqual(["change", "second"]);
    expect(commits[1]?.message).toBe("second\n\nwith a body\n\nCo-authored-by: Bot <b@x>");
    expect(commits[0]).toMatchObject({ authorName: "Jane Doe", authorEmail: "jane@example.com" });
  });

  it("names the work tree's top and the refs' full names in one call", async () => {
    const sub = `${repo.dir}/docs`;
    const { top, names } = await workTreeAndNames(sub, ["main", "feature", base, "-x"]);
    expect(top).toBe(repo.git("rev-parse", "--show-toplevel").trim());
    expect(names).toEqual(["refs/heads/main", "refs/heads/feature", "", ""]);
  });

  it("says when a directory is not a repository", async () => {
    const plain = new TempRepo({ init: false });
    try {
      const err = await workTreeAndNames(plain.dir, ["HEAD"]).catch((e: unknown) => e);
      expect(err).toBeInstanceOf(GitError);
      expect((err as GitError).notARepository).toBe(true);
    } finally {
      plain.remove();
    }
  });
});
