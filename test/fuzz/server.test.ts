// The running server (dist/server.js over stdio; `npm run build` first) against a client that misbehaves: changes
// before open, stale versions, ranges past the end, bogus URIs, garbage params, documents closed mid-analysis,
// requests for unknown documents; then random editing sessions (fast-check) over realistic apps. Invariants: the
// server answers every request within a time bound, never logs an exception for a well-formed message, publishes
// only ranges inside the document version they are for, offers only fixes that parse no worse, and stays alive.
import { after, before, describe, it } from 'node:test';
import assert from 'node:assert/strict';
import fc from 'fast-check';
import { ConfigurationRequest, type Diagnostic, type Range } from 'vscode-languageserver-protocol/node';
import { analyze, applyFix, initParser, LineIndex, resolveSettings, type TextEdit } from '../../server/src/engine';
import { TestClient, actionEdits } from '../lsp/client';
import { memoryHost, syntaxErrors } from '../helpers';
import { assertRangeInside, excerpt, TIME_BOUND_MS } from './invariants';
import { junk, loadSamples, mutate, mutation } from './generators';

const RUNS = Number(process.env.FUZZ_RUNS ?? 300);
const SEED = Number(process.env.FUZZ_SEED ?? 7_2024);
/** Editing sessions per run: each is a handful of operations, so fewer than the engine's cases. */
const SESSIONS = Math.max(4, Math.round(RUNS / 6));

const APP = 'import gradio as gr\n\nwith gr.Blocks() as demo:\n    name = gr.Textbox(lable="Name")\n\ndemo.launch(enable_queue=True)\n';
const APP_CODES = ['GR102', 'GR199'];

/** Resolves with the promise's value, or rejects when it takes longer than the time bound. */
function timely<T>(what: string, p: Promise<T>, ms = TIME_BOUND_MS): Promise<T> {
  return new Promise((resolve, reject) => {
    const t = setTimeout(() => reject(new Error(`${what}: no answer within ${ms} ms`)), ms);
    p.then((v) => { clearTimeout(t); resolve(v); }, (e) => { clearTimeout(t); reject(e); });
  });
}

/** Exceptions the server logged (its guard turns them into log lines: "<handler> failed: <stack>"). */
const failures = (c: TestClient) => c.logs.filter((l) => /\bfailed\b/.test(l.message)).map((l) => l.message);

function codes(diags: Diagnostic[]): string[] {
  return diags.map((d) => String(d.code)).sort();
}

/** The server still answers and analyzes: a fresh document gets its usual findings. */
async function assertAlive(c: TestClient, tag: string) {
  const uri = `file:///alive/${tag}.py`;
  await c.open(uri, APP);
  assert.deepEqual(codes(await c.waitForDiagnostics(uri, 1, TIME_BOUND_MS)), APP_CODES);
  await c.close(uri);
  assert.equal(c.proc?.exitCode ?? null, null, 'the server process is running');
}

before(() => initParser());

