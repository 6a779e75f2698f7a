import type { ExtensionDef } from '../types.js';
import { NO_PROBLEMS, utf8Length } from '../values.js';

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
            // A UTF-16 unit is at most 3 bytes in UTF-8: most comments are too short to need measuring.
            if (text.length * 3 <= COMMENT_MAX) return NO_PROBLEMS;
            const bytes = utf8Length(text);
            return bytes > COMMENT_MAX
              ? [{ message: `comment is ${bytes} bytes; iptables keeps only the first ${COMMENT_MAX}`, severity: 'warning' }]
              : NO_PROBLEMS;
          },
        },
      ],
      required: true,
      summary: 'The comment text (up to 255 bytes are kept).',
    },
  ],
};
