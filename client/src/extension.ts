/**
 * The VS Code side of iptlint: starts the bundled language server for
 * `iptables` documents and nothing else. All linting happens in the server.
 */
import * as path from 'node:path';
import { workspace, type ExtensionContext } from 'vscode';
import { LanguageClient, TransportKind, type LanguageClientOptions, type ServerOptions } from 'vscode-languageclient/node';

let client: LanguageClient | undefined;

export async function activate(context: ExtensionContext): Promise<void> {
  const module = context.asAbsolutePath(path.join('dist', 'server.js'));
  const serverOptions: ServerOptions = {
    run: { module, transport: TransportKind.ipc },
    debug: { module, transport: TransportKind.ipc, options: { execArgv: ['--nolazy', '--inspect=6009'] } },
  };
  const clientOptions: LanguageClientOptions = {
    documentSelector: [
      { scheme: 'file', language: 'iptables' },
      { scheme: 'untitled', language: 'iptables' },
    ],
    outputChannelName: 'iptlint',
    // Untrusted: the server reads no file a project's .iptlintrc.json names (VS Code already withholds such settings).
    initializationOptions: { trusted: workspace.isTrusted },
  };
  client = new LanguageClient('iptlint', 'iptlint', serverOptions, clientOptions);
  await client.start();
  // Trust unlocks the workspace's kernel settings and the paths in .iptlintrc.json: have the server read them again.
  context.subscriptions.push(
    workspace.onDidGrantWorkspaceTrust(() => {
      void client?.sendNotification('iptlint/workspaceTrusted');
      void client?.sendNotification('workspace/didChangeConfiguration', { settings: null });
    }),
  );
}

export async function deactivate(): Promise<void> {
  await client?.stop();
  client = undefined;
}
