/**
 * glob, loaded when first needed: for a directory, a pattern, or a config's
 * include and exclude patterns. Loading it (glob, minimatch, path-scurry and the
 * streams they use) took a few milliseconds of every start, and most runs name
 * plain files.
 */
type Glob = typeof import('glob');

let loading: Promise<Glob> | undefined;

export function loadGlob(): Promise<Glob> {
  return (loading ??= import('glob'));
}
