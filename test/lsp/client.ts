// A small LSP client for tests: spawns the bundled server (dist/server.js --stdio) and speaks the real protocol.
// Answers workspace/configuration from `settings`; collects published diagnostics per URI.
import { spawn, type ChildProcess } from 'node:child_process';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import {
  createProtocolConnection, StreamMessageReader, StreamMessageWriter, InitializeRequest, InitializedNotification,
  DidOpenTextDocumentNotification, DidChangeTextDocumentNotification, DidCloseTextDocumentNotification,
  PublishDiagnosticsNotification, ConfigurationRequest, ShutdownRequest, ExitNotification, HoverRequest,
  CodeActionRequest, DocumentDiagnosticRequest, InlayHintRequest, DidChangeConfigurationNotification, RegistrationRequest,
  type ProtocolConnection, type Diagnostic, type PublishDiagnosticsParams, type ClientCapabilities, type Hover,
  type CodeAction, type Command, type InlayHint, type Position, type Range, type TextDocumentContentChangeEvent,
  type DocumentDiagnosticReport, type LogMessageParams, LogMessageNotification,
} from 'vscode-languageserver-protocol/node';

export const SERVER = join(__dirname, '..', '..', 'dist', 'server.js');

export interface ClientOptions {
  /** Ask for pull diagnostics (textDocument/diagnostic) instead of push. */
  pull?: boolean;
  /** The `gradio` settings section returned for workspace/configuration. */
  settings?: Record<string, unknown>;
  /** Advertise workspace/configuration support (default true). */
  configuration?: boolean;
  /** Talk to a server running in this process over these streams instead of spawning dist/server.js. */
  streams?: { fromServer: NodeJS.ReadableStream; toServer: NodeJS.WritableStream };
}

export class TestClient {
  readonly conn: ProtocolConnection;
  readonly proc: ChildProcess | undefined;
  readonly logs: LogMessageParams[] = [];
  settings: Record<string, unknown>;
  private readonly diagnostics = new Map<string, PublishDiagnosticsParams[]>();
  private readonly waiters: { uri: string; version?: number; resolve: (p: PublishDiagnosticsParams) => void }[] = [];
  private versions = new Map<string, number>();

  private constructor(readonly opts: ClientOptions) {
    this.settings = opts.settings ?? {};
    if (opts.streams) {
      this.proc = undefined;
      this.conn = createProtocolConnection(new StreamMessageReader(opts.streams.fromServer), new StreamMessageWriter(opts.streams.toServer));
    } else {
      this.proc = spawn(process.execPath, [SERVER, '--stdio'], { stdio: ['pipe', 'pipe', 'pipe'] });
      this.proc.stderr!.on('data', () => undefined);
      this.conn = createProtocolConnection(new StreamMessageReader(this.proc.stdout!), new StreamMessageWriter(this.proc.stdin!));
    }
    this.conn.onNotification(PublishDiagnosticsNotification.type, (p) => {
      const list = this.diagnostics.get(p.uri) ?? [];
      list.push(p);
      this.diagnostics.set(p.uri, list);
      for (let i = this.waiters.length - 1; i >= 0; i--) {
        const w = this.waiters[i];
        if (w.uri === p.uri && (w.version === undefined || p.version === w.version)) {
          this.waiters.splice(i, 1);
          w.resolve(p);
        }
      }
    });
    this.conn.onNotification(LogMessageNotification.type, (p) => { this.logs.push(p); });
    this.conn.onRequest(ConfigurationRequest.type, (p) => p.items.map((i) => (i.section === 'gradio' ? this.settings : null)) as unknown[]);
    this.conn.onRequest(RegistrationRequest.type, () => undefined);
    this.conn.listen();
  }

  static async start(opts: ClientOptions = {}): Promise<TestClient> {
    const c = new TestClient(opts);
    const capabilities: ClientCapabilities = {
      workspace: { configuration: opts.configuration !== false, didChangeConfiguration: { dynamicRegistration: true } },
      textDocument: {
        publishDiagnostics: { relatedInformation: true, versionSupport: true, codeDescriptionSupport: true, dataSupport: true },
        hover: { contentFormat: ['markdown', 'plaintext'] },
        codeAction: { codeActionLiteralSupport: { codeActionKind: { valueSet: ['quickfix', 'source.fixAll'] } } },
        inlayHint: {},
        ...(opts.pull ? { diagnostic: { dynamicRegistration: false } } : {}),
      },
    };
    // In process, no parent pid: the server would watch it with a timer that keeps the test alive.
    await c.conn.sendRequest(InitializeRequest.type, { processId: opts.streams ? null : process.pid, rootUri: null, capabilities, workspaceFolders: null });
    await c.conn.sendNotification(InitializedNotification.type, {});
    return c;
  }

  static uri(path: string): string { return pathToFileURL(path).href; }

