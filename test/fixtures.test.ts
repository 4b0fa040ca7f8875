// Rule fixtures (SPEC 11): test/fixtures/GRxxx/*.py mark with `# expect: GRxxx` each line where a finding of that code
// starts; no other line may have one. NAME.fixed.py is the exact result of fix-all. Every offered fix is applied and
// must leave text that parses no worse, without the finding it fixed. NAME.unsafe.py, when present, is the result of
// applying the first fix (safe or not) of each finding of the directory's rule.
import { before, describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { analyze, applyFix, applyFixes, fixAll, initParser, MAX_FIX_PASSES, resolveSettings, RULES, type AnalyzeOptions, type Finding } from '../server/src/engine';
import { expectations, memoryHost, syntaxErrors } from './helpers';

const root = join(__dirname, 'fixtures');
const dirs = readdirSync(root).filter((d) => /^GR\d{3}$/.test(d)).sort();

/** A fixture directory with a README.md (e.g. Spaces front matter `sdk: gradio`) is a project of its own. */
function optionsFor(file: string, text: string): AnalyzeOptions {
  const readme = join(dirname(file), 'README.md');
  const files: Record<string, string> = existsSync(readme) ? { [readme]: readFileSync(readme, 'utf8') } : {};
  return resolveSettings(file, text, memoryHost(files)).options;
}

function linesOf(findings: Finding[], code: string): number[] {
  return findings.filter((f) => f.code === code).map((f) => f.range.start.line).sort((a, b) => a - b);
}

before(() => initParser());

describe('fixtures', () => {
  it('every rule has a fixture directory with firing and silent cases', () => {
    for (const rule of RULES) {
      assert.ok(dirs.includes(rule.code), `test/fixtures/${rule.code}/ is missing`);
      const files = readdirSync(join(root, rule.code)).filter((f) => f.endsWith('.py') && !f.endsWith('.fixed.py') && !f.endsWith('.unsafe.py'));
      const texts = files.map((f) => readFileSync(join(root, rule.code, f), 'utf8'));
      assert.ok(texts.some((t) => expectations(t).has(rule.code)), `${rule.code}: no fixture expects a finding`);
      assert.ok(texts.some((t) => !expectations(t).has(rule.code)) || texts.some((t) => /# ok\b/.test(t)),
        `${rule.code}: no silent fixture (a file without expectations, or lines marked "# ok")`);
    }
  });

  for (const dir of dirs) {
    describe(dir, () => {
      const files = readdirSync(join(root, dir)).filter((f) => f.endsWith('.py') && !f.endsWith('.fixed.py') && !f.endsWith('.unsafe.py')).sort();
      for (const name of files) {
        const file = join(root, dir, name);
        it(name, () => {
          const text = readFileSync(file, 'utf8');
          const opts = optionsFor(file, text);
          const findings = analyze(text, opts);
          const expected = expectations(text);
          const codes = new Set([dir, ...expected.keys()]);
          for (const code of codes) {
            const want = (expected.get(code) ?? []).map((l) => l + 1);
            const got = linesOf(findings, code).map((l) => l + 1);
            assert.deepEqual(got, want, `${code} findings on lines ${got.join(',') || 'none'}, expected ${want.join(',') || 'none'}\n${
              findings.filter((f) => f.code === code).map((f) => `  ${f.range.start.line + 1}: ${f.message}`).join('\n')}`);
          }
          // Every offered fix, applied alone, parses no worse and removes a finding of its code.
          const baseErrors = syntaxErrors(text);
          for (const f of findings.filter((x) => codes.has(x.code))) {
            for (const fix of f.fixes) {
              const after = applyFix(text, fix);
              assert.ok(syntaxErrors(after) <= baseErrors, `${f.code} fix "${fix.title}" breaks the syntax:\n${after}`);
              const before = findings.filter((x) => x.code === f.code).length;
              const remaining = analyze(after, opts).filter((x) => x.code === f.code).length;
              assert.ok(remaining < before, `${f.code} fix "${fix.title}" leaves the finding in place:\n${after}`);
            }
          }
          // NAME.unsafe.py: the result of applying the first fix of each finding of this rule, unsafe ones included,
          // until none is left (how the offered quick fixes read, beyond what fix-all does).
          const unsafePath = file.replace(/\.py$/, '.unsafe.py');
          if (existsSync(unsafePath)) {
            let out = text;
            for (let pass = 0; pass < MAX_FIX_PASSES; pass++) {
              const fixes = analyze(out, opts).filter((x) => x.code === dir && x.fixes.length).map((x) => x.fixes[0]);
              const r = applyFixes(out, fixes);
              if (!r.applied || r.text === out) break;
              out = r.text;
            }
            assert.equal(out, readFileSync(unsafePath, 'utf8'), 'applying the first fix of every finding differs from the .unsafe.py file');
            assert.ok(syntaxErrors(out) <= baseErrors, 'the quick fixes break the syntax');
          }
          const fixedPath = file.replace(/\.py$/, '.fixed.py');
          if (existsSync(fixedPath)) {
            const want = readFileSync(fixedPath, 'utf8');
            const once = fixAll(text, opts).text;
            assert.equal(once, want, 'fix-all result differs from the .fixed.py file');
            assert.equal(fixAll(once, opts).text, once, 'fix-all is not idempotent');
            assert.ok(syntaxErrors(once) <= baseErrors, 'fix-all breaks the syntax');
          }
        });
      }
    });
  }
});