describe('server: a client that misbehaves', () => {
  let c: TestClient;
  before(async () => { c = await TestClient.start(); });
  after(() => c.stop());

  it('a change before the open is ignored; the open text is what gets analyzed', async () => {
    const uri = 'file:///abuse/early.py';
    await c.change(uri, 'import gradio as gr\ngr.Textbox(placholder="x")\n');
    await c.open(uri, APP, 1);
    assert.deepEqual(codes(await c.waitForDiagnostics(uri, 1)), APP_CODES);
    await c.close(uri);
  });

  it('stale versions are ignored; ranges past the end append', async () => {
    const uri = 'file:///abuse/stale.py';
    await c.open(uri, APP, 5);
    await c.waitForDiagnostics(uri, 5);
    // Version 3 is older than the document: dropped.
    await c.conn.sendNotification('textDocument/didChange', {
      textDocument: { uri, version: 3 }, contentChanges: [{ text: 'import gradio as gr\ngr.Button(frobnicate=1)\n' }],
    });
    const far: Range = { start: { line: 10_000, character: 99 }, end: { line: 20_000, character: 0 } };
    await c.conn.sendNotification('textDocument/didChange', {
      textDocument: { uri, version: 6 }, contentChanges: [{ range: far, text: 'gr.Markdown(valu="x")\n' }],
    });
    const diags = await c.waitForDiagnostics(uri, 6);
    assert.deepEqual(codes(diags), ['GR102', 'GR199', 'GR199']);
    const lines = new LineIndex(`${APP}gr.Markdown(valu="x")\n`);
    for (const d of diags) assertRangeInside(lines, d.range, String(d.code));
    // An inverted range (end before start) inserts at the start.
    await c.conn.sendNotification('textDocument/didChange', {
      textDocument: { uri, version: 7 }, contentChanges: [{ range: { start: { line: 3, character: 4 }, end: { line: 0, character: 0 } }, text: '#' }],
    });
    assert.ok(Array.isArray(await c.waitForDiagnostics(uri, 7)));
    await c.close(uri);
  });

  it('bogus URIs: analyzed or ignored, never a crash', async () => {
    const uris = [
      'untitled:Untitled-1', 'file:///C:/Users/x%20y/app.py', 'file:///%E0%A4%A', 'file://server/share/app.py', 'not a uri', '',
      'http://example.com/app.py', `file:///${'a'.repeat(5000)}.py`, 'file:///tmp/\u0000.py', 'vscode-notebook-cell:/x.ipynb#W0sZmlsZQ%3D%3D',
    ];
    for (const [i, uri] of uris.entries()) {
      await c.open(uri, APP, 1);
      assert.deepEqual(codes(await c.waitForDiagnostics(uri, 1)), APP_CODES, `uri #${i}`);
      await timely('hover', c.hover(uri, { line: 3, character: 10 }));
      await c.close(uri);
    }
    assert.deepEqual(failures(c), []);
  });

  it('requests for unknown documents get empty answers', async () => {
    const uri = 'file:///abuse/never-opened.py';
    assert.equal(await timely('hover', c.hover(uri, { line: 0, character: 0 })), null);
    const range = { start: { line: 0, character: 0 }, end: { line: 0, character: 0 } };
    assert.deepEqual(await timely('codeAction', c.codeActions(uri, range, [])), []);
    assert.deepEqual(await timely('fix-all', c.codeActions(uri, range, [], ['source.fixAll.gradio'])), []);
    assert.equal(await timely('projectInfo', c.conn.sendRequest('gradio/projectInfo', { uri })), null);
    await c.close(uri);
    assert.deepEqual(failures(c), []);
  });

  it('positions past the end, negative and fractional positions in requests', async () => {
    const uri = 'file:///abuse/positions.py';
    await c.open(uri, APP);
    const diags = await c.waitForDiagnostics(uri, 1);
    for (const position of [{ line: 9999, character: 0 }, { line: 0, character: 9999 }, { line: -1, character: -5 }, { line: 1.5, character: 0.5 }]) {
      await timely('hover', c.hover(uri, position));
      await timely('codeAction', c.codeActions(uri, { start: position, end: position }, diags));
    }
    await c.close(uri);
  });

  it('garbage params and unknown methods: every request answered, the server alive', async () => {
    const notifications: [string, unknown][] = [
      ['textDocument/didOpen', {}], ['textDocument/didOpen', { textDocument: null }], ['textDocument/didOpen', { textDocument: { uri: 7, text: null } }],
      ['textDocument/didChange', { textDocument: { uri: 5 }, contentChanges: 'x' }],
      ['textDocument/didChange', { textDocument: { uri: 'file:///g.py', version: 'two' }, contentChanges: [{ range: { start: { line: -1, character: NaN } }, text: 7 }] }],
      ['textDocument/didChange', { textDocument: { uri: 'file:///g.py', version: 2 }, contentChanges: [null] }],
      ['textDocument/didClose', {}], ['textDocument/didClose', null], ['textDocument/didSave', { junk: true }], ['$/cancelRequest', { id: 'nope' }],
      ['workspace/didChangeConfiguration', { settings: { gradio: { lint: { select: 5, severity: { GR199: 'fatal' } }, targetVersion: ['x'] } } }],
      ['workspace/didChangeWatchedFiles', { changes: 'all' }], ['gradio/unknownNotification', [1, 2, 3]],
    ];
    await c.open('file:///g.py', APP);
    for (const [method, params] of notifications) await c.conn.sendNotification(method, params);
    const requests: [string, unknown][] = [
      ['textDocument/hover', {}], ['textDocument/hover', { textDocument: { uri: 'file:///g.py' }, position: null }],
      ['textDocument/codeAction', { textDocument: { uri: 'file:///g.py' } }],
      ['textDocument/codeAction', { textDocument: { uri: 'file:///g.py' }, range: null, context: { diagnostics: [{ data: 'x', source: 'gradio', code: 'GR199' }] } }],
      ['gradio/projectInfo', {}], ['gradio/projectInfo', null], ['gradio/unknownRequest', { a: 1 }],
    ];
    for (const [method, params] of requests) {
      // An error response is an answer too; only silence (or a dead server) fails.
      await timely(method, c.conn.sendRequest(method, params).catch((e: Error) => e));
    }
    // Settings were changed to garbage above: the server falls back to defaults.
    await assertAlive(c, 'garbage');
  });
});

