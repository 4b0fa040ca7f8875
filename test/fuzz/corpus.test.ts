// Fix safety on Gradio's own demo apps: every fix offered on every demo, applied alone, must leave a file that parses
// no worse and that no longer has the finding (one fewer of its code); fix-all must parse no worse and be idempotent.
// The demos are not part of this repository: point GRADIO_CORPUS at a folder of extracted releases
// (GRADIO_CORPUS/<version>/demo/<name>/run.py, e.g. /work/corpus) and run `npm run test:corpus`. Skipped otherwise.
import { before, describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { basename, join } from 'node:path';
import { analyze, applyFix, fixAll, initParser, normalizeVersion, type AnalyzeOptions } from '../../server/src/engine';
import { syntaxErrors } from '../helpers';
import { assertFindingsInside } from './invariants';

const CORPUS = process.env.GRADIO_CORPUS;

/** Releases in the corpus folder: its subfolders that hold a demo/ folder (or the folder itself). */
function releases(root: string): { version: string; dir: string }[] {
  if (existsSync(join(root, 'demo'))) return [{ version: basename(root), dir: root }];
  return readdirSync(root).filter((v) => existsSync(join(root, v, 'demo'))).sort().map((v) => ({ version: v, dir: join(root, v) }));
}

function demos(dir: string): { name: string; text: string }[] {
  return readdirSync(join(dir, 'demo')).sort()
    .map((name) => ({ name, path: join(dir, 'demo', name, 'run.py') }))
    .filter((d) => existsSync(d.path))
    .map((d) => ({ name: d.name, text: readFileSync(d.path, 'utf8') }));
}

interface Tally { files: number; findings: number; fixes: number; problems: string[] }

/** Checks one demo at one target; adds what is wrong to `tally.problems`. */
function checkDemo(name: string, text: string, opts: AnalyzeOptions, tally: Tally) {
  const errors: string[] = [];
  const options: AnalyzeOptions = { ...opts, onRuleError: (code, e) => errors.push(`${code} threw: ${(e as Error)?.message ?? e}`) };
  const findings = analyze(text, options);
  tally.files++;
  tally.findings += findings.length;
  try { assertFindingsInside(text, findings); } catch (e) { tally.problems.push(`${name}: ${(e as Error).message}`); }
  const base = syntaxErrors(text);
  for (const f of findings) {
    for (const fix of f.fixes) {
      tally.fixes++;
      const after = applyFix(text, fix);
      const worse = syntaxErrors(after) - base;
      if (worse > 0) tally.problems.push(`${name}:${f.range.start.line + 1} ${f.code} "${fix.title}": ${worse} more syntax error(s)`);
      const before = findings.filter((x) => x.code === f.code).length;
      const left = analyze(after, options).filter((x) => x.code === f.code).length;
      if (left >= before) tally.problems.push(`${name}:${f.range.start.line + 1} ${f.code} "${fix.title}": the finding stays`);
    }
  }
  const once = fixAll(text, options);
  if (once.applied) {
    if (syntaxErrors(once.text) > base) tally.problems.push(`${name}: fix-all adds syntax errors`);
    if (fixAll(once.text, options).text !== once.text) tally.problems.push(`${name}: fix-all is not idempotent`);
  }
  for (const e of errors) tally.problems.push(`${name}: ${e}`);
}

describe('fix safety on the Gradio demo corpus', { skip: CORPUS ? false : 'set GRADIO_CORPUS to a folder of extracted releases' }, () => {
  before(() => initParser());
  for (const { version, dir } of CORPUS ? releases(CORPUS) : []) {
    const own = normalizeVersion(version);
    const targets = [...new Set(['6.25.0', ...(own ? [own] : [])])];
    for (const target of targets) {
      it(`${version} demos, targeted at ${target}`, (t) => {
        const tally: Tally = { files: 0, findings: 0, fixes: 0, problems: [] };
        for (const d of demos(dir)) checkDemo(`${version}/${d.name}`, d.text, { targetVersion: target }, tally);
        t.diagnostic(`${tally.files} files, ${tally.findings} findings, ${tally.fixes} fixes applied, ${tally.problems.length} problems`);
        assert.deepEqual(tally.problems, []);
      });
    }
  }
});
