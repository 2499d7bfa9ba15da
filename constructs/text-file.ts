/**
 * Reading the text files people hand to werkplek (tenant files, plan JSON) without silent
 * corruption, and making output folders without hanging. Node's `readFileSync(file, "utf8")`
 * turns every byte that is not UTF-8 into U+FFFD without a word, so "Financiën" saved as
 * Windows-1252 would become "Financi\uFFFDn" in a group name and a membership rule.
 */
import * as fs from "fs";
import * as path from "path";

/** Why a file's bytes are not the text they should be: an input error naming where. */
export interface EncodingProblem {
  readonly line?: number;
  readonly col?: number;
  readonly message: string;
  /** The path could not be read at all (missing, a folder, a broken link), as opposed to bytes that are not text. */
  readonly unreadable?: boolean;
}

export type Decoded = { readonly text: string } | { readonly problem: EncodingProblem };

const UTF8_BOM = [0xef, 0xbb, 0xbf];

/**
 * The text of a file's bytes. UTF-8 (a byte order mark is dropped) is read; anything else is a
 * problem that says which encoding it looks like and how to save it instead. With `utf16`, a
 * UTF-16 file with a byte order mark (what Windows PowerShell's `>` writes) is decoded too.
 */
export function decodeText(bytes: Buffer, opts: { readonly utf16?: boolean } = {}): Decoded {
  if (bytes.length >= 2 && ((bytes[0] === 0xff && bytes[1] === 0xfe) || (bytes[0] === 0xfe && bytes[1] === 0xff))) {
    const le = bytes[0] === 0xff;
    if (opts.utf16) return { text: new TextDecoder(le ? "utf-16le" : "utf-16be").decode(bytes.subarray(2)) };
    return {
      problem: {
        message: `the file is UTF-16 (${le ? "little" : "big"}-endian, with a byte order mark); save it as UTF-8 (in Notepad or VS Code: "Save with encoding" → UTF-8)`,
      },
    };
  }
  const start = UTF8_BOM.every((b, i) => bytes[i] === b) ? 3 : 0;
  const body = bytes.subarray(start);
  const nul = body.indexOf(0);
  if (nul !== -1) {
    const { line, col } = position(body, nul);
    const utf16 = nul > 0 && body[nul - 1] !== 0 && body[nul + 1] !== 0 ? "UTF-16 without a byte order mark" : "binary data";
    return {
      problem: {
        line,
        col,
        message: `a NUL byte: this is ${utf16}, not UTF-8 text; save the file as UTF-8${
          opts.utf16 ? " (terraform show -json writes UTF-8; in PowerShell use `| Out-File -Encoding utf8`)" : ""
        }`,
      },
    };
  }
  try {
    return { text: new TextDecoder("utf-8", { fatal: true }).decode(body) };
  } catch {
    const at = firstInvalidUtf8(body);
    const { line, col } = position(body, at);
    const byte = body[at].toString(16).toUpperCase().padStart(2, "0");
    return {
      problem: {
        line,
        col,
        message: `not UTF-8: byte 0x${byte} here (the file looks saved as Latin-1/Windows-1252, where "ë" is one byte); save it as UTF-8 and check the accented letters`,
      },
    };
  }
}

/** Reads a file as text; a missing file, a folder or a broken link is a problem, not an exception. */
export function readTextFile(file: string, opts: { readonly utf16?: boolean } = {}): Decoded {
  let bytes: Buffer;
  try {
    bytes = fs.readFileSync(file);
  } catch (e) {
    return { problem: { message: unreadable(file, e as NodeJS.ErrnoException), unreadable: true } };
  }
  return decodeText(bytes, opts);
}

/** Why a path cannot be read as a file, in words. */
export function unreadable(file: string, e: NodeJS.ErrnoException): string {
  if (e.code === "EISDIR") return "is a folder, not a file";
  if (e.code === "ENOENT") {
    let target: string | undefined;
    try {
      target = fs.readlinkSync(file);
    } catch {
      // not a link: the file does not exist
    }
    return target === undefined ? "no such file" : `a broken symbolic link (it points to ${target}, which does not exist)`;
  }
  if (e.code === "EACCES" || e.code === "EPERM") return "cannot be read (permission denied)";
  if (e.code === "ELOOP") return "a symbolic link that points to itself (a loop)";
  return `cannot be read (${e.code ?? e.message})`;
}

function position(bytes: Buffer, offset: number): { line: number; col: number } {
  let line = 1;
  let lineStart = 0;
  for (let i = 0; i < offset; i++) {
    if (bytes[i] === 0x0a) {
      line++;
      lineStart = i + 1;
    }
  }
  // the column in characters: the valid UTF-8 before the bad byte on this line
  const col = new TextDecoder("utf-8").decode(bytes.subarray(lineStart, offset)).length + 1;
  return { line, col };
}

/** Offset of the first byte that does not start or continue a valid UTF-8 sequence. */
function firstInvalidUtf8(b: Buffer): number {
  let i = 0;
  while (i < b.length) {
    const c = b[i];
    const n = c < 0x80 ? 0 : c >= 0xc2 && c <= 0xdf ? 1 : c >= 0xe0 && c <= 0xef ? 2 : c >= 0xf0 && c <= 0xf4 ? 3 : -1;
    if (n < 0) return i;
    for (let k = 1; k <= n; k++) if (i + k >= b.length || (b[i + k] & 0xc0) !== 0x80) return i;
    // overlong forms, UTF-16 surrogates and code points above U+10FFFF
    const second = b[i + 1];
    if ((c === 0xe0 && second < 0xa0) || (c === 0xed && second > 0x9f) || (c === 0xf0 && second < 0x90) || (c === 0xf4 && second > 0x8f)) return i;
    i += n + 1;
  }
  return b.length - 1;
}

/**
 * Creates a folder and its missing parents. Node's `mkdirSync(dir, { recursive: true })` loops
 * forever on a path under /proc (it keeps retrying the parent that already exists), so the
 * parents are created one by one here; the first that cannot be created throws.
 */
export function makeFolder(dir: string): void {
  const missing: string[] = [];
  let p = path.resolve(dir);
  while (!fs.existsSync(p)) {
    missing.unshift(p);
    const parent = path.dirname(p);
    if (parent === p) break;
    p = parent;
  }
  if (missing.length === 0 && !fs.statSync(p).isDirectory()) {
    throw Object.assign(new Error(`${dir} is a file, not a folder`), { code: "ENOTDIR" });
  }
  for (const m of missing) fs.mkdirSync(m);
}
