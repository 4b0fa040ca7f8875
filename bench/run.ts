// The benchmark (`npm run bench`, `npm run bench -- --corpus /work/corpus/6.25.0`): generated Gradio apps of 1k, 10k
// and 100k lines (and every .py file of the folders given with --corpus), each measured in this one process as the
// median of repeated runs of
//   parse    tree-sitter parse alone
//   analyze  analyze(): parse + model + every rule
//   edit     a one-character edit in a label, applied the way the server does it (Doc.applyChanges edits the old
//            tree, currentTree() re-parses incrementally, analyzeDoc() reuses the previous analysis when the edit
//            cannot change it, else analyzes afresh)
//   ruff     Ruff's check of the same text (@astral-sh/ruff-wasm-nodejs, its default settings), the reference
//   name edit  the same for a one-character edit in a variable's name: always a full analysis
// then the language server itself (dist/server.js --stdio, push diagnostics, default settings): didChange to
// publishDiagnostics latency at 1k and 10k lines, cold start to first diagnostics, and the server's memory while 200
// documents are opened and closed (three rounds). Prints a table and writes bench/results.json.
import { readdirSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { cpus } from 'node:os';
import { performance } from 'node:perf_hooks';
import { Workspace, PositionEncoding } from '@astral-sh/ruff-wasm-nodejs';
import { analyze, initParser, parse, type AnalysisState } from '../server/src/engine';
import { analyzeDoc } from '../server/src/lsp/analysis';
import { Doc } from '../server/src/lsp/documents';
import { TestClient } from '../test/lsp/client';
import { generateApp } from './generate';

const args = process.argv.slice(2);
const corpora = args.flatMap((a, i) => (a === '--corpus' && args[i + 1] ? [resolve(args[i + 1])] : []));
const quick = args.includes('--quick');
const skipLsp = args.includes('--no-lsp');
const lspOnly = args.includes('--lsp-only');
const sizesArg = args.indexOf('--sizes');
const SIZES = sizesArg >= 0 ? args[sizesArg + 1].split(',').map(Number) : [1000, 10000, 100000];

const median = (xs: number[]) => {
  const s = [...xs].sort((a, b) => a - b);
  const m = s.length >> 1;
  return s.length % 2 ? s[m] : (s[m - 1] + s[m]) / 2;
};
const round = (x: number, digits = 2) => Number(x.toFixed(digits));

/** Runs `fn` and returns its wall time and the process's CPU time (user + system, all threads) in ms. On a busy
 *  machine the wall time also counts the time other processes had the cores; the CPU time is the work itself.
 *  (No forced collection before a run: a full GC leaves the heap colder and concurrent sweeping running, which
 *  made the next run slower, not fairer.) */
function time(fn: () => void): { wall: number; cpu: number } {
  const c0 = process.cpuUsage();
  const t0 = performance.now();
  fn();
  const wall = performance.now() - t0;
  const c = process.cpuUsage(c0);
  return { wall, cpu: (c.user + c.system) / 1000 };
}

type Timing = { wall: number; cpu: number };
const medianOf = (xs: Timing[]) => ({ wall: round(median(xs.map((x) => x.wall))), cpu: round(median(xs.map((x) => x.cpu))) });

/** Where the one-character edit goes and what it types: an `x` inside the `label="` string nearest the middle of the
 *  file (typing in a label), else a space at the end of the middle line. */
function editPoint(text: string): { line: number; character: number; typed: string } {
  const lines = text.split('\n');
  const mid = lines.length >> 1;
  for (let d = 0; d < lines.length; d++) {
    for (const l of [mid + d, mid - d]) {
      const c = lines[l]?.indexOf('label="') ?? -1;
      if (c >= 0) return { line: l, character: c + 'label="'.length, typed: 'x' };
    }
  }
  return { line: mid, character: (lines[mid] ?? '').replace(/\r$/, '').length, typed: ' ' };
}

/** Where the other one-character edit goes: before the name a component is bound to, nearest the middle
 *  (`    box = gr.Textbox(` becomes `    xbox = ...`): the model changes, nothing can be reused. */
function nameEditPoint(text: string): { line: number; character: number } | undefined {
  const lines = text.split('\n');
  const mid = lines.length >> 1;
  for (let d = 0; d < lines.length; d++) {
    for (const l of [mid + d, mid - d]) {
      const m = /^(\s*)[a-z_]\w* = gr\.[A-Z]/.exec(lines[l] ?? '');
      if (m) return { line: l, character: m[1].length };
    }
  }
  return undefined;
}

interface Workload { name: string; texts: string[]; lines: number; nominal?: number }
interface Row {
  name: string; lines: number; nominal?: number; files: number; findings: number;
  /** Medians of wall time. */
  parseMs: number; analyzeMs: number; editMs: number; ruffMs: number;
  /** The edit in a name (a full re-analysis). */
  editNameMs: number;
  /** Medians of CPU time. */
  cpu: { parseMs: number; analyzeMs: number; editMs: number; ruffMs: number; editNameMs: number };
}

/** Measures one workload (one text, or a corpus of files measured as one pass over all of them). */
function measure(w: Workload, ruff: Workspace, reps: number, warmup = 5): Row {
  const docs = w.texts.map((t, i) => new Doc(`file:///bench/${i}.py`, t, 1));
  const points = w.texts.map(editPoint);
  const named = w.texts.flatMap((t, i) => { const at = nameEditPoint(t); return at ? [{ doc: new Doc(`file:///bench/n${i}.py`, t, 1), at }] : []; });
  const namedStates: ({ state: AnalysisState; generation: number } | undefined)[] = named.map(() => undefined);
  let version = 1;
  let inserted = false;
  const passes = { parse: [] as Timing[], analyze: [] as Timing[], edit: [] as Timing[], ruff: [] as Timing[], editName: [] as Timing[] };
  let findings = 0;
  const states: ({ state: AnalysisState; generation: number } | undefined)[] = docs.map(() => undefined);
  for (const d of docs) d.currentTree();
  // Warm-up (JIT, wasm tiers, caches), then measured passes; the four measurements are interleaved so that a load
  // spike on the machine hits all of them alike.
  for (let rep = -warmup; rep < reps; rep++) {
    const p = time(() => { for (const t of w.texts) parse(t).delete(); });
    const a = time(() => { findings = 0; for (const t of w.texts) findings += analyze(t).length; });
    version++;
    const e = time(() => {
      docs.forEach((d, i) => {
        const { typed, ...at } = points[i];
        const change = inserted
          ? { range: { start: at, end: { line: at.line, character: at.character + 1 } }, text: '' }
          : { range: { start: at, end: at }, text: typed };
        d.applyChanges([change], version);
        states[i] = { state: analyzeDoc(d, states[i], {}), generation: d.generation };
      });
    });
    const n = time(() => {
      named.forEach(({ doc, at }, i) => {
        const change = inserted
          ? { range: { start: at, end: { line: at.line, character: at.character + 1 } }, text: '' }
          : { range: { start: at, end: at }, text: 'x' };
        doc.applyChanges([change], version);
        namedStates[i] = { state: analyzeDoc(doc, namedStates[i], {}), generation: doc.generation };
      });
    });
    inserted = !inserted;
    const r = time(() => { for (const t of w.texts) ruff.check(t); });
    if (rep < 0) continue;
    passes.parse.push(p); passes.analyze.push(a); passes.edit.push(e); passes.ruff.push(r); passes.editName.push(n);
  }
  for (const d of [...docs, ...named.map((x) => x.doc)]) d.dispose();
  const [p, a, e, r, n] = [passes.parse, passes.analyze, passes.edit, passes.ruff, passes.editName].map(medianOf);
  return {
    name: w.name, lines: w.lines, nominal: w.nominal, files: w.texts.length, findings,
    parseMs: p.wall, analyzeMs: a.wall, editMs: e.wall, ruffMs: r.wall, editNameMs: n.wall,
    cpu: { parseMs: p.cpu, analyzeMs: a.cpu, editMs: e.cpu, ruffMs: r.cpu, editNameMs: n.cpu },
  };
}

function pyFiles(dir: string): string[] {
  const out: string[] = [];
  for (const name of readdirSync(dir).sort()) {
    const p = join(dir, name);
    const st = statSync(p);
    if (st.isDirectory()) out.push(...pyFiles(p));
    else if (name.endsWith('.py')) out.push(p);
  }
  return out;
}

const countLines = (t: string) => t.split('\n').length - (t.endsWith('\n') ? 1 : 0);

// ---- LSP ------------------------------------------------------------------------------------------------------

function procStatus(pid: number | undefined, key: 'VmRSS' | 'VmHWM'): number {
  if (!pid) return NaN;
  try {
    const m = new RegExp(`^${key}:\\s+(\\d+) kB`, 'm').exec(readFileSync(`/proc/${pid}/status`, 'utf8'));
    return m ? Number(m[1]) / 1024 : NaN;
  } catch { return NaN; }
}

/** didChange -> publishDiagnostics of that version, one-character edits alternately typed and deleted. */
async function changeLatency(c: TestClient, uri: string, text: string, edits: number, warmup: number): Promise<number> {
  await c.open(uri, text, 1);
  await c.waitForDiagnostics(uri, 1, 60_000);
  const { typed, ...at } = editPoint(text);
  const times: number[] = [];
  for (let k = 0; k < edits + warmup; k++) {
    const range = k % 2 === 0 ? { start: at, end: at } : { start: at, end: { line: at.line, character: at.character + 1 } };
    const t0 = performance.now();
    const v = await c.change(uri, k % 2 === 0 ? typed : '', range);
    await c.waitForDiagnostics(uri, v, 60_000);
    if (k >= warmup) times.push(performance.now() - t0);
    // A short pause, as between keystrokes.
    await new Promise((r) => setTimeout(r, 20));
  }
  await c.close(uri);
  c.clearDiagnostics(uri);
  return median(times);
}

async function coldStart(text: string): Promise<{ ms: number; rssMb: number }> {
  const t0 = performance.now();
  const c = await TestClient.start();
  const uri = TestClient.uri('/bench/cold.py');
  await c.open(uri, text, 1);
  await c.waitForDiagnostics(uri, 1, 60_000);
  const ms = performance.now() - t0;
  const rssMb = procStatus(c.proc?.pid, 'VmRSS');
  await c.stop();
  return { ms, rssMb };
}

async function lspBench(apps: Map<number, string>) {
  const colds: number[] = [];
  for (let i = 0; i < (quick ? 2 : 5); i++) colds.push((await coldStart(apps.get(1000)!)).ms);

  const c = await TestClient.start();
  const pid = c.proc?.pid;
  // The server is a fresh process: the first edits also compile it (JIT); typing is measured once it is warm.
  const change1k = await changeLatency(c, TestClient.uri('/bench/app1k.py'), apps.get(1000)!, quick ? 10 : 40, 30);
  const change10k = await changeLatency(c, TestClient.uri('/bench/app10k.py'), apps.get(10000)!, quick ? 5 : 20, 5);

  // 200 documents opened (each analyzed) and closed, five times: the resident size after each round must level off.
  const texts = Array.from({ length: 10 }, (_, s) => generateApp(1000, s + 2));
  const rssAfterRounds: number[] = [];
  const rssBefore = procStatus(pid, 'VmRSS');
  for (let roundNo = 0; roundNo < (quick ? 3 : 5); roundNo++) {
    for (let k = 0; k < 200; k++) {
      const uri = TestClient.uri(`/bench/open/${k}.py`);
      await c.open(uri, texts[k % texts.length], 1);
      await c.waitForDiagnostics(uri, 1, 60_000);
      await c.close(uri);
      c.clearDiagnostics(uri);
    }
    await new Promise((r) => setTimeout(r, 200));
    rssAfterRounds.push(round(procStatus(pid, 'VmRSS'), 1));
  }
  const peak = procStatus(pid, 'VmHWM');
  await c.stop();
  return {
    changeToDiagnosticsMs: { '1000': round(change1k), '10000': round(change10k) },
    coldStartMs: round(median(colds), 1),
    openClose200: { rssBeforeMb: round(rssBefore, 1), rssAfterRoundsMb: rssAfterRounds },
    serverPeakRssMb: round(peak, 1),
  };
}

// ---- main -----------------------------------------------------------------------------------------------------

async function main() {
  await initParser();
  const ruff = new Workspace(Workspace.defaultSettings(), PositionEncoding.Utf16);
  const apps = new Map([...new Set([...SIZES, 1000, 10000])].map((n) => [n, generateApp(n)]));
  const rows: Row[] = [];
  // Warm up first (JIT and wasm tier-up): otherwise the first workload measured pays for it.
  if (!lspOnly) measure({ name: 'warm-up', texts: [apps.get(1000)!], lines: 0 }, ruff, 0, quick ? 10 : 30);
  for (const n of lspOnly ? [] : SIZES) {
    const text = apps.get(n)!;
    const reps = quick ? 3 : n >= 100000 ? 7 : n >= 10000 ? 15 : 31;
    const warmup = n >= 100000 ? 1 : n >= 10000 ? 3 : 8;
    rows.push(measure({ name: `generated ${n / 1000}k`, texts: [text], lines: countLines(text), nominal: n }, ruff, reps, warmup));
    process.stderr.write(`measured ${n} lines\n`);
  }
  const corpusRows: Row[] = [];
  for (const dir of lspOnly ? [] : corpora) {
    const texts = pyFiles(dir).map((p) => readFileSync(p, 'utf8'));
    const lines = texts.reduce((s, t) => s + countLines(t), 0);
    corpusRows.push(measure({ name: `corpus ${dir}`, texts, lines }, ruff, quick ? 3 : 9));
    process.stderr.write(`measured ${dir}\n`);
  }
  const lsp = skipLsp ? undefined : await lspBench(apps);
  const benchPeakRssMb = round(process.resourceUsage().maxRSS / 1024, 1);

  const header = ['workload', 'lines', 'parse ms', 'analyze ms', 'analyze/parse', 'edit ms', 'ruff ms', 'edit/ruff', 'name edit ms'];
  const cell = (wall: number, cpu: number) => `${wall.toFixed(1)} (${cpu.toFixed(1)})`;
  const table = [...rows, ...corpusRows].map((r) => [
    r.files > 1 ? `${r.name} (${r.files} files)` : r.name, String(r.lines), cell(r.parseMs, r.cpu.parseMs), cell(r.analyzeMs, r.cpu.analyzeMs),
    `${(r.analyzeMs / r.parseMs).toFixed(2)} (${(r.cpu.analyzeMs / r.cpu.parseMs).toFixed(2)})`, cell(r.editMs, r.cpu.editMs), cell(r.ruffMs, r.cpu.ruffMs),
    `${(r.editMs / r.ruffMs).toFixed(2)} (${(r.cpu.editMs / r.cpu.ruffMs).toFixed(2)})`, cell(r.editNameMs, r.cpu.editNameMs),
  ]);
  const widths = header.map((h, i) => Math.max(h.length, ...table.map((r) => r[i].length)));
  const line = (cells: string[]) => `| ${cells.map((c, i) => (i === 0 ? c.padEnd(widths[i]) : c.padStart(widths[i]))).join(' | ')} |`;
  console.log(line(header));
  console.log(`|${widths.map((w, i) => (i === 0 ? '-'.repeat(w + 2) : `${'-'.repeat(w + 1)}:`)).join('|')}|`);
  for (const r of table) console.log(line(r));
  console.log('Medians of wall time, CPU time in parentheses (ms).');
  if (lsp) {
    console.log('');
    console.log(`LSP didChange -> publishDiagnostics: 1k lines ${lsp.changeToDiagnosticsMs['1000']} ms, 10k lines ${lsp.changeToDiagnosticsMs['10000']} ms`);
    console.log(`LSP cold start -> first diagnostics (1k lines): ${lsp.coldStartMs} ms`);
    console.log(`LSP 200 documents opened and closed x${lsp.openClose200.rssAfterRoundsMb.length}: RSS ${lsp.openClose200.rssBeforeMb} MB before, ${lsp.openClose200.rssAfterRoundsMb.join(' / ')} MB after each round; server peak RSS ${lsp.serverPeakRssMb} MB`);
  }
  console.log(`Benchmark process peak RSS: ${benchPeakRssMb} MB`);
  console.log('');
  console.log('Goals (wall medians; CPU medians in parentheses):');
  const mark = (ok: boolean) => (ok ? 'met    ' : 'NOT met');
  for (const r of rows) {
    if (r.nominal === 1000 || r.nominal === 10000) {
      console.log(`  ${mark(r.editMs <= r.ruffMs)} edit <= ruff at ${r.nominal / 1000}k: ${r.editMs} vs ${r.ruffMs} ms (${r.cpu.editMs} vs ${r.cpu.ruffMs})`);
    }
    if (r.nominal === 10000) console.log(`  ${mark(r.editMs <= 30)} edit <= 30 ms at 10k: ${r.editMs} ms (${r.cpu.editMs})`);
    console.log(`  ${mark(r.analyzeMs <= 1.5 * r.parseMs)} analyze <= 1.5 x parse at ${r.nominal! / 1000}k: ${(r.analyzeMs / r.parseMs).toFixed(2)}x (${(r.cpu.analyzeMs / r.cpu.parseMs).toFixed(2)}x)`);
  }
  if (lsp) {
    console.log(`  ${mark(lsp.changeToDiagnosticsMs['1000'] <= 16)} LSP change -> diagnostics <= 16 ms at 1k: ${lsp.changeToDiagnosticsMs['1000']} ms`);
    const r = lsp.openClose200.rssAfterRoundsMb;
    console.log(`  ${mark(r[r.length - 1] <= r[0] * 1.25)} memory bounded over ${r.length} x 200 opened/closed documents: ${r.join(' / ')} MB`);
  }
  console.log(`Machine: ${cpus().length} cores (${cpus()[0]?.model.trim()}), Node ${process.version}, Ruff ${Workspace.version()}`);

  const results = {
    sizes: rows.map((r) => ({ lines: r.nominal, actualLines: r.lines, parseMs: r.parseMs, analyzeMs: r.analyzeMs, editMs: r.editMs, ruffMs: r.ruffMs, editNameMs: r.editNameMs, cpu: r.cpu })),
    corpora: corpusRows.map((r) => ({ dir: r.name.replace(/^corpus /, ''), files: r.files, lines: r.lines, parseMs: r.parseMs, analyzeMs: r.analyzeMs, editMs: r.editMs, ruffMs: r.ruffMs, editNameMs: r.editNameMs, cpu: r.cpu })),
    lsp: lsp && { changeToDiagnosticsMs: lsp.changeToDiagnosticsMs, coldStartMs: lsp.coldStartMs, openClose200: lsp.openClose200 },
    // The language server's peak resident size over the LSP runs (the benchmark process's own peak beside it).
    peakRssMb: lsp?.serverPeakRssMb ?? benchPeakRssMb,
    benchPeakRssMb,
    machine: { cores: cpus().length, cpu: cpus()[0]?.model.trim(), node: process.version, ruff: Workspace.version() },
  };
  writeFileSync(join(__dirname, 'results.json'), JSON.stringify(results, null, 2) + '\n');
}

main().catch((e) => { console.error(e); process.exit(1); });