describe('server: documents closed while they are analyzed', () => {
  it('closed while the server waits for its settings: nothing is published after the clear', async () => {
    const c = await TestClient.start();
    try {
      let release!: () => void;
      const gate = new Promise<void>((r) => { release = r; });
      let asked!: () => void;
      const askedP = new Promise<void>((r) => { asked = r; });
      c.conn.onRequest(ConfigurationRequest.type, async (p) => { asked(); await gate; return p.items.map(() => ({})); });
      const uri = 'file:///closing/slow-settings.py';
      await c.open(uri, APP);
      await timely('configuration request', askedP);
      await c.close(uri);
      await c.waitForDiagnostics(uri);
      release();
      await new Promise((r) => setTimeout(r, 300));
      const published = c.published(uri);
      assert.ok(published.length >= 1 && published.every((p) => p.diagnostics.length === 0), JSON.stringify(published.map((p) => p.diagnostics.length)));
      assert.deepEqual(failures(c), []);
    } finally {
      await c.stop();
    }
  });

  it('a large document closed before its debounced analysis ran', async () => {
    const c = await TestClient.start();
    try {
      const uri = 'file:///closing/large.py';
      const big = APP + '\n'.repeat(10) + `x = [${'gr.Textbox(lable="y"), '.repeat(20_000)}]\n`;
      await c.open(uri, big);
      await c.close(uri);
      await new Promise((r) => setTimeout(r, 500));
      assert.ok(c.published(uri).every((p) => p.diagnostics.length === 0));
      // Reopened, it is analyzed again.
      await c.open(uri, APP, 2);
      assert.deepEqual(codes(await c.waitForDiagnostics(uri, 2)), APP_CODES);
      assert.deepEqual(failures(c), []);
    } finally {
      await c.stop();
    }
  });
});

/** One operation of a random editing session, on one of three documents. */
type Op =
  | { kind: 'open'; doc: number; sample: number; mutations: Parameters<typeof mutate>[1][] }
  | { kind: 'edit'; doc: number; at: number; len: number; text: string }
  | { kind: 'batch'; doc: number; edits: { at: number; len: number; text: string }[] }
  | { kind: 'replace'; doc: number; sample: number; mutations: Parameters<typeof mutate>[1][] }
  | { kind: 'stale'; doc: number }
  | { kind: 'past-end'; doc: number; text: string }
  | { kind: 'close'; doc: number }
  | { kind: 'hover'; doc: number; line: number; character: number }
  | { kind: 'fixes'; doc: number }
  | { kind: 'fix-all'; doc: number };

