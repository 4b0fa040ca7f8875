// The VS Code side: starts the language server, shows the target Gradio version, offers a few commands.
import * as path from 'node:path';
import * as vscode from 'vscode';
import { LanguageClient, TransportKind, type LanguageClientOptions, type ServerOptions } from 'vscode-languageclient/node';

let client: LanguageClient | undefined;
let status: vscode.LanguageStatusItem | undefined;
let output: vscode.LogOutputChannel;
let restarting: Promise<void> | undefined;

interface ProjectInfo { version: string; source: string; isSpace: boolean; usesGradio: boolean }

function createClient(context: vscode.ExtensionContext): LanguageClient {
  const module = context.asAbsolutePath(path.join('dist', 'server.js'));
  const serverOptions: ServerOptions = {
    run: { module, transport: TransportKind.ipc },
    debug: { module, transport: TransportKind.ipc, options: { execArgv: ['--nolazy', '--inspect=6009'] } },
  };
  const clientOptions: LanguageClientOptions = {
    documentSelector: [{ language: 'python', scheme: 'file' }, { language: 'python', scheme: 'untitled' }],
    synchronize: {
      configurationSection: 'gradio',
      fileEvents: vscode.workspace.createFileSystemWatcher('**/{requirements*.txt,pyproject.toml,setup.cfg,environment.yml,README.md}'),
    },
    outputChannel: output,
    traceOutputChannel: output,
  };
  return new LanguageClient('gradio', 'Gradio Language Server', serverOptions, clientOptions);
}

async function start(context: vscode.ExtensionContext) {
  client = createClient(context);
  await client.start();
  void updateStatus();
}

/** One restart at a time; concurrent requests share it. */
function restart(context: vscode.ExtensionContext): Promise<void> {
  restarting ??= (async () => {
    try {
      output.info('Restarting the Gradio language server');
      await client?.stop().catch((e) => output.error(`stop failed: ${e}`));
      await start(context);
    } finally {
      restarting = undefined;
    }
  })();
  return restarting;
}

async function updateStatus() {
  const editor = vscode.window.activeTextEditor;
  if (!status || !client || !editor || editor.document.languageId !== 'python') return;
  try {
    const info = await client.sendRequest<ProjectInfo | null>('gradio/projectInfo', { uri: editor.document.uri.toString() });
    if (!info) return;
    status.text = `Gradio ${info.version}`;
    status.detail = info.source + (info.isSpace ? ' · Hugging Face Space' : '');
    status.severity = vscode.LanguageStatusSeverity.Information;
  } catch (e) {
    status.text = 'Gradio';
    status.detail = 'server not ready';
    output.warn(`projectInfo failed: ${e}`);
  }
}

export async function activate(context: vscode.ExtensionContext) {
  output = vscode.window.createOutputChannel('Gradio', { log: true });
  status = vscode.languages.createLanguageStatusItem('gradio.version', { language: 'python' });
  status.name = 'Gradio';
  status.text = 'Gradio';
  status.command = { title: 'Show Output', command: 'gradio.showOutput' };
  context.subscriptions.push(
    output,
    status,
    vscode.commands.registerCommand('gradio.restartServer', () => restart(context)),
    vscode.commands.registerCommand('gradio.showOutput', () => output.show()),
    vscode.commands.registerCommand('gradio.openRuleDocs', async (code?: string) => {
      code ??= await vscode.window.showInputBox({ prompt: 'Rule code', placeHolder: 'GR015' });
      if (code) await vscode.env.openExternal(vscode.Uri.parse(`https://github.com/gradio-lsp/gradio-lsp/blob/main/docs/rules/${code.toUpperCase()}.md`));
    }),
    vscode.window.onDidChangeActiveTextEditor(() => void updateStatus()),
    vscode.workspace.onDidSaveTextDocument(() => void updateStatus()),
    vscode.workspace.onDidChangeConfiguration((e) => { if (e.affectsConfiguration('gradio')) void updateStatus(); }),
  );
  await start(context);
}

export async function deactivate() {
  await client?.stop();
  client = undefined;
}
