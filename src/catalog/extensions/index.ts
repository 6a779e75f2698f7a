/** Every catalog entry, gathered from the group files (split so they can grow independently). */
import type { ExtensionDef } from '../types.js';
import { group as matches1 } from './group-matches-1.js';
import { group as matches2 } from './group-matches-2.js';
import { group as targets } from './group-targets.js';
import { tcp } from './tcp.js';

export const allExtensions: readonly ExtensionDef[] = [tcp, ...matches1, ...matches2, ...targets];
