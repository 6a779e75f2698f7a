/** The language features beyond diagnostics, each in its own module, registered on one connection. */
import type { ServerCapabilities } from 'vscode-languageserver';
import type { ServerContext } from './server.js';

export const FEATURE_CAPABILITIES: ServerCapabilities = {};

export function registerFeatures(_ctx: ServerContext): void {}
