// The server and the CLI never run user code: they import nothing that executes code or starts processes, the engine
// touches the file system only through its FileHost (and parse.ts, for the wasm files), the FileHost caps what it
// reads, and project detection reads only project metadata files next to (or above) the checked file.
import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { mkdirSync, mkdtempSync, readdirSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { basename, join, relative, sep } from 'node:path';
import { resolveSettings, type FileHost } from '../../server/src/engine';
import { nodeFileHost } from '../../server/src/engine/nodeHost';

const SRC = join(__dirname, '..', '..', 'server', 'src');

function sources(dir: string): string[] {
  const out: string[] = [];
  for (const name of readdirSync(dir)) {
    const p = join(dir, name);
    if (statSync(p).isDirectory()) out.push(...sources(p));
    else if (name.endsWith('.ts')) out.push(p);
  }
  return out;
}

/** Module specifiers of a TypeScript file: static imports and exports, `require(...)` and `import(...)`. */
function imports(text: string): string[] {
  const out: string[] = [];
  for (const m of text.matchAll(/\b(?:import|export)\s[^'";]*?from\s*['"]([^'"]+)['"]|\bimport\s*['"]([^'"]+)['"]|\b(?:require|import)\s*\(\s*['"]([^'"]+)['"]\s*\)/g)) {
    out.push(m[1] ?? m[2] ?? m[3]);
  }
  return out;
}

const bare = (spec: string) => spec.replace(/^node:/, '');

/** Node modules that run code, start processes or threads, or open network connections. */
const EXECUTING = new Set(['child_process', 'vm', 'worker_threads', 'cluster', 'inspector', 'repl', 'module', 'wasi', 'net', 'http', 'https', 'http2', 'dgram', 'tls']);
const FS = new Set(['fs', 'fs/promises']);

describe('no user code runs', () => {
  const files = sources(SRC);
  const rel = (f: string) => relative(SRC, f).split(sep).join('/');

  it('finds the sources it checks', () => {
    assert.ok(files.some((f) => rel(f) === 'engine/analyze.ts') && files.some((f) => rel(f) === 'lsp/server.ts') && files.some((f) => rel(f) === 'cli.ts'));
  });

  it('the engine, the server and the CLI import nothing that executes code, starts processes or opens sockets', () => {
    for (const f of files) {
      for (const spec of imports(readFileSync(f, 'utf8'))) {
        assert.ok(!EXECUTING.has(bare(spec)), `${rel(f)} imports ${spec}`);
      }
    }
  });

  it('no eval, no new Function, no require or import of a computed name', () => {
    for (const f of files) {
      const text = readFileSync(f, 'utf8').replace(/\/\/.*$/gm, '').replace(/\/\*[\s\S]*?\*\//g, '');
      assert.doesNotMatch(text, /\beval\s*\(|\bnew\s+Function\s*\(|\bFunction\s*\(\s*['"`]/, `${rel(f)} evaluates code`);
      assert.doesNotMatch(text, /\b(?:require|import)\s*\(\s*[^'"\s)]/, `${rel(f)} loads a module by a computed name`);
    }
  });

  it('the engine reads files only through the FileHost (nodeHost.ts) and parse.ts (its wasm files)', () => {
    for (const f of files.filter((x) => rel(x).startsWith('engine/'))) {
      const usesFs = imports(readFileSync(f, 'utf8')).some((s) => FS.has(bare(s)));
      if (usesFs) assert.ok(['engine/nodeHost.ts', 'engine/parse.ts'].includes(rel(f)), `${rel(f)} imports the file system`);
    }
  });

  it('the server reads files only through the engine\'s FileHost', () => {
    for (const f of files.filter((x) => rel(x).startsWith('lsp/'))) {
      assert.ok(!imports(readFileSync(f, 'utf8')).some((s) => FS.has(bare(s))), `${rel(f)} imports the file system`);
    }
  });
});

describe('the FileHost', () => {
  const dir = mkdtempSync(join(tmpdir(), 'gradio-lsp-host-'));

  it('reads files up to its size cap, and larger ones as missing', () => {
    writeFileSync(join(dir, 'small.txt'), 'gradio==4.44.1\n');
    writeFileSync(join(dir, 'big.txt'), 'x'.repeat(2048));
    const host = nodeFileHost(1024);
    assert.equal(host.readFile(join(dir, 'small.txt')), 'gradio==4.44.1\n');
    assert.equal(host.readFile(join(dir, 'big.txt')), undefined);
    assert.equal(host.readFile(join(dir, 'missing.txt')), undefined);
    assert.equal(host.readFile(dir), undefined, 'a directory is not a file');
  });

  it('caps at 1 MiB by default', () => {
    writeFileSync(join(dir, 'requirements.txt'), `gradio==4.44.1\n${'#'.repeat(1 << 20)}\n`);
    assert.equal(nodeFileHost().readFile(join(dir, 'requirements.txt')), undefined);
  });

  it('never throws', () => {
    const host = nodeFileHost();
    for (const p of ['', '\0', '/nonexistent/dir/file', `${dir}/\uD800`, 'relative/path']) {
      assert.doesNotThrow(() => host.readFile(p));
      assert.doesNotThrow(() => host.readDir(p));
    }
  });
});

describe('project detection reads only project metadata', () => {
  it('requirements, pyproject, setup.cfg, environment.yml, the Spaces README and directory listings, nothing else', () => {
    const root = mkdtempSync(join(tmpdir(), 'gradio-lsp-project-'));
    const app = join(root, 'src', 'app');
    mkdirSync(app, { recursive: true });
    mkdirSync(join(root, '.git'));
    mkdirSync(join(root, '.venv', 'lib', 'python3.11', 'site-packages', 'gradio-4.44.1.dist-info'), { recursive: true });
    writeFileSync(join(root, '.venv', 'lib', 'python3.11', 'site-packages', 'gradio-4.44.1.dist-info', 'METADATA'), 'Name: gradio\n');
    writeFileSync(join(root, 'pyproject.toml'), '[project]\nname = "demo"\n\n[tool.gradio-lint]\nignore = ["GR003"]\n');
    writeFileSync(join(root, 'README.md'), '---\nsdk: gradio\nsdk_version: 5.49.1\n---\n');
    writeFileSync(join(app, 'helpers.py'), 'import os\nos.system("echo never read")\n');
    writeFileSync(join(app, 'app.py'), 'import gradio as gr\nimport helpers\n');
    writeFileSync(join(app, 'secrets.env'), 'TOKEN=x\n');
    const read: string[] = [];
    const listed: string[] = [];
    const inner = nodeFileHost();
    const host: FileHost = {
      readFile: (p) => { read.push(p); return inner.readFile(p); },
      readDir: (p) => { listed.push(p); return inner.readDir(p); },
    };
    const s = resolveSettings(join(app, 'app.py'), readFileSync(join(app, 'app.py'), 'utf8'), host, {});
    assert.ok(s.project.target.version, 'a version was detected');
    const allowed = /^(requirements.*\.txt|pyproject\.toml|setup\.cfg|environment\.ya?ml|README\.md|METADATA)$/i;
    for (const p of read) {
      assert.ok(allowed.test(basename(p)), `read ${p}`);
      assert.ok(p.startsWith(root + sep), `read outside the project (its root holds .git): ${p}`);
    }
    for (const p of listed) assert.ok(p.startsWith(root), `listed outside the project: ${p}`);
    assert.ok(!read.some((p) => p.endsWith('.py') || p.endsWith('.env')), 'source files and secrets are never read');
  });
});
