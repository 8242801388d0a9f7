import { describe, expect, it } from "vitest";
import { isDateLine, parseDate } from "../../src/decisions/dates.js";

describe("parseDate", () => {
  it.each<[string, string | null, RegExp | null]>([
    ["2020-01-02", "2020-01-02", null],
    ["2020/1/2", "2020-01-02", null],
    ["2020.01.02", "2020-01-02", null],
    ["20200102", "2020-01-02", null],
    ["2020-01-02T10:00:00Z", "2020-01-02", null],
    ["2020-01-02 (updated 2021)", "2020-01-02", null],
    ["[2022-10-05]", "2022-10-05", null],
    ["{ 2024-05-02 }", "2024-05-02", null],
    ["**2024-05-02**", "2024-05-02", null],
    ["January 5, 2021", "2021-01-05", null],
    ["Sept. 5th, 2021", "2021-09-05", null],
    ["Tuesday, March 2, 2021", "2021-03-02", null],
    ["5 January 2021", "2021-01-05", null],
    ["5th of Jan 2021", "2021-01-05", null],
    ["05.01.2021", "2021-01-05", null],
    ["25/12/2020", "2020-12-25", null],
    ["12/25/2020", "2020-12-25", null],
    ["01/01/2020", "2020-01-01", null],
    [
      "05/02/2018",
      "2018-02-05",
      /day\/month or month\/day; read as day\/month\/year \(2018-02-05\)/,
    ],
    ["2020-02-29", "2020-02-29", null],
    ["2021-02-29", null, /not a calendar date/],
    ["2020-09-31", null, /not a calendar date/],
    ["2024-29-08", null, /not a calendar date/],
    ["2024-023-2706", null, /not a calendar date/],
    ["Smarch 3, 2020", null, /not a calendar date/],
    ["yesterday", null, /not a calendar date/],
    ["", null, null],
  ])("%j → %s", (text, date, problem) => {
    const r = parseDate(text);
    expect(r.date).toBe(date);
    if (problem) expect(r.problem).toMatch(problem);
    else expect(r.problem).toBeNull();
  });
});

describe("isDateLine", () => {
  it.each([
    ["October 15, 2018", true],
    ["2018-10-15", true],
    ["*2018-10-15*", true],
    ["2018-10-15 was a Monday", false],
    ["We decided on 2018-10-15", false],
    ["Chosen option: A", false],
  ])("%j → %s", (line, expected) => {
    expect(isDateLine(line)).toBe(expected);
  });
});
