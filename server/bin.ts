#!/usr/bin/env node
/** Entry point of `iptlint-language-server`. */
import { runLanguageServer } from './server.js';

void runLanguageServer(process.argv.slice(2)).then((code) => {
  process.exitCode = code;
});
