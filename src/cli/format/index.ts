/** Output formats by name. */
import { formatJson } from './json.js';
import { formatText } from './text.js';
import type { Formatter } from './types.js';

export const FORMATTERS: Record<string, Formatter> = {
  text: formatText,
  json: formatJson,
};
