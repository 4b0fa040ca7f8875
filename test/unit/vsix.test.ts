// The .vsix holds only what runs: bundles, wasm, snippets, grammars, rule docs, README, LICENSE, icon.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import { mkdtempSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

const root = join(__dirname, '..', '..');

test('vsce packages only the runtime files, under 2 MB', { timeout: 180_000 }, () => {
  const out = join(mkdtempSync(join(tmpdir(), 'vsix-')), 'gradio-lsp.vsix');
  execFileSync(process.execPath, [require.resolve('@vscode/vsce/vsce'), 'package', '--no-dependencies', '--out', out], { cwd: root, stdio: 'pipe' });
  const listing = execFileSync('unzip', ['-Z1', out], { encoding: 'utf8' }).trim().split('\n');
  const files = listing.filter((f) => f.startsWith('extension/')).map((f) => f.slice('extension/'.length)).sort();
  const allowed = [
    /^package\.json$/, /^readme\.md$/, /^LICENSE\.txt$/, /^images\/icon\.png$/,
    /^dist\/(extension|server|cli)\.js$/, /^dist\/(web-tree-sitter|tree-sitter-python)\.wasm$/,
    /^snippets\/gradio\.json$/, /^syntaxes\/[\w-]+\.tmLanguage\.json$/, /^docs\/rules\/(GR\d{3}|README)\.md$/,
  ];
  for (const f of files) assert.ok(allowed.some((re) => re.test(f)), `unexpected file in the vsix: ${f}`);
  for (const must of ['package.json', 'dist/extension.js', 'dist/server.js', 'dist/web-tree-sitter.wasm', 'dist/tree-sitter-python.wasm', 'snippets/gradio.json']) {
    assert.ok(files.includes(must), `${must} missing from the vsix`);
  }
  assert.ok(!files.some((f) => f.endsWith('.map') || f.endsWith('.ts')), 'no sources or source maps');
  const size = statSync(out).size;
  assert.ok(size < 2 * 1024 * 1024, `vsix is ${(size / 1024).toFixed(0)} KiB`);
});
