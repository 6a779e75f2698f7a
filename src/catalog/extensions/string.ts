import type { ExtensionDef, ValueProblem } from '../types.js';

// XT_STRING_MAX_PATTERN_SIZE: the pattern needs no NUL, so 128 bytes fit.
const MAX_PATTERN = 128;

function validatePattern(text: string): ValueProblem[] {
  // iptables passes an empty pattern on, but the kernel refuses it.
  return text === '' ? [{ message: 'the search pattern may not be empty' }] : [];
}

export const string: ExtensionDef = {
  name: 'string',
  type: 'match',
  families: ['ipv4', 'ipv6'],
  summary: 'Matches packets whose data contains a text or byte pattern.',
  options: [
    {
      name: 'algo',
      // The kernel's text-search modules; it refuses other names (and other spellings).
      args: [{ kind: 'enum', choices: ['bm', 'kmp'], label: 'bm|kmp' }],
      required: true,
      summary: 'Search algorithm: Boyer-Moore (bm) or Knuth-Pratt-Morris (kmp).',
    },
    {
      name: 'from',
      args: [{ kind: 'uint', min: 0, max: 65535, label: 'offset' }],
      summary: 'Start searching at this byte offset (default 0); must not exceed --to.',
    },
    {
      name: 'to',
      args: [{ kind: 'uint', min: 0, max: 65535, label: 'offset' }],
      summary: 'Stop searching at this byte offset (default 65535).',
    },
    {
      name: 'string',
      args: [{ kind: 'string', maxLength: MAX_PATTERN, label: 'pattern', validate: validatePattern }],
      invert: true,
      excludes: ['hex-string'],
      summary: 'Text to search for (up to 128 bytes).',
    },
    {
      name: 'hex-string',
      args: [{ kind: 'hexString', maxLength: MAX_PATTERN, label: 'pattern' }],
      invert: true,
      excludes: ['string'],
      summary: 'Pattern mixing text and |hex bytes| (up to 128 bytes once decoded).',
    },
    { name: 'icase', summary: 'Ignore case when searching.' },
  ],
  constraints: [
    { kind: 'oneOf', options: ['string', 'hex-string'], message: 'string needs --string or --hex-string' },
  ],
};