function opArbitrary(samples: number): fc.Arbitrary<Op> {
  const doc = fc.nat({ max: 2 });
  const sample = fc.nat({ max: samples - 1 });
  const mutations = fc.array(mutation, { maxLength: 3 });
  return fc.oneof(
    { weight: 3, arbitrary: fc.record({ kind: fc.constant('open' as const), doc, sample, mutations }) },
    { weight: 4, arbitrary: fc.record({ kind: fc.constant('edit' as const), doc, at: fc.nat(), len: fc.nat({ max: 40 }), text: fc.oneof(junk, fc.constant('')) }) },
    fc.record({ kind: fc.constant('replace' as const), doc, sample, mutations }),
    fc.record({ kind: fc.constant('batch' as const), doc, edits: fc.array(fc.record({ at: fc.nat(), len: fc.nat({ max: 20 }), text: junk }), { minLength: 2, maxLength: 4 }) }),
    fc.record({ kind: fc.constant('stale' as const), doc }),
    fc.record({ kind: fc.constant('past-end' as const), doc, text: junk }),
    fc.record({ kind: fc.constant('close' as const), doc }),
    fc.record({ kind: fc.constant('hover' as const), doc, line: fc.nat({ max: 80 }), character: fc.nat({ max: 120 }) }),
    { weight: 2, arbitrary: fc.record({ kind: fc.constant('fixes' as const), doc }) },
    fc.record({ kind: fc.constant('fix-all' as const), doc }),
  );
}

/** What the client knows of a document: the server applies the same edits the same way (clamped positions). */
interface Mirror { text: string; version: number }

function applyChange(text: string, range: Range, newText: string): string {
  const lines = new LineIndex(text);
  const start = lines.offsetAt(range.start);
  const end = Math.max(start, lines.offsetAt(range.end));
  return text.slice(0, start) + newText + text.slice(end);
}

