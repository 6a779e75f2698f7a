/**
 * Which files a run lints, once configuration is known: a directory argument
 * expands to the config's `include` patterns (or the default rules-file
 * names), and a config's `exclude` patterns drop files, even ones named
 * explicitly, so a pre-commit hook and a CI run of the same tree agree.
 * Patterns are relative to the config file's directory.
 */
import { stat } from 'node:fs/promises';
import path from 'node:path';
import type { Config, ConfigResolver } from '../config/load.js';
import type { InputProblem } from './files.js';
import { loadGlob } from './glob.js';

const IGNORED_DIRS = ['**/node_modules/**', '**/.git/**'];

type Expand = (args: string[], cwd: string) => Promise<{ paths: string[]; problems: InputProblem[] }>;

async function isDirectory(p: string): Promise<boolean> {
  try {
    return (await stat(p)).isDirectory();
  } catch {
    return false;
  }
}

function within(dir: string, file: string): boolean {
  const r = path.relative(dir, file);
  return r !== '' && !r.startsWith('..') && !path.isAbsolute(r);
}

/** Expands arguments like expandPaths, except that directories covered by a config with `include` use its patterns. */
export async function expandWithConfig(args: string[], cwd: string, resolver: ConfigResolver, expand: Expand): Promise<{ paths: string[]; problems: InputProblem[] }> {
  const paths: string[] = [];
  const problems: InputProblem[] = [];
  const seen = new Set<string>();
  for (const arg of args) {
    const absolute = path.resolve(cwd, arg);
    const config = arg !== '-' && (await isDirectory(absolute)) ? await resolver.forPath(arg, true) : undefined;
    let found: { paths: string[]; problems: InputProblem[] };
    if (config?.include && config.include.length > 0) {
      const { glob } = await loadGlob();
      const matches = (await glob(config.include, { cwd: config.dir, absolute: true, nodir: true, dot: true, ignore: IGNORED_DIRS }))
        .filter((f) => f === absolute || within(absolute, f))
        .sort();
      found = { paths: matches.map((f) => path.join(arg, path.relative(absolute, f))), problems: [] };
      if (matches.length === 0) found.problems.push({ path: arg, message: `directory has no files matching the include patterns of ${config.path} (${config.include.join(', ')})` });
    } else {
      found = await expand([arg], cwd);
    }
    problems.push(...found.problems);
    for (const p of found.paths) {
      if (seen.has(p)) continue;
      seen.add(p);
      paths.push(p);
    }
  }
  return { paths, problems };
}

/** Answers "does this config exclude this file?", globbing each config's patterns once. */
export class ExcludeMatcher {
  private readonly sets = new Map<Config, Promise<Set<string>>>();

  async excluded(config: Config, file: string): Promise<boolean> {
    if (!config.exclude || config.exclude.length === 0) return false;
    let set = this.sets.get(config);
    if (!set) {
      // Directories match too, so `legacy` or `legacy/` excludes everything below it.
      set = loadGlob()
        .then(({ glob }) => glob(config.exclude as string[], { cwd: config.dir, absolute: true, dot: true, ignore: IGNORED_DIRS }))
        .then((found) => new Set(found.map((f) => f.replace(/[/\\]+$/, ''))));
      this.sets.set(config, set);
    }
    const matched = await set;
    for (let p = file; within(config.dir, p); p = path.dirname(p)) if (matched.has(p)) return true;
    return false;
  }
}
