import type { ExtensionDef } from '../types.js';
import { nptPrefix } from './DNPT.js';

export const SNPT: ExtensionDef = {
  name: 'SNPT',
  type: 'target',
  families: ['ipv6'],
  summary: 'Stateless IPv6 source prefix translation (RFC 6296).',
  tables: ['mangle'],
  hooks: ['INPUT', 'POSTROUTING'],
  options: [
    {
      name: 'src-pfx',
      args: [nptPrefix],
      required: true,
      summary: 'The prefix packets carry before translation.',
    },
    {
      name: 'dst-pfx',
      args: [nptPrefix],
      required: true,
      summary: 'The prefix they carry after translation.',
    },
  ],
};
