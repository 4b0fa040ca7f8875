// `gradio-lint check --fix` writes back only what it read: a file that is not valid UTF-8 (a Latin-1 comment) decoded
// to U+FFFD and was written back with those bytes replaced, outside any fix. Now it is left alone, with a warning;
// UTF-8 files keep their BOM and line breaks.
import { before, describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { initParser } from '../../server/src/engine';
import { main } from '../../server/src/cli';

const APP = 'import gradio as gr\n# café\ndemo = gr.Blocks()\ndemo.launch(enable_queue=True)\n';

/** Runs the CLI in this process with its output captured. */
async function run(argv: string[]): Promise<{ code: number; out: string; err: string }> {
  const out: string[] = [], err: string[] = [];
  const write = { out: process.stdout.write, err: process.stderr.write };
  process.stdout.write = ((s: string) => { out.push(String(s)); return true; }) as typeof process.stdout.write;
  process.stderr.write = ((s: string) => { err.push(String(s)); return true; }) as typeof process.stderr.write;
  try {
    return { code: await main(argv), out: out.join(''), err: err.join('') };
  } finally {
    process.stdout.write = write.out;
    process.stderr.write = write.err;
  }
}

before(() => initParser());

describe('gradio-lint check --fix and file encodings', () => {
  const dir = mkdtempSync(join(tmpdir(), 'gradio-lint-enc-'));

  it('leaves a file that is not valid UTF-8 byte for byte as it was, and says so', async () => {
    const file = join(dir, 'latin1.py');
    const bytes = Buffer.from(APP.replace('café', 'caf\u00e9'), 'latin1');
    writeFileSync(file, bytes);
    const r = await run(['check', file, '--fix']);
    assert.ok(readFileSync(file).equals(bytes), 'the file changed');
    assert.match(r.err, /latin1\.py is not valid UTF-8: no fixes written/);
    assert.match(r.out, /GR102/);
  });

  it('fixes a UTF-8 file, keeping its BOM and CRLF line breaks', async () => {
    const file = join(dir, 'bom.py');
    writeFileSync(file, `\uFEFF${APP.replace(/\n/g, '\r\n')}`);
    await run(['check', file, '--fix']);
    assert.equal(readFileSync(file, 'utf8'), `\uFEFF${APP.replace('enable_queue=True', '').replace(/\n/g, '\r\n')}`);
  });
});
