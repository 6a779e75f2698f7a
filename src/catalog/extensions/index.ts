/** Every catalog entry. Keep the list sorted: one import and one list item per extension. */
import type { ExtensionDef } from '../types.js';
import { tcp } from './tcp.js';

export const allExtensions: readonly ExtensionDef[] = [
  tcp,
];
