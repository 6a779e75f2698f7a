/**
 * iptables' own extension test vectors (`extensions/*.t` in the iptables
 * source), found or fetched at test time and never copied into this repo.
 *
 * Where they come from, first hit wins:
 *   1. $IPTLINT_IPTABLES_SRC (an unpacked iptables source tree, or its extensions/ directory);
 *   2. an unpacked `iptables-*` tree beside the checkout (`../scratch/`), the developers' layout;
 *   3. the cache ($XDG_CACHE_HOME/iptlint, else node_modules/.cache/iptlint-vectors) from an earlier fetch;
 *   4. as root with apt: `apt-get source iptables` into that cache, after adding a deb-src entry
 *      when the system has none ($IPTLINT_NO_FETCH disables this).
 * Otherwise the caller gets the reason and skips.
 *
 * Format of a .t file: `:CHAIN,CHAIN` sets the chains the following lines are
 * tried in, `*table` the table, `#` comments, `@cmd`/`%cmd` external commands
 * run as-is, and test lines `rule;saved-form;OK|FAIL|NOMATCH[;NFT|LEGACY[;result-on-the-other-backend]]`
 * where a saved form of `=` means "same as the rule".
 */
import { spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, readdirSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';

const REPO_ROOT = resolve(dirname(fileURLToPath(import.meta.url)), '..', '..');

export type VectorResult = 'OK' | 'FAIL' | 'NOMATCH';

export interface VectorLine {
  /** `libxt_tcp.t`. */
  file: string;
  /** 1-based line in the .t file. */
  lineNo: number;
  /** The rule as written, without chain or table. */
  rule: string;
  family: 'ipv4' | 'ipv6';
  table: string;
  chains: string[];
  /** Expected outcome with each backend (a variant field scopes a result to one of them). */
  expected: { nft: VectorResult; legacy: VectorResult };
  /**
   * Rules the file put in place with `%iptables -I CHAIN …` before this line
   * (e.g. the RATEEST a `-m rateest` line needs), as `CHAIN rule` strings.
   */
  setup: { chain: string; rule: string }[];
  /** `@cmd` lines run earlier in the file (nfct, nfacct): state the line may depend on. */
  externalState: string[];
}

export interface VectorSet {
  dir: string;
  origin: string;
  files: string[];
}

export type VectorLookup = { ok: true; vectors: VectorSet } | { ok: false; reason: string };

function cacheDir(): string {
  const xdg = process.env.XDG_CACHE_HOME;
  return xdg ? join(xdg, 'iptlint') : join(REPO_ROOT, 'node_modules', '.cache', 'iptlint-vectors');
}

function extensionsIn(dir: string): string | undefined {
  for (const candidate of [dir, join(dir, 'extensions')]) {
    try {
      if (statSync(candidate).isDirectory() && readdirSync(candidate).some((f) => /^lib(xt|ipt|ip6t)_.*\.t$/.test(f))) return candidate;
    } catch {
      // absent
    }
  }
  return undefined;
}

/** `iptables-1.8.9` style subdirectories of dir, newest version name last. */
function unpackedTrees(dir: string): string[] {
  try {
    return readdirSync(dir)
      .filter((n) => /^iptables-\d/.test(n))
      .sort((a, b) => a.localeCompare(b, 'en', { numeric: true }))
      .map((n) => join(dir, n));
  } catch {
    return [];
  }
}

function found(dir: string, origin: string): VectorLookup {
  const files = readdirSync(dir)
    .filter((f) => /^(lib(xt|ipt|ip6t)_.*|iptables)\.t$/.test(f))
    .sort();
  return { ok: true, vectors: { dir, origin, files } };
}

let cached: VectorLookup | undefined;

/** Finds the vectors, fetching them once per process when allowed. */
export function locateVectors(): VectorLookup {
  cached ??= locate();
  return cached;
}

function locate(): VectorLookup {
  const env = process.env.IPTLINT_IPTABLES_SRC;
  if (env) {
    const dir = extensionsIn(env);
    return dir ? found(dir, `$IPTLINT_IPTABLES_SRC (${env})`) : { ok: false, reason: `$IPTLINT_IPTABLES_SRC=${env} holds no extensions/*.t files` };
  }
  for (const tree of unpackedTrees(resolve(REPO_ROOT, '..', 'scratch')).reverse()) {
    const dir = extensionsIn(tree);
    if (dir) return found(dir, `unpacked source at ${tree}`);
  }
  const cache = cacheDir();
  for (const tree of unpackedTrees(cache).reverse()) {
    const dir = extensionsIn(tree);
    if (dir) return found(dir, `cache ${tree}`);
  }
  const fetched = fetchWithApt(cache);
  if (typeof fetched === 'string') return { ok: false, reason: fetched };
  return found(fetched.dir, `apt-get source iptables into ${fetched.tree}`);
}

function hasCommand(name: string): boolean {
  return spawnSync('sh', ['-c', `command -v ${name}`], { stdio: 'ignore' }).status === 0;
}

/** Returns the extensions directory, or why it could not be fetched. */
function fetchWithApt(cache: string): { dir: string; tree: string } | string {
  const why = 'iptables test vectors not found';
  if (process.env.IPTLINT_NO_FETCH) return `${why} and IPTLINT_NO_FETCH is set (set IPTLINT_IPTABLES_SRC to an unpacked iptables source)`;
  if (!hasCommand('apt-get')) return `${why} and apt-get is not available (set IPTLINT_IPTABLES_SRC to an unpacked iptables source)`;
  if (typeof process.getuid !== 'function' || process.getuid() !== 0) {
    return `${why}; fetching them with apt-get source needs root to add a deb-src entry (or set IPTLINT_IPTABLES_SRC)`;
  }
  const added = ensureDebSrc();
  if (added instanceof Error) return `${why}; could not add a deb-src entry: ${added.message}`;
  mkdirSync(cache, { recursive: true });
  const update = () => spawnSync('apt-get', ['update', '-qq'], { encoding: 'utf8', timeout: 180_000 });
  if (added) update();
  // Without dpkg-dev, apt-get cannot unpack; the upstream tarball alone holds the .t files.
  const unpack = hasCommand('dpkg-source');
  const args = unpack ? ['source', '-qq', 'iptables'] : ['source', '-qq', '--download-only', 'iptables'];
  let out = spawnSync('apt-get', args, { cwd: cache, encoding: 'utf8', timeout: 300_000 });
  if (out.status !== 0 && !added) {
    update();
    out = spawnSync('apt-get', args, { cwd: cache, encoding: 'utf8', timeout: 300_000 });
  }
  if (out.status !== 0) return `${why}; apt-get source iptables failed: ${(out.stderr || out.error?.message || '').trim().split('\n').pop()}`;
  if (!unpack) {
    const tarball = readdirSync(cache).find((f) => /^iptables_.*\.orig\.tar\.\w+$/.test(f));
    if (!tarball) return `${why}; apt-get source left no iptables orig tarball in ${cache}`;
    const tar = spawnSync('tar', ['-xf', tarball], { cwd: cache, encoding: 'utf8' });
    if (tar.status !== 0) return `${why}; could not unpack ${tarball}: ${tar.stderr.trim()}`;
  }
  for (const tree of unpackedTrees(cache).reverse()) {
    const dir = extensionsIn(tree);
    if (dir) return { dir, tree };
  }
  return `${why}; apt-get source iptables produced no extensions/*.t in ${cache}`;
}

/** Adds a deb-src twin of the system's deb sources when none exists. true: added; false: already there. */
export function ensureDebSrc(aptDir = '/etc/apt'): boolean | Error {
  const listDir = join(aptDir, 'sources.list.d');
  const files = [join(aptDir, 'sources.list'), ...(existsSync(listDir) ? readdirSync(listDir).map((f) => join(listDir, f)) : [])].filter(
    (f) => /(\.list|\.sources|sources\.list)$/.test(f) && existsSync(f),
  );
  const texts = files.map((f) => readFileSync(f, 'utf8'));
  if (texts.some((t) => /^\s*deb-src\s/m.test(t) || /^Types:.*\bdeb-src\b/m.test(t))) return false;
  const deb822: string[] = [];
  const oneLine: string[] = [];
  for (const text of texts) {
    for (const stanza of text.split(/\n\s*\n/)) {
      if (/^Types:.*\bdeb\b/m.test(stanza) && !/^Enabled:\s*no/im.test(stanza)) deb822.push(stanza.replace(/^Types:.*$/m, 'Types: deb-src'));
    }
    for (const line of text.split('\n')) if (/^\s*deb\s/.test(line)) oneLine.push(line.replace(/^\s*deb\s/, 'deb-src '));
  }
  try {
    if (deb822.length > 0) writeFileSync(join(listDir, 'iptlint-deb-src.sources'), `${deb822.join('\n\n')}\n`);
    else if (oneLine.length > 0) writeFileSync(join(listDir, 'iptlint-deb-src.list'), `${oneLine.join('\n')}\n`);
    else return new Error('no deb source entries to mirror');
  } catch (e) {
    return e as Error;
  }
  return true;
}

const INVERSE: Record<VectorResult, VectorResult> = { OK: 'FAIL', FAIL: 'OK', NOMATCH: 'OK' };

function asResult(s: string): VectorResult | undefined {
  return s === 'OK' || s === 'FAIL' || s === 'NOMATCH' ? s : undefined;
}

/** Which binary a vector file is written for: iptables runs libxt_ files too (as iptables-test.py does). */
export function familyOf(file: string): 'ipv4' | 'ipv6' | undefined {
  if (file.startsWith('libip6t_')) return 'ipv6';
  if (file.startsWith('libipt_') || file.startsWith('libxt_') || file === 'iptables.t') return 'ipv4';
  return undefined; // arptables / ebtables
}

export function parseVectorFile(file: string, text: string): VectorLine[] {
  const family = familyOf(file);
  if (!family) return [];
  const lines: VectorLine[] = [];
  let table = 'filter';
  let chains: string[] = [];
  let setup: VectorLine['setup'] = [];
  const externalState: string[] = [];
  text.split('\n').forEach((raw, i) => {
    const line = raw.replace(/\r$/, '');
    if (line.trim() === '' || line.startsWith('#')) return;
    if (line.startsWith(':')) {
      chains = line.slice(1).trim().split(',');
      return;
    }
    if (line.startsWith('*')) {
      table = line.slice(1).trim();
      return;
    }
    if (line.startsWith('@') || line.startsWith('%')) {
      const cmd = line.slice(1).trim();
      const ipt = /^(?:ip6?tables)\s+(-I|-A|-D)\s+(\S+)\s+(.*)$/.exec(cmd);
      if (ipt) {
        const [, op, chain, rule] = ipt;
        if (op === '-D') setup = setup.filter((s) => !(s.chain === chain && s.rule === rule));
        else setup = [...setup, { chain, rule }];
      } else {
        externalState.push(cmd);
      }
      return;
    }
    const fields = line.split(';');
    const base = asResult((fields[2] ?? '').trim());
    if (!base || chains.length === 0) return;
    const variant = (fields[3] ?? '').trim();
    const alt = asResult((fields[4] ?? '').trim());
    const other = alt ?? INVERSE[base];
    const expected =
      variant === 'NFT' ? { nft: base, legacy: other } : variant === 'LEGACY' ? { nft: other, legacy: base } : { nft: base, legacy: base };
    lines.push({ file, lineNo: i + 1, rule: fields[0].trim(), family, table, chains: [...chains], expected, setup, externalState: [...externalState] });
  });
  return lines;
}

export function readVectors(set: VectorSet): VectorLine[] {
  return set.files.flatMap((f) => parseVectorFile(f, readFileSync(join(set.dir, f), 'utf8')));
}

const BUILTIN_CHAINS: Record<string, string[]> = {
  filter: ['INPUT', 'FORWARD', 'OUTPUT'],
  nat: ['PREROUTING', 'INPUT', 'OUTPUT', 'POSTROUTING'],
  mangle: ['PREROUTING', 'INPUT', 'FORWARD', 'OUTPUT', 'POSTROUTING'],
  raw: ['PREROUTING', 'OUTPUT'],
  security: ['INPUT', 'FORWARD', 'OUTPUT'],
};

/**
 * The one-rule ruleset a vector line becomes in one chain: the table header,
 * its built-in chains, any user chain a `-j`/`-g` names (isTarget says which
 * names are target extensions rather than chains), the setup rules, the rule, COMMIT.
 */
export function vectorRuleset(v: VectorLine, chain: string, isTarget: (name: string) => boolean): string {
  const out = [`*${v.table}`];
  const builtins = BUILTIN_CHAINS[v.table] ?? [chain];
  for (const c of builtins) out.push(`:${c} ACCEPT [0:0]`);
  const rules = [...v.setup.map((s) => `-A ${s.chain} ${s.rule}`), `-A ${chain} ${v.rule}`];
  const userChains = new Set<string>();
  for (const r of rules) {
    for (const m of r.matchAll(/(?:^|\s)(?:-j|-g|--jump|--goto)\s+(\S+)/g)) {
      const name = m[1];
      if (!['ACCEPT', 'DROP', 'RETURN', 'QUEUE'].includes(name) && !isTarget(name) && !builtins.includes(name)) userChains.add(name);
    }
  }
  for (const c of userChains) out.push(`:${c} - [0:0]`);
  out.push(...rules, 'COMMIT', '');
  return out.join('\n');
}
