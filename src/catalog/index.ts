/**
 * The catalog: every match and target iptables 1.8.9 ships, looked up by name,
 * kind and family. The entries live one per file in ./extensions/.
 */
import { allExtensions } from './extensions/index.js';
import type { ExtensionDef, Family } from './types.js';

export type { ExtensionDef, Family, OptionDef, ValueSpec, ValueKind, Hook, TableName, Constraint } from './types.js';

const matches = new Map<string, ExtensionDef>();
const targets = new Map<string, ExtensionDef>();
for (const ext of allExtensions) {
  (ext.type === 'match' ? matches : targets).set(ext.name, ext);
}

export function findMatch(name: string, family: Family): ExtensionDef | undefined {
  const ext = matches.get(name);
  return ext && ext.families.includes(family) ? ext : undefined;
}

export function findTarget(name: string, family: Family): ExtensionDef | undefined {
  const ext = targets.get(name);
  return ext && ext.families.includes(family) ? ext : undefined;
}

/** The entry whatever its family: to say "`icmp` is IPv4 only" instead of "unknown". */
export function findAnyFamily(name: string, type: 'match' | 'target'): ExtensionDef | undefined {
  return (type === 'match' ? matches : targets).get(name);
}

export function listExtensions(): readonly ExtensionDef[] {
  return allExtensions;
}

/** Verdicts built into the kernel: not extensions, never a chain name. */
export const STANDARD_VERDICTS: ReadonlySet<string> = new Set(['ACCEPT', 'DROP', 'RETURN', 'QUEUE']);