describe('server: random editing sessions', () => {
  const samples = loadSamples();
  let c: TestClient;
  let session = 0;
  before(async () => { c = await TestClient.start(); });
  after(() => c.stop());

  it(`${SESSIONS} sessions of up to 10 operations`, async () => {
    await fc.assert(fc.asyncProperty(fc.array(opArbitrary(samples.length), { minLength: 1, maxLength: 10 }), async (ops) => {
      session++;
      const uri = (d: number) => `file:///session${session}/doc${d}.py`;
      const docs = new Map<number, Mirror>();
      /** The last version of each document closed in this session. */
      const closed = new Map<number, number>();
      const diagnosticsOf = async (d: number, m: Mirror) => {
        const diags = await c.waitForDiagnostics(uri(d), m.version, TIME_BOUND_MS);
        const lines = new LineIndex(m.text);
        for (const x of diags) {
          assertRangeInside(lines, x.range, `${x.code} on ${excerpt(m.text)}`);
          for (const r of x.relatedInformation ?? []) assertRangeInside(lines, r.location.range, `${x.code} related`);
        }
        // The server's incrementally edited tree sees what a fresh parse (the CLI) sees.
        const path = `/session${session}/doc${d}.py`;
        const fresh = analyze(m.text, resolveSettings(path, m.text, memoryHost()).options);
        const key = (code: unknown, r: Range, message: unknown) => `${code} ${r.start.line}:${r.start.character}-${r.end.line}:${r.end.character} ${message}`;
        assert.deepEqual(diags.map((x) => key(x.code, x.range, x.message)).sort(), fresh.map((f) => key(f.code, f.range, f.message)).sort(),
          `the server and a fresh analysis differ on ${excerpt(m.text)}`);
        return diags;
      };
      /** Sends changes as the next version of the document (the mirror is updated by the caller). */
      const send = async (d: number, m: Mirror, contentChanges: ({ range: Range; text: string } | { text: string })[]) => {
        m.version++;
        await c.conn.sendNotification('textDocument/didChange', { textDocument: { uri: uri(d), version: m.version }, contentChanges });
      };
      const checkEdits = (m: Mirror, edits: TextEdit[], what: string) => {
        const after = applyFix(m.text, { title: what, safe: false, edits });
        assert.ok(syntaxErrors(after) <= syntaxErrors(m.text), `${what} adds syntax errors to ${excerpt(m.text)}\nresult: ${excerpt(after)}`);
        return after;
      };
      try {
        for (const op of ops) {
          const m = docs.get(op.doc);
          switch (op.kind) {
            case 'open': case 'replace': {
              const text = op.mutations.reduce(mutate, samples[op.sample].text);
              if (op.kind === 'open' || !m) {
                // A reopened document goes on from the closed one's version: the server may still be publishing for
                // the closed one, and a client tells the two apart only by the version.
                const version = (m?.version ?? closed.get(op.doc) ?? 0) + 1;
                if (!m) c.clearDiagnostics(uri(op.doc));
                await c.open(uri(op.doc), text, version);
                docs.set(op.doc, { text, version });
              } else {
                await send(op.doc, m, [{ text }]);
                m.text = text;
              }
              break;
            }
            case 'edit': case 'past-end': {
              if (!m) break;
              const lines = new LineIndex(m.text);
              const start = op.kind === 'edit' ? op.at % (m.text.length + 1) : m.text.length;
              const range: Range = op.kind === 'edit'
                ? lines.range(start, Math.min(m.text.length, start + op.len))
                : { start: { line: lines.lineCount + 5, character: 3 }, end: { line: lines.lineCount + 9, character: 0 } };
              await send(op.doc, m, [{ range, text: op.text }]);
              m.text = applyChange(m.text, range, op.text);
              break;
            }
            case 'batch': {
              // Several changes in one notification, each relative to the text the previous one left.
              if (!m) break;
              const changes: { range: Range; text: string }[] = [];
              for (const e of op.edits) {
                const lines = new LineIndex(m.text);
                const start = e.at % (m.text.length + 1);
                const range = lines.range(start, Math.min(m.text.length, start + e.len));
                changes.push({ range, text: e.text });
                m.text = applyChange(m.text, range, e.text);
              }
              await send(op.doc, m, changes);
              break;
            }
            case 'stale': {
              if (!m || m.version < 2) break;
              await c.conn.sendNotification('textDocument/didChange', {
                textDocument: { uri: uri(op.doc), version: m.version - 1 }, contentChanges: [{ text: 'import gradio as gr\nstale(\n' }],
              });
              break;
            }
            case 'close':
              await c.close(uri(op.doc));
              if (m) closed.set(op.doc, m.version);
              docs.delete(op.doc);
              break;
            case 'hover':
              await timely('hover', c.hover(uri(op.doc), { line: op.line, character: op.character }));
              break;
            case 'fixes': {
              if (!m) break;
              const diags = await diagnosticsOf(op.doc, m);
              for (const d of diags.slice(0, 5)) {
                const actions = await timely('codeAction', c.codeActions(uri(op.doc), d.range, [d]));
                for (const a of actions) checkEdits(m, actionEdits(a), `"${a.title}" for ${d.code}`);
              }
              break;
            }
            case 'fix-all': {
              if (!m) break;
              await diagnosticsOf(op.doc, m);
              const zero = { start: { line: 0, character: 0 }, end: { line: 0, character: 0 } };
              const actions = await timely('fix-all', c.codeActions(uri(op.doc), zero, [], ['source.fixAll.gradio']));
              if (!actions.length) break;
              const fixed = checkEdits(m, actionEdits(actions[0]), 'fix-all');
              // Applied, the file has nothing left for fix-all to do.
              await send(op.doc, m, [{ text: fixed }]);
              m.text = fixed;
              await diagnosticsOf(op.doc, m);
              const again = await timely('fix-all', c.codeActions(uri(op.doc), zero, [], ['source.fixAll.gradio']));
              assert.deepEqual(again.map((a) => a.title), [], `fix-all is not idempotent on ${excerpt(m.text)}`);
              break;
            }
          }
        }
        for (const [d, m] of docs) await diagnosticsOf(d, m);
        assert.deepEqual(failures(c), []);
      } finally {
        for (const d of docs.keys()) await c.close(uri(d));
      }
    }), { seed: SEED, numRuns: SESSIONS, endOnFailure: true, includeErrorInReport: true });
    await assertAlive(c, 'sessions');
  });
});
