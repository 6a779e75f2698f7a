import { truncatedText } from '../values.js';
import type { ExtensionDef } from '../types.js';

// NFACCT_NAME_MAX is 32 bytes with the NUL. iptables rejects an empty name but cuts a
// long one without an error, after which it names a different (probably absent) object.
const validateName = truncatedText('name', 31, { empty: 'the accounting object name may not be empty', truncatedBy: 'iptables silently cuts' });

export const nfacct: ExtensionDef = {
  name: 'nfacct',
  type: 'match',
  families: ['ipv4', 'ipv6'],
  summary: 'Counts matching packets and bytes in a named extended-accounting object (always matches).',
  options: [
    {
      name: 'nfacct-name',
      // The object must already exist (nfacct add NAME) or the kernel refuses the rule.
      args: [{ kind: 'string', label: 'name', validate: validateName }],
      required: true,
      summary: 'Name of the accounting object, created beforehand with the nfacct tool.',
    },
  ],
};