  async open(uri: string, text: string, version = 1) {
    this.versions.set(uri, version);
    await this.conn.sendNotification(DidOpenTextDocumentNotification.type, { textDocument: { uri, languageId: 'python', version, text } });
  }

  /** Sends one change (a range edit, or the full text when `range` is omitted) and returns the new version. */
  async change(uri: string, text: string, range?: Range): Promise<number> {
    const version = (this.versions.get(uri) ?? 0) + 1;
    this.versions.set(uri, version);
    const change: TextDocumentContentChangeEvent = range ? { range, text } : { text };
    await this.conn.sendNotification(DidChangeTextDocumentNotification.type, { textDocument: { uri, version }, contentChanges: [change] });
    return version;
  }

  async close(uri: string) {
    await this.conn.sendNotification(DidCloseTextDocumentNotification.type, { textDocument: { uri } });
  }

  /** Waits for published diagnostics of `uri` (of `version` when given), or takes an already received one. */
  waitForDiagnostics(uri: string, version?: number, timeoutMs = 10_000): Promise<Diagnostic[]> {
    const seen = this.diagnostics.get(uri)?.find((p) => version === undefined || p.version === version);
    if (seen) return Promise.resolve(seen.diagnostics);
    return new Promise((resolve, reject) => {
      const timer = setTimeout(() => reject(new Error(`no diagnostics for ${uri} v${version} within ${timeoutMs} ms`)), timeoutMs);
      this.waiters.push({ uri, version, resolve: (p) => { clearTimeout(timer); resolve(p.diagnostics); } });
    });
  }

  /** Every diagnostics notification received for `uri` (since the last `clearDiagnostics`), in order. */
  published(uri: string): PublishDiagnosticsParams[] {
    return [...(this.diagnostics.get(uri) ?? [])];
  }

  /** Forgets received diagnostics so that the next wait sees only new ones. */
  clearDiagnostics(uri?: string) {
    if (uri) this.diagnostics.delete(uri); else this.diagnostics.clear();
  }

  async pullDiagnostics(uri: string): Promise<Diagnostic[]> {
    const r: DocumentDiagnosticReport = await this.conn.sendRequest(DocumentDiagnosticRequest.type, { textDocument: { uri } });
    return r.kind === 'full' ? r.items : [];
  }

  hover(uri: string, position: Position): Promise<Hover | null> {
    return this.conn.sendRequest(HoverRequest.type, { textDocument: { uri }, position });
  }

  async codeActions(uri: string, range: Range, diagnostics: Diagnostic[], only?: string[]): Promise<CodeAction[]> {
    const r = await this.conn.sendRequest(CodeActionRequest.type, { textDocument: { uri }, range, context: { diagnostics, ...(only ? { only } : {}) } });
    return (r ?? []).filter((a): a is CodeAction => !('command' in a && typeof (a as Command).command === 'string'));
  }

  inlayHints(uri: string, range: Range): Promise<InlayHint[] | null> {
    return this.conn.sendRequest(InlayHintRequest.type, { textDocument: { uri }, range });
  }

  async changeSettings(settings: Record<string, unknown>) {
    this.settings = settings;
    await this.conn.sendNotification(DidChangeConfigurationNotification.type, { settings: { gradio: settings } });
  }

  async stop() {
    // An in-process server would end this process on `exit`: only the connection is closed.
    if (this.proc) {
      try {
        await Promise.race([this.conn.sendRequest(ShutdownRequest.type), new Promise((r) => setTimeout(r, 2000))]);
        await this.conn.sendNotification(ExitNotification.type);
      } catch { /* already gone */ }
    }
    this.conn.dispose();
    if (this.proc && this.proc.exitCode === null) this.proc.kill();
  }
}

/** Applies LSP text edits (non-overlapping) to a text. */
export function applyTextEdits(text: string, edits: { range: Range; newText: string }[]): string {
  const starts = [0];
  for (let i = 0; i < text.length; i++) if (text[i] === '\n') starts.push(i + 1);
  const off = (p: Position) => Math.min((starts[p.line] ?? text.length) + p.character, text.length);
  const sorted = [...edits].sort((a, b) => off(b.range.start) - off(a.range.start));
  for (const e of sorted) text = text.slice(0, off(e.range.start)) + e.newText + text.slice(off(e.range.end));
  return text;
}

/** All edits of a code action's workspace edit for one document. */
export function actionEdits(action: CodeAction): { range: Range; newText: string }[] {
  const dc = action.edit?.documentChanges ?? [];
  const out: { range: Range; newText: string }[] = [];
  for (const c of dc) if ('edits' in c) out.push(...c.edits.filter((e): e is { range: Range; newText: string } => 'range' in e));
  for (const edits of Object.values(action.edit?.changes ?? {})) out.push(...edits);
  return out;
}
