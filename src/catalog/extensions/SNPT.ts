import type { ExtensionDef } from '../types.js';
import { nptOptions } from './DNPT.js';

export const SNPT: ExtensionDef = {
  name: 'SNPT',
  type: 'target',
  families: ['ipv6'],
  summary: 'Stateless IPv6 source prefix translation (RFC 6296).',
  tables: ['mangle'],
  hooks: ['INPUT', 'POSTROUTING'],
  options: nptOptions,
};
