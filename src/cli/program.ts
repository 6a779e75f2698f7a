#!/usr/bin/env node
/** Entry point of the `iptlint` command. */
import { setFlagsFromString } from 'node:v8';
import { main } from './main.js';

const args = process.argv.slice(2);

// A lint run is a short batch job whose model lives until the end: let the heap grow five-fold between full
// collections instead of V8's default (at most four-fold, often less). On a 100,000-rule file that skips a full
// collection near the end, which traced the whole, still live model and took a tenth of the CPU time, for the same
// peak memory. V8 reads the flag afresh after each collection, so setting it now takes effect. Not for the language
// server (`iptlint lsp`), a long-lived process whose documents come and go, nor when the user chose a value.
const userChose = process.execArgv.some((a) => a.startsWith('--heap-growing-percent'));
if (args[0] !== 'lsp' && !userChose) setFlagsFromString('--heap-growing-percent=400');

process.stdout.on('error', (error: NodeJS.ErrnoException) => {
  // `iptlint … | head` closes the pipe early: not an error worth a trace.
  if (error.code === 'EPIPE') process.exit(process.exitCode ?? 0);
});

main(args, { stdout: process.stdout, stderr: process.stderr, stdin: process.stdin, env: process.env, cwd: process.cwd() }).then(
  (code) => {
    process.exitCode = code;
  },
);
