// `npm run test:vscode`: bundles the mocha suite in ./suite with esbuild into .cache/vscode-test/suite, copies the
// fixture workspace, downloads VS Code with @vscode/test-electron (cached in .cache/vscode-test/vscode) and runs the
// suite inside it with this repository as the extension under development. Needs dist/ (npm run build) and, on
// Linux without a display, a virtual one: `xvfb-run -a npm run test:vscode`.
// Env: VSCODE_TEST_VERSION (default "stable"; e.g. "1.91.0" for the oldest supported release).
// `npm run test:vscode -- --code-server` runs the same suite in code-server instead (no download; see codeServer.ts).
import { cpSync, mkdirSync, rmSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { build } from 'esbuild';
import { runTests } from '@vscode/test-electron';
import { runInCodeServer } from './codeServer';

const root = resolve(__dirname, '..', '..');
const out = join(root, '.cache', 'vscode-test');

async function main() {
  const started = Date.now();
  const suiteDir = join(out, 'suite');
  rmSync(suiteDir, { recursive: true, force: true });
  await build({
    entryPoints: { index: join(__dirname, 'suite', 'index.ts'), 'extension.test': join(__dirname, 'suite', 'extension.test.ts') },
    outdir: suiteDir,
    bundle: true,
    platform: 'node',
    target: 'node20',
    format: 'cjs',
    sourcemap: 'inline',
    external: ['vscode', 'mocha'],
    logLevel: 'warning',
  });

  // A fresh copy of the fixture workspace and a fresh profile: the tests edit documents, nothing leaks between runs.
  const workspace = join(out, 'workspace');
  const userData = join(out, 'user-data');
  rmSync(workspace, { recursive: true, force: true });
  rmSync(userData, { recursive: true, force: true });
  cpSync(join(__dirname, 'workspace'), workspace, { recursive: true });
  mkdirSync(userData, { recursive: true });

  if (process.argv.includes('--code-server')) {
    const runDir = join(out, 'code-server');
    rmSync(runDir, { recursive: true, force: true });
    mkdirSync(runDir, { recursive: true });
    const code = await runInCodeServer({ root, workspace, extensionDevelopmentPath: root, extensionTestsPath: join(suiteDir, 'index.js'), runDir });
    if (code !== 0) throw new Error(`exit code ${code}; logs in ${runDir}`);
  } else {
    await runTests({
      version: process.env.VSCODE_TEST_VERSION || 'stable',
      cachePath: join(out, 'vscode'),
      extensionDevelopmentPath: root,
      extensionTestsPath: join(suiteDir, 'index.js'),
      launchArgs: [
        workspace,
        '--disable-extensions',
        '--disable-workspace-trust',
        '--skip-welcome',
        '--skip-release-notes',
        `--user-data-dir=${userData}`,
      ],
    });
  }
  console.log(`VS Code tests passed in ${((Date.now() - started) / 1000).toFixed(1)} s`);
}

main().catch((err: unknown) => {
  console.error('VS Code tests failed:', err instanceof Error ? err.message : err);
  process.exit(1);
});
