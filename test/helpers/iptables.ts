/**
 * The oracle: the real iptables-restore (nf_tables and legacy backends) loading
 * a ruleset into a real kernel inside a throwaway network namespace
 * (`unshare -n`), so nothing on the host is touched.
 *
 * It needs root, `unshare` and the binaries; `oracleUnavailable()` says in one
 * line why it cannot run, and the suites skip with that message.
 */
import { spawn, spawnSync } from 'node:child_process';
import { accessSync, constants, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { delimiter, join } from 'node:path';

export type OracleFamily = 'ipv4' | 'ipv6';
export type OracleBackend = 'nft' | 'legacy';

export const BACKENDS: readonly OracleBackend[] = ['nft', 'legacy'];

export interface OracleResult {
  accepted: boolean;
  stderr: string;
}

export interface SaveResult extends OracleResult {
  /** What iptables-save printed after the load; empty when the load failed. */
  saved: string;
}

// sbin directories are often missing from a non-login PATH, where iptables lives.
const SEARCH_DIRS = [...(process.env.PATH ?? '').split(delimiter), '/usr/sbin', '/sbin', '/usr/local/sbin'].filter(Boolean);

function which(name: string): string | undefined {
  for (const dir of SEARCH_DIRS) {
    const path = join(dir, name);
    try {
      accessSync(path, constants.X_OK);
      return path;
    } catch {
      // not in this directory
    }
  }
  return undefined;
}

/** Binary names per family and backend. Debian's `iptables-restore` is the nft one (alternatives default). */
function candidates(family: OracleFamily, backend: OracleBackend, tool: 'restore' | 'save'): string[] {
  const base = family === 'ipv6' ? 'ip6tables' : 'iptables';
  return backend === 'legacy' ? [`${base}-legacy-${tool}`] : [`${base}-nft-${tool}`, `${base}-${tool}`];
}

export interface OracleBinaries {
  restore: string;
  save: string;
}

const binaryCache = new Map<string, OracleBinaries | undefined>();

export function findBinaries(family: OracleFamily, backend: OracleBackend): OracleBinaries | undefined {
  const key = `${family}/${backend}`;
  if (!binaryCache.has(key)) {
    let found: OracleBinaries | undefined;
    for (const restoreName of candidates(family, backend, 'restore')) {
      const restore = which(restoreName);
      const save = which(restoreName.replace(/-restore$/, '-save'));
      if (restore && save && (backend === 'legacy' || isNftBinary(restore))) {
        found = { restore, save };
        break;
      }
    }
    binaryCache.set(key, found);
  }
  return binaryCache.get(key);
}

/** A plain `iptables-restore` may point at the legacy backend (alternatives); `--version` says which. */
function isNftBinary(path: string): boolean {
  const out = spawnSync(path, ['--version'], { encoding: 'utf8' });
  return /nf_tables/.test(`${out.stdout}${out.stderr}`);
}

let unavailable: string | null | undefined;

/**
 * Why the oracle cannot run here (one line, for the skip message), or null when it can.
 * Checked once: root, `unshare -n` permitted, all four restore binaries present.
 */
export function oracleUnavailable(): string | null {
  if (unavailable !== undefined) return unavailable;
  unavailable = computeUnavailable();
  return unavailable;
}

function computeUnavailable(): string | null {
  if (process.env.IPTLINT_NO_ORACLE) return 'IPTLINT_NO_ORACLE is set';
  if (typeof process.getuid !== 'function' || process.getuid() !== 0) {
    return 'not running as root (the real iptables-restore needs root to load rules into a throwaway namespace)';
  }
  if (!which('unshare')) return '`unshare` (util-linux) is not installed';
  const missing: string[] = [];
  for (const family of ['ipv4', 'ipv6'] as const) {
    for (const backend of BACKENDS) {
      if (!findBinaries(family, backend)) missing.push(`${family === 'ipv6' ? 'ip6tables' : 'iptables'} (${backend})`);
    }
  }
  if (missing.length > 0) return `iptables is not fully installed (missing: ${missing.join(', ')}; apt-get install iptables)`;
  const probe = spawnSync('unshare', ['-n', 'true'], { encoding: 'utf8' });
  if (probe.status !== 0) return `\`unshare -n\` is not permitted here: ${(probe.stderr || probe.error?.message || '').trim()}`;
  return null;
}

function requireBinaries(family: OracleFamily, backend: OracleBackend): OracleBinaries {
  const why = oracleUnavailable();
  if (why) throw new Error(`iptables oracle unavailable: ${why}`);
  const bins = findBinaries(family, backend);
  if (!bins) throw new Error(`no ${backend} iptables-restore for ${family}`);
  return bins;
}

export interface RestoreOptions {
  family: OracleFamily;
  backend: OracleBackend;
  /** `--test`: parse and build the ruleset without committing it to the kernel. Default false: a real load. */
  testOnly?: boolean;
  /** Parallel namespaces for batches. nf_tables commits are slow (~15 ms), so this matters. */
  parallel?: number;
}

/**
 * Loads each ruleset with its own iptables-restore call, all inside a few
 * `unshare -n sh` loops rather than one namespace per ruleset. Every ruleset
 * must name its tables with `*table`: iptables-restore flushes each table it
 * loads, so earlier loads do not leak into later ones in the same table.
 */
export async function restoreMany(texts: readonly string[], options: RestoreOptions): Promise<OracleResult[]> {
  if (texts.length === 0) return [];
  const bins = requireBinaries(options.family, options.backend);
  const dir = mkdtempSync(join(tmpdir(), 'iptlint-oracle-'));
  try {
    const shards = Math.max(1, Math.min(options.parallel ?? 6, texts.length));
    const names: string[] = [];
    texts.forEach((text, i) => {
      const shard = i % shards;
      const name = `s${shard}-${String(i).padStart(6, '0')}.rules`;
      writeFileSync(join(dir, name), text);
      names.push(name);
    });
    // $1 dir, $2 shard prefix, $3 binary, $4 optional --test. Exit codes go to files so stderr stays per ruleset.
    const script = 'for f in "$1"/"$2"-*.rules; do "$3" $4 < "$f" > /dev/null 2> "$f.err"; echo $? > "$f.rc"; done';
    await Promise.all(
      Array.from({ length: shards }, (_, shard) =>
        run('unshare', ['-n', 'sh', '-c', script, 'sh', dir, `s${shard}`, bins.restore, options.testOnly ? '--test' : '']),
      ),
    );
    return names.map((name) => {
      const rc = readFileSync(join(dir, `${name}.rc`), 'utf8').trim();
      return { accepted: rc === '0', stderr: readFileSync(join(dir, `${name}.err`), 'utf8') };
    });
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

export async function restore(text: string, options: RestoreOptions): Promise<OracleResult> {
  const [result] = await restoreMany([text], { ...options, parallel: 1 });
  return result;
}

/** Loads a ruleset into a fresh namespace and returns what iptables-save prints there. */
export async function restoreAndSave(
  text: string,
  options: Omit<RestoreOptions, 'testOnly' | 'parallel'> & { saveArgs?: string[] },
): Promise<SaveResult> {
  const bins = requireBinaries(options.family, options.backend);
  const dir = mkdtempSync(join(tmpdir(), 'iptlint-save-'));
  try {
    const file = join(dir, 'in.rules');
    writeFileSync(file, text);
    // $1 file, $2 restore, $3 save, then the save's own arguments (`-c` for counters).
    const script = 'f=$1 r=$2 s=$3; shift 3; "$r" < "$f" || exit 3; "$s" "$@"';
    const out = await run('unshare', ['-n', 'sh', '-c', script, 'sh', file, bins.restore, bins.save, ...(options.saveArgs ?? [])]);
    const accepted = out.code === 0;
    return { accepted, stderr: out.stderr, saved: accepted ? out.stdout : '' };
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

function run(cmd: string, args: string[]): Promise<{ code: number | null; stdout: string; stderr: string }> {
  return new Promise((resolve, reject) => {
    const child = spawn(cmd, args, { stdio: ['ignore', 'pipe', 'pipe'] });
    let stdout = '';
    let stderr = '';
    child.stdout.setEncoding('utf8').on('data', (d: string) => (stdout += d));
    child.stderr.setEncoding('utf8').on('data', (d: string) => (stderr += d));
    child.on('error', reject);
    child.on('close', (code) => resolve({ code, stdout, stderr }));
  });
}

/** First line of iptables' complaint, for messages. */
export function firstLine(stderr: string): string {
  return stderr.split('\n').find((l) => l.trim() !== '')?.trim() ?? '';
}

/**
 * What iptables actually objected to, on one line: stderr without the banner
 * (`iptables-nft-restore v1.8.9 (nf_tables): ` alone on its line), the
 * "Error occurred at line" and "Try `… -h'" boilerplate. The nf_tables
 * backend puts the reason after the banner, so firstLine() alone often says nothing.
 */
export function complaint(stderr: string): string {
  const kept = stderr
    .split('\n')
    .map((l) => l.trim())
    .filter((l) => l !== '' && !/^Error occurred at line/.test(l) && !/^Try `/.test(l) && !/^ip6?tables[-\w]*restore v[\d.]+ \([\w ]+\):$/.test(l));
  return kept.join(' / ');
}
