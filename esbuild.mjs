// Bundles the extension, the language server and the CLI into dist/, and copies the two tree-sitter wasm files.
import { build } from 'esbuild';
import { copyFileSync, mkdirSync, readFileSync, chmodSync } from 'node:fs';
import { createRequire } from 'node:module';

const require = createRequire(import.meta.url);
const pkg = JSON.parse(readFileSync('package.json', 'utf8'));
const common = {
  bundle: true,
  platform: 'node',
  target: 'node20',
  format: 'cjs',
  sourcemap: true,
  minify: process.argv.includes('--minify'),
  logLevel: 'warning',
  // web-tree-sitter's ESM build relies on import.meta.url, which a CJS bundle silently breaks: use its CJS build.
  alias: { 'web-tree-sitter': new URL('./node_modules/web-tree-sitter/web-tree-sitter.cjs', import.meta.url).pathname },
  define: { GRADIO_LSP_VERSION: JSON.stringify(pkg.version) },
};

mkdirSync('dist', { recursive: true });
await Promise.all([
  build({ ...common, entryPoints: { extension: 'client/src/extension.ts' }, outdir: 'dist', external: ['vscode'] }),
  build({ ...common, entryPoints: { server: 'server/src/lsp/server.ts', cli: 'server/src/cli.ts' }, outdir: 'dist',
    banner: { js: '#!/usr/bin/env node' } }),
]);
copyFileSync(require.resolve('web-tree-sitter/web-tree-sitter.wasm'), 'dist/web-tree-sitter.wasm');
copyFileSync('node_modules/tree-sitter-python/tree-sitter-python.wasm', 'dist/tree-sitter-python.wasm');
chmodSync('dist/cli.js', 0o755);
chmodSync('dist/server.js', 0o755);
