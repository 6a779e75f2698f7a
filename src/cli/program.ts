/**
 * The `iptlint` program, bundled on its own (dist/src/cli/iptlint.cjs) for bin.ts to start from V8's code cache.
 */
import { main } from './main.js';

process.stdout.on('error', (error: NodeJS.ErrnoException) => {
  // `iptlint … | head` closes the pipe early: not an error worth a trace.
  if (error.code === 'EPIPE') process.exit(process.exitCode ?? 0);
});

main(process.argv.slice(2), { stdout: process.stdout, stderr: process.stderr, stdin: process.stdin, env: process.env, cwd: process.cwd() }).then(
  (code) => {
    process.exitCode = code;
  },
);
