/** Catalog entries, group matches-1 (one import and one list item per extension, sorted). */
import type { ExtensionDef } from '../types.js';

export const group: readonly ExtensionDef[] = [];
