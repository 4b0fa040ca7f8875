// A rule that throws must not take the server down: the other rules still report, and the failure is logged once,
// not on every keystroke. The server runs in this process (startServer over in-memory streams) so that a throwing
// rule can be added to the registry for the test, with no test hook in the product.
import { after, before, describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { PassThrough } from 'node:stream';
import { createConnection, ProposedFeatures, StreamMessageReader, StreamMessageWriter } from 'vscode-languageserver/node';
import { RULES, type Rule } from '../../server/src/engine';
import { startServer } from '../../server/src/lsp/server';
import { TestClient } from '../lsp/client';

const FAULTY: Rule = {
  code: 'GR999',
  title: 'Always throws (test only)',
  docs: '',
  severity: 'error',
  versions: '*',
  check() { throw new Error('GR999 exploded'); },
};

const APP = 'import gradio as gr\n\nwith gr.Blocks() as demo:\n    name = gr.Textbox(lable="Name")\n\ndemo.launch()\n';

describe('a rule that throws', () => {
  let client: TestClient;
  const toServer = new PassThrough();
  const fromServer = new PassThrough();
  const server = createConnection(ProposedFeatures.all, new StreamMessageReader(toServer), new StreamMessageWriter(fromServer));

  before(async () => {
    (RULES as Rule[]).unshift(FAULTY);
    startServer(server);
    client = await TestClient.start({ streams: { fromServer, toServer } });
  });

  after(async () => {
    (RULES as Rule[]).splice((RULES as Rule[]).indexOf(FAULTY), 1);
    await client.stop();
    server.dispose();
    toServer.end();
    fromServer.end();
  });

  it('leaves the other rules reporting, in every version of the document', async () => {
    const uri = 'file:///faulty/app.py';
    await client.open(uri, APP);
    assert.deepEqual((await client.waitForDiagnostics(uri, 1)).map((d) => d.code), ['GR199']);
    for (let i = 0; i < 3; i++) {
      const v = await client.change(uri, APP.replace('lable', `lable${i}`));
      assert.deepEqual((await client.waitForDiagnostics(uri, v)).map((d) => d.code), ['GR199']);
    }
    const other = 'file:///faulty/other.py';
    await client.open(other, APP);
    assert.deepEqual((await client.waitForDiagnostics(other, 1)).map((d) => d.code), ['GR199']);
  });

  it('logs the failure once, with the rule and the error', () => {
    const lines = client.logs.filter((l) => l.message.includes('GR999'));
    assert.equal(lines.length, 1, lines.map((l) => l.message).join('\n'));
    assert.match(lines[0].message, /rule GR999 failed on file:\/\/\/faulty\/app\.py .*GR999 exploded/s);
  });

  it('still answers requests', async () => {
    const uri = 'file:///faulty/app.py';
    const diags = await client.waitForDiagnostics(uri);
    const actions = await client.codeActions(uri, diags[0].range, diags);
    assert.ok(actions.some((a) => a.title.startsWith('Suppress GR199')));
  });
});
