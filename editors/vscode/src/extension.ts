/**
 * The VS Code client of the `.sla` language server: starts `sla lsp` on stdio for `.sla` files
 * and restarts it when its settings change. Everything else (diagnostics, completion, hover,
 * navigation, rename, formatting, semantic tokens) is the server's.
 */
import { existsSync } from "node:fs";
import { join } from "node:path";
import * as vscode from "vscode";
import { LanguageClient, type LanguageClientOptions, type ServerOptions } from "vscode-languageclient/node";

let client: LanguageClient | undefined;

/**
 * The server command: the `sla.server.path` setting, else the workspace's own `sla` (the policy
 * repository pins its version in package.json), else `sla` on the PATH.
 */
function serverCommand(config: vscode.WorkspaceConfiguration): { command: string; args: string[] } {
  const args = [...config.get<string[]>("server.args", []), "lsp"];
  const configured = config.get<string>("server.path", "").trim();
  if (configured) return { command: configured, args };
  const bin = process.platform === "win32" ? "sla.cmd" : "sla";
  for (const folder of vscode.workspace.workspaceFolders ?? []) {
    const local = join(folder.uri.fsPath, "node_modules", ".bin", bin);
    if (existsSync(local)) return { command: local, args };
  }
  return { command: bin, args };
}

async function start(): Promise<void> {
  const config = vscode.workspace.getConfiguration("sla");
  const { command, args } = serverCommand(config);
  // No `transport`: the client then talks over stdio without adding `--stdio` to the arguments.
  const serverOptions: ServerOptions = { command, args, options: { env: process.env } };
  const clientOptions: LanguageClientOptions = {
    documentSelector: [
      { scheme: "file", language: "sla" },
      { scheme: "untitled", language: "sla" },
    ],
    initializationOptions: {
      debounceMs: config.get<number>("check.debounceMs", 150),
      printWidth: config.get<number>("format.printWidth", 80),
    },
  };
  client = new LanguageClient("sla", "SLA", serverOptions, clientOptions);
  await client.start();
}

/** Called by VS Code when a `.sla` file opens. */
export async function activate(context: vscode.ExtensionContext): Promise<void> {
  context.subscriptions.push(
    vscode.workspace.onDidChangeConfiguration(async (event) => {
      if (!event.affectsConfiguration("sla.server") && !event.affectsConfiguration("sla.check") && !event.affectsConfiguration("sla.format")) return;
      // Initialization options are only read at start: restart to apply them.
      await client?.stop();
      await start();
    }),
  );
  try {
    await start();
  } catch (error) {
    void vscode.window.showErrorMessage(`SLA: could not start the language server (\`sla lsp\`): ${(error as Error).message}. Set "sla.server.path".`);
  }
}

/** Called by VS Code on shutdown. */
export async function deactivate(): Promise<void> {
  await client?.stop();
  client = undefined;
}
