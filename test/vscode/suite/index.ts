// Mocha entry point that VS Code's extension host calls (`extensionTestsPath`): runs every *.test.js bundled beside
// this file. Bundled by ../runTest.ts into .cache/vscode-test/suite/; `mocha` and `vscode` stay external.
import { appendFileSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import { format } from 'node:util';
import Mocha from 'mocha';

export function run(): Promise<void> {
  // Under code-server (../codeServer.ts) the extension host's console goes to the browser: copy the report to a file.
  const logFile = process.env.GRADIO_VSCODE_TEST_LOG;
  if (logFile) {
    const log = Mocha.reporters.Base.consoleLog;
    Mocha.reporters.Base.consoleLog = (...args) => { appendFileSync(logFile, `${format(...args)}\n`); log(...args); };
  }
  const mocha = new Mocha({ ui: 'tdd', color: !logFile, timeout: 60_000, reporter: 'spec' });
  for (const f of readdirSync(__dirname).filter((f) => f.endsWith('.test.js')).sort()) mocha.addFile(join(__dirname, f));
  return new Promise((resolve, reject) => {
    mocha.run((failures) => (failures ? reject(new Error(`${failures} VS Code test(s) failed`)) : resolve()));
  });
}
