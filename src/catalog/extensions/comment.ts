import type { ExtensionDef } from '../types.js';
import { utf8Length } from '../values.js';

// xt_comment's buffer is 256 bytes. iptables does not reject longer text: it
// silently keeps the first 255 bytes, so this is a warning, not an error.
const COMMENT_MAX = 255;

export const comment: ExtensionDef = {
  name: 'comment',
  type: 'match',
  families: ['ipv4', 'ipv6'],
  summary: 'Attaches a text comment to a rule; always matches.',
  options: [
    {
      name: 'comment',
      args: [
        {
          kind: 'string',
          label: 'text',
          validate: (text) => {
            const bytes = utf8Length(text);
            return bytes > COMMENT_MAX
              ? [{ message: `comment is ${bytes} bytes; iptables keeps only the first ${COMMENT_MAX}`, severity: 'warning' }]
              : [];
          },
        },
      ],
      required: true,
      summary: 'The comment text (up to 255 bytes are kept).',
    },
  ],
};
