import type { ExtensionDef } from '../types.js';

const hopLimit = { kind: 'uint', min: 0, max: 255, label: 'value' } as const;

export const hl: ExtensionDef = {
  name: 'hl',
  type: 'match',
  families: ['ipv6'],
  summary: 'Matches the IPv6 Hop Limit field.',
  options: [
    {
      name: 'hl-eq',
      // `--hl` is the same option under its old name (same id); `! --hl N` is accepted too.
      aliases: ['hl'],
      args: [hopLimit],
      invert: true,
      excludes: ['hl-lt', 'hl-gt'],
      summary: 'Hop limit equals the value.',
    },
    { name: 'hl-lt', args: [hopLimit], excludes: ['hl-eq', 'hl-gt'], summary: 'Hop limit is less than the value.' },
    { name: 'hl-gt', args: [hopLimit], excludes: ['hl-eq', 'hl-lt'], summary: 'Hop limit is greater than the value.' },
  ],
  constraints: [
    { kind: 'oneOf', options: ['hl-eq', 'hl-lt', 'hl-gt'], message: 'hl needs one of --hl-eq, --hl-lt, --hl-gt' },
  ],
};
