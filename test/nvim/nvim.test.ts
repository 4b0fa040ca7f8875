// The standalone server in a second real client: headless Neovim (0.7+) attaches `node dist/server.js --stdio`
// to a Gradio app with its built-in LSP client, and gradio_lsp.lua writes what Neovim received as JSON.
// Skipped when `nvim` is not installed (.ci/run installs Debian's neovim, so CI runs it).
import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

const root = join(__dirname, '..', '..');
const server = join(root, 'dist', 'server.js');
const script = join(__dirname, 'gradio_lsp.lua');
/** Each wait inside Neovim; the whole run is killed after RUN_TIMEOUT_MS, so a hang cannot stall CI. */
const WAIT_MS = 20_000;
const RUN_TIMEOUT_MS = 60_000;

const APP = `import gradio as gr


def describe(img):
    return f"{img.size[0]} x {img.size[1]} pixels"


with gr.Blocks() as demo:
    picture = gr.Image(type="pil")
    size = gr.Textbox(lable="Size")
    go = gr.Button("Measure")

go.click(describe, picture, size)

demo.launch()
`;

interface Diag { code: string; source: string; message: string; severity: number; lnum: number; col: number; end_lnum: number; end_col: number }
interface Result {
  nvim: string;
  error?: string;
  diagnostics?: Diag[];
  hover?: { position: { line: number; character: number }; text: string };
  code_actions?: string[];
  applied?: string;
  text_after_fix?: string;
  codes_after_fix?: string[];
  published?: { version: number; codes: string[] }[];
  server_exit?: { code: number; signal: number };
  steps: { name: string; ms: number }[];
  total_ms: number;
}

function nvimVersion(): string | undefined {
  const r = spawnSync('nvim', ['--version'], { encoding: 'utf8', timeout: 10_000 });
  return r.status === 0 ? r.stdout.split('\n')[0] : undefined;
}

const version = nvimVersion();
const skip = version ? false : 'nvim is not installed (apt-get install neovim, or run .ci/run): skipping the Neovim client test';

describe('Neovim as a client of the standalone server', { skip }, () => {
  it('shows diagnostics, a hover and applies a quick fix', { timeout: RUN_TIMEOUT_MS + 10_000 }, () => {
    assert.ok(existsSync(server), `${server} is missing: run npm run build first`);
    const dir = mkdtempSync(join(tmpdir(), 'gradio-nvim-'));
    try {
      const app = join(dir, 'app.py');
      const out = join(dir, 'result.json');
      writeFileSync(app, APP);
      const r = spawnSync('nvim', ['--headless', '--clean', '-c', `luafile ${script}`], {
        cwd: dir,
        encoding: 'utf8',
        timeout: RUN_TIMEOUT_MS,
        killSignal: 'SIGKILL',
        env: {
          ...process.env,
          GRADIO_NVIM_APP: app,
          GRADIO_NVIM_OUT: out,
          GRADIO_NVIM_SERVER: server,
          GRADIO_NVIM_NODE: process.execPath,
          GRADIO_NVIM_TIMEOUT_MS: String(WAIT_MS),
          GRADIO_NVIM_HOVER: 'Image',
          GRADIO_NVIM_TARGET: '5.49',
        },
      });
      const log = `${version}; exit ${r.status ?? r.signal}${r.error ? ` (${r.error.message})` : ''}\n${r.stdout}${r.stderr}`;
      assert.ok(existsSync(out), `Neovim wrote no result: ${log}`);
      const res = JSON.parse(readFileSync(out, 'utf8')) as Result;
      assert.equal(res.error, undefined, `the Lua script failed: ${res.error}\n${log}`);
      assert.equal(r.status, 0, log);

      // Diagnostics as Neovim's vim.diagnostic holds them, with the setting sent over workspace/configuration.
      const diags = res.diagnostics!;
      assert.deepEqual(diags.map((d) => d.code), ['GR199', 'GR203']);
      for (const d of diags) assert.equal(d.source, 'gradio');
      const kw = diags[0];
      assert.deepEqual([kw.lnum, kw.col, kw.end_lnum, kw.end_col], [9, 22, 9, 34], 'points at `lable="Size"`');
      assert.match(kw.message, /lable/);
      assert.match(kw.message, /5\.49/, 'gradio.targetVersion from the client settings is used');
      assert.match(diags[1].message, /outside a `with gr\.Blocks\(\)`/);

      // Hover on gr.Image(type="pil"): what the handler receives.
      assert.equal(res.hover!.position.line, 8);
      assert.match(res.hover!.text, /gr\.Image/);
      assert.match(res.hover!.text, /PIL\.Image\.Image/);
      assert.match(res.hover!.text, /type="pil"/);

      // Quick fix applied by Neovim's own workspace-edit code; the server re-analyzes the changed buffer.
      assert.ok(res.code_actions!.includes('Rename to `label=`'), res.code_actions!.join(' | '));
      assert.ok(res.code_actions!.includes('Suppress GR199 on this line'));
      assert.equal(res.applied, 'Rename to `label=`');
      assert.equal(res.text_after_fix, APP.replace('lable=', 'label='));
      assert.deepEqual(res.codes_after_fix, ['GR203']);
      assert.deepEqual(res.server_exit, { code: 0, signal: 0 }, 'the server shuts down cleanly on stop_client');
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });
});
