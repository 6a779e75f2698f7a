/**
 * Turns command-line arguments into rules files and reads them, with one
 * clear error per problem (missing path, empty glob, unreadable file, a
 * directory without rules files, binary data, invalid UTF-8, too large).
 */
import { readFileSync } from 'node:fs';
import { stat } from 'node:fs/promises';
import path from 'node:path';
import { CliError } from './errors.js';
import { loadGlob } from './glob.js';

/** Names that count as rules files when a directory is given. */
export const RULES_FILE_PATTERNS = ['**/rules.v4', '**/rules.v6', '**/*.rules', '**/iptables*.rules', '**/ip6tables*.rules', '**/iptables-save*', '**/ip6tables-save*', '**/*.v4', '**/*.v6'];

const IGNORED_DIRS = ['**/node_modules/**', '**/.git/**'];

/**
 * The largest file iptlint reads: V8 strings hold at most about 512 Mi
 * characters, and a ruleset of this size (millions of rules) is already far
 * beyond what iptables-restore is used with.
 */
export const MAX_FILE_BYTES = 256 * 1024 * 1024;

export interface InputFile {
  /** As shown in reports: relative to the working directory, or the --stdin-filename. */
  path: string;
  text: string;
}

export interface InputProblem {
  path: string;
  message: string;
}

/** Expands file, directory and glob arguments into paths (deduplicated, in argument order). */
export async function expandPaths(args: string[], cwd: string): Promise<{ paths: string[]; problems: InputProblem[] }> {
  const paths: string[] = [];
  const problems: InputProblem[] = [];
  const seen = new Set<string>();
  const add = (p: string) => {
    if (!seen.has(p)) {
      seen.add(p);
      paths.push(p);
    }
  };
  for (const arg of args) {
    if (arg === '-') {
      add('-');
      continue;
    }
    const absolute = path.resolve(cwd, arg);
    let info;
    try {
      info = await stat(absolute);
    } catch (error) {
      const { glob, hasMagic } = await loadGlob();
      if (hasMagic(arg, { windowsPathsNoEscape: false })) {
        const found = (await glob(arg, { cwd, nodir: true, ignore: IGNORED_DIRS, dot: false })).sort();
        if (found.length === 0) problems.push({ path: arg, message: 'no files match this pattern' });
        for (const f of found) add(f);
        continue;
      }
      problems.push({ path: arg, message: describeFsError(error) });
      continue;
    }
    if (info.isDirectory()) {
      const { glob } = await loadGlob();
      const found = (await glob(RULES_FILE_PATTERNS, { cwd: absolute, nodir: true, ignore: IGNORED_DIRS })).sort();
      if (found.length === 0) {
        problems.push({ path: arg, message: 'directory has no rules files (rules.v4, rules.v6, *.rules, iptables*.rules, *.v4, *.v6)' });
      }
      for (const f of found) add(path.join(arg, f));
      continue;
    }
    add(arg);
  }
  return { paths, problems };
}

export function describeFsError(error: unknown): string {
  const code = (error as NodeJS.ErrnoException)?.code;
  switch (code) {
    case 'ENOENT': return 'no such file or directory';
    case 'EACCES':
    case 'EPERM': return 'permission denied';
    case 'EISDIR': return 'is a directory';
    case 'ENOTDIR': return 'a part of the path is not a directory';
    case 'ELOOP': return 'too many symbolic links';
    case 'EMFILE': return 'too many open files';
    default: return (error as Error)?.message ?? String(error);
  }
}

// ignoreBOM keeps a byte-order mark in the text: the linter reports it (iptables-restore fails on it).
const utf8 = new TextDecoder('utf-8', { fatal: true, ignoreBOM: true });

/** Decodes file content, refusing what is not a text rules file. */
export function decodeRulesText(bytes: Uint8Array, displayPath: string): string {
  const probe = bytes.subarray(0, 8192);
  if (probe.includes(0)) throw new CliError(`${displayPath}: binary data (NUL bytes), not an iptables rules file`);
  try {
    return utf8.decode(bytes);
  } catch {
    const offset = firstInvalidUtf8(bytes);
    throw new CliError(`${displayPath}: not valid UTF-8 (first bad byte at offset ${offset})`);
  }
}

function firstInvalidUtf8(bytes: Uint8Array): number {
  let lo = 0;
  let hi = bytes.length;
  // Binary search for the shortest prefix that fails to decode.
  while (lo < hi) {
    const mid = (lo + hi) >>> 1;
    try {
      new TextDecoder('utf-8', { fatal: true }).decode(bytes.subarray(0, mid + 1), { stream: true });
      lo = mid + 1;
    } catch {
      hi = mid;
    }
  }
  // The decoder notices a truncated sequence only at the byte after it: report where that sequence starts.
  let k = lo - 1;
  while (k >= 0 && lo - k <= 3 && (bytes[k] & 0xc0) === 0x80) k--;
  if (k >= 0 && bytes[k] >= 0xc0) {
    const needed = bytes[k] >= 0xf0 ? 3 : bytes[k] >= 0xe0 ? 2 : 1;
    if (lo - k - 1 < needed) return k;
  }
  return lo;
}

export async function readRulesFile(displayPath: string, cwd: string): Promise<InputFile> {
  const absolute = path.resolve(cwd, displayPath);
  let info;
  try {
    info = await stat(absolute);
  } catch (error) {
    throw new CliError(`${displayPath}: ${describeFsError(error)}`);
  }
  if (info.isDirectory()) throw new CliError(`${displayPath}: is a directory`);
  if (info.size > MAX_FILE_BYTES) {
    throw new CliError(`${displayPath}: file too large (${(info.size / 1048576).toFixed(0)} MiB; iptlint reads at most ${MAX_FILE_BYTES / 1048576} MiB)`);
  }
  let bytes: Buffer;
  try {
    // One read on this thread: the promise API reads a large file in 512 KiB turns through the thread pool, with this
    // thread idle in between (20 ms of a 17 MB file), and the CLI has nothing else to do meanwhile.
    bytes = readFileSync(absolute);
  } catch (error) {
    throw new CliError(`${displayPath}: ${describeFsError(error)}`);
  }
  return { path: displayPath, text: decodeRulesText(bytes, displayPath) };
}

export async function readStdin(displayPath: string, stdin: NodeJS.ReadableStream): Promise<InputFile> {
  const chunks: Buffer[] = [];
  let size = 0;
  for await (const chunk of stdin) {
    const buffer = typeof chunk === 'string' ? Buffer.from(chunk) : (chunk as Buffer);
    size += buffer.length;
    if (size > MAX_FILE_BYTES) throw new CliError(`${displayPath}: input too large (iptlint reads at most ${MAX_FILE_BYTES / 1048576} MiB)`);
    chunks.push(buffer);
  }
  return { path: displayPath, text: decodeRulesText(Buffer.concat(chunks), displayPath) };
}
