/** One row of the ownership table in the check summary. */
export interface AreaRow {
  /** Owners as written, or empty for unowned files. */
  readonly owners: readonly string[];
  readonly files: number;
  /** "approved by @a", "pending", "not required", ... */
  readonly approval: string;
}

const cell = (text: string) => text.replace(/\|/g, "\\|").replace(/\n/g, " ");

/** Markdown: a table of areas (owner set → files → approval), then notes as a list. */
export function renderOwnershipDetails(
  codeownersPath: string,
  rows: readonly AreaRow[],
  notes: readonly string[],
): string {
  const lines = [
    `Code owners from \`${codeownersPath}\` on the base branch.`,
    "",
    "| Owners | Files | Approval |",
    "| --- | ---: | --- |",
    ...rows.map(
      (r) =>
        `| ${r.owners.length ? cell(r.owners.join(" ")) : "_(unowned)_"} | ${r.files} | ${cell(r.approval)} |`,
    ),
  ];
  if (notes.length) lines.push("", ...notes.map((n) => `- ${n}`));
  return lines.join("\n");
}
