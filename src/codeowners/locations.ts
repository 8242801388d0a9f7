/** Where GitHub looks for CODEOWNERS on a branch, in order; the first that exists is used. */
export const CODEOWNERS_LOCATIONS = [
  ".github/CODEOWNERS",
  "CODEOWNERS",
  "docs/CODEOWNERS",
] as const;

/** GitHub's size limit: a CODEOWNERS file larger than this is not loaded at all. */
export const MAX_CODEOWNERS_BYTES = 3 * 1024 * 1024;

/** The CODEOWNERS file GitHub would use, given which paths exist; null when none does. */
export function chooseCodeownersPath(exists: (path: string) => boolean): string | null {
  for (const path of CODEOWNERS_LOCATIONS) if (exists(path)) return path;
  return null;
}

/** UTF-8 byte length of a string, without allocating an encoded copy. */
export function utf8Length(text: string): number {
  let bytes = 0;
  for (let i = 0; i < text.length; i++) {
    const code = text.charCodeAt(i);
    if (code < 0x80) bytes += 1;
    else if (code < 0x800) bytes += 2;
    else if (code >= 0xd800 && code <= 0xdbff && i + 1 < text.length) {
      const next = text.charCodeAt(i + 1);
      if (next >= 0xdc00 && next <= 0xdfff) {
        bytes += 4;
        i++;
      } else bytes += 3;
    } else bytes += 3;
  }
  return bytes;
}
