// The language server: wires the connection to small feature modules. Started with --stdio (or node-ipc).
import {
  createConnection, ProposedFeatures, TextDocumentSyncKind, DidChangeConfigurationNotification,
  DocumentDiagnosticReportKind, CodeActionKind, type InitializeParams, type InitializeResult, type Connection,
  type DidOpenTextDocumentParams, type DidChangeTextDocumentParams, type DidCloseTextDocumentParams,
  type DocumentDiagnosticParams, type DocumentDiagnosticReport, type CodeActionParams, type CodeAction, type HoverParams, type Hover,
  type InlayHintParams, type InlayHint,
} from 'vscode-languageserver/node';
import { initParser, RULES } from '../engine';
import { DocumentStore, type Doc } from './documents';
import { SettingsCache } from './settings';
import { Analyzer, debounceFor } from './analysis';
import { toDiagnostic } from './diagnostics';
import { codeActions, FIX_ALL_KIND } from './codeActions';
import { projectInfo, PROJECT_INFO_REQUEST } from './projectInfo';
import { hover } from './hover';
import { inlayHints } from './inlayHints';

export function startServer(connection: Connection = createConnection(ProposedFeatures.all)) {
  const docs = new DocumentStore();
  let canConfigure = false;
  let pullDiagnostics = false;
  let refreshInlayHints = false;
  const settings = new SettingsCache(connection, () => canConfigure);
  const log = (msg: string) => connection.console.error(msg);
  const analyzer = new Analyzer(docs, settings, log);
  const timers = new Map<string, NodeJS.Timeout>();
  const parserReady = initParser();

  /** Wraps a handler so that a bug becomes one logged error and an empty answer, never a dead server. */
  function guard<A extends unknown[], R>(name: string, fallback: R, fn: (...a: A) => R | Promise<R>) {
    return async (...a: A): Promise<R> => {
      try {
        await parserReady;
        return await fn(...a);
      } catch (e) {
        log(`${name} failed: ${(e as Error)?.stack ?? e}`);
        return fallback;
      }
    };
  }

  /** Publishes the findings of the document's current version. With `reuseOnly`, only when the last analysis
   *  carries over to it (cheap): false when it does not. */
  async function publish(doc: Doc, reuseOnly = false): Promise<boolean> {
    const a = await analyzer.analyze(doc, reuseOnly);
    if (!a) return false;
    if (docs.get(doc.uri) !== doc || a.version !== doc.version) return true;
    await connection.sendDiagnostics({ uri: doc.uri, version: a.version, diagnostics: a.findings.map((f) => toDiagnostic(doc.uri, f)) });
    return true;
  }

  /** Push mode: analyze at once. In a large file an edit the last analysis cannot absorb is analyzed after a
   *  size-dependent pause in the typing; a newer change cancels what is pending. */
  function schedule(doc: Doc) {
    if (pullDiagnostics) return;
    clearTimeout(timers.get(doc.uri));
    const delay = debounceFor(doc);
    const run = (ms: number, reuseOnly: boolean) => timers.set(doc.uri, setTimeout(guard('diagnostics', undefined, async () => {
      timers.delete(doc.uri);
      const version = doc.version;
      if (!(await publish(doc, reuseOnly)) && reuseOnly && docs.get(doc.uri) === doc && doc.version === version) run(delay, false);
    }), ms));
    run(0, delay > 0);
  }

  function refreshAll() {
    analyzer.invalidateAll();
    if (pullDiagnostics) connection.languages.diagnostics.refresh().catch(() => undefined);
    else for (const d of docs.all()) schedule(d);
  }

  connection.onInitialize((params: InitializeParams): InitializeResult => {
    const caps = params.capabilities;
    canConfigure = !!caps.workspace?.configuration;
    pullDiagnostics = !!caps.textDocument?.diagnostic;
    refreshInlayHints = !!caps.workspace?.inlayHint?.refreshSupport;
    return {
      capabilities: {
        textDocumentSync: { openClose: true, change: TextDocumentSyncKind.Incremental, save: false },
        codeActionProvider: { codeActionKinds: [CodeActionKind.QuickFix, FIX_ALL_KIND], resolveProvider: false },
        hoverProvider: true,
        inlayHintProvider: true,
        ...(pullDiagnostics ? { diagnosticProvider: { identifier: 'gradio', interFileDependencies: false, workspaceDiagnostics: false } } : {}),
      },
      serverInfo: { name: 'gradio-language-server', version: typeof GRADIO_LSP_VERSION === 'string' ? GRADIO_LSP_VERSION : 'dev' },
    };
  });

  connection.onInitialized(() => {
    if (canConfigure) connection.client.register(DidChangeConfigurationNotification.type, { section: 'gradio' }).catch(() => undefined);
    connection.console.info(`gradio-language-server ready: ${RULES.length} rules`);
  });

  connection.onDidChangeConfiguration((p) => {
    // Clients that cannot answer workspace/configuration push their settings here instead.
    if (!canConfigure) settings.push((p?.settings as { gradio?: unknown } | null | undefined)?.gradio);
    settings.clear();
    refreshAll();
    if (refreshInlayHints) connection.languages.inlayHint.refresh().catch(() => undefined);
  });
  connection.onDidChangeWatchedFiles(() => refreshAll());

  connection.onDidOpenTextDocument(guard('didOpen', undefined, (p: DidOpenTextDocumentParams) => {
    const doc = docs.open(p.textDocument.uri, p.textDocument.text, p.textDocument.version);
    analyzer.forget(doc.uri);
    schedule(doc);
  }));
  connection.onDidChangeTextDocument(guard('didChange', undefined, (p: DidChangeTextDocumentParams) => {
    const doc = docs.change(p.textDocument.uri, p.contentChanges, p.textDocument.version);
    if (doc) schedule(doc);
  }));
  connection.onDidCloseTextDocument(guard('didClose', undefined, (p: DidCloseTextDocumentParams) => {
    clearTimeout(timers.get(p.textDocument.uri));
    timers.delete(p.textDocument.uri);
    docs.close(p.textDocument.uri);
    analyzer.forget(p.textDocument.uri);
    settings.forget(p.textDocument.uri);
    if (!pullDiagnostics) connection.sendDiagnostics({ uri: p.textDocument.uri, diagnostics: [] }).catch(() => undefined);
  }));

  connection.languages.diagnostics.on(guard<[DocumentDiagnosticParams], DocumentDiagnosticReport>('diagnostics', { kind: DocumentDiagnosticReportKind.Full, items: [] }, async (p) => {
    const doc = docs.get(p.textDocument.uri);
    const a = doc && await analyzer.analyze(doc);
    return { kind: DocumentDiagnosticReportKind.Full, items: a ? a.findings.map((f) => toDiagnostic(doc!.uri, f)) : [] };
  }));

  connection.onCodeAction(guard<[CodeActionParams], CodeAction[]>('codeAction', [], async (p) => {
    const doc = docs.get(p.textDocument.uri);
    if (!doc) return [];
    const s = await settings.get(doc.uri);
    return codeActions(p, doc, analyzer, s.fixAll);
  }));

  connection.onHover(guard<[HoverParams], Hover | null>('hover', null, async (p) => {
    const doc = docs.get(p.textDocument.uri);
    return doc ? hover(doc, p.position, analyzer, await settings.get(doc.uri)) : null;
  }));

  connection.languages.inlayHint.on(guard<[InlayHintParams], InlayHint[]>('inlayHint', [], async (p) => {
    const doc = docs.get(p.textDocument.uri);
    return doc ? inlayHints(doc, p.range, analyzer, await settings.get(doc.uri)) : [];
  }));

  connection.onRequest(PROJECT_INFO_REQUEST, guard('projectInfo', null, async (p: { uri: string }) => {
    const doc = docs.get(p.uri);
    return doc ? projectInfo(doc, analyzer, await settings.get(doc.uri)) : null;
  }));

  connection.listen();
  return connection;
}

declare const GRADIO_LSP_VERSION: string;

if (require.main === module) startServer();
