import { describe, expect, it } from "vitest";
import { fileNameInfo, isRecordFile } from "../../src/decisions/file-name.js";

describe("fileNameInfo", () => {
  it.each<[string, number | null, string | null]>([
    ["0007-foo.md", 7, null],
    ["docs/adr/0007-foo.md", 7, null],
    ["adr-017-x.md", 17, null],
    ["ADR-10-x.md", 10, null],
    ["adr-08.md", 8, null],
    ["adr_0003.md", 3, null],
    ["003-notification-publishing.md", 3, null],
    ["0000-use-markdown.md", 0, null],
    ["2022-03-28_017-udp.md", 17, "2022-03-28"],
    ["20200926-foo.md", null, "2020-09-26"],
    ["2020_09_01_x.md", null, "2020-09-01"],
    ["2020-09-01-x.md", null, "2020-09-01"],
    ["20201399-x.md", null, null],
    ["use-postgres.md", null, null],
    ["1.0-release.md", 1, null],
  ])("%s → %s, %s", (path, number, date) => {
    expect(fileNameInfo(path)).toEqual({ number, date });
  });
});

describe("isRecordFile", () => {
  it.each([
    ["docs/adr/0001-x.md", true],
    ["docs/adr/use-x.markdown", true],
    ["docs/adr/README.md", false],
    ["docs/adr/readme.md", false],
    ["docs/adr/index.md", false],
    ["docs/adr/template.md", false],
    ["docs/adr/adr-template.md", false],
    ["docs/adr/_sidebar.md", false],
    ["docs/adr/0001-x.png", false],
    ["docs/adr/0001-x.txt", false],
  ])("%s → %s", (path, expected) => {
    expect(isRecordFile(path)).toBe(expected);
  });
});
