// Writes docs/rules/GRxxx.md and the rule table in README.md from the rules' own documentation, so that the docs
// page, the hover on a `# noqa:` code and `gradio-lint rule GRxxx` never disagree. `--check` fails when stale.
//   npx tsx scripts/gen-docs.ts [--check]
import { existsSync, mkdirSync, readFileSync, readdirSync, writeFileSync, unlinkSync } from 'node:fs';
import { join } from 'node:path';
import { RULES } from '../server/src/engine/rules';
import { renderRuleDoc, ruleTable } from '../server/src/engine/rules/docs';

const root = join(__dirname, '..');
const check = process.argv.includes('--check');
const stale: string[] = [];

function write(path: string, content: string) {
  const old = existsSync(path) ? readFileSync(path, 'utf8') : undefined;
  if (old === content) return;
  stale.push(path);
  if (!check) writeFileSync(path, content);
}

const dir = join(root, 'docs', 'rules');
mkdirSync(dir, { recursive: true });
for (const rule of RULES) write(join(dir, `${rule.code}.md`), renderRuleDoc(rule));
for (const f of readdirSync(dir)) {
  if (/^GR\d{3}\.md$/.test(f) && !RULES.some((r) => `${r.code}.md` === f)) {
    stale.push(join(dir, f));
    if (!check) unlinkSync(join(dir, f));
  }
}
write(join(dir, 'README.md'), `# Rules\n\n${ruleTable('')}\n`);

const readmePath = join(root, 'README.md');
if (existsSync(readmePath)) {
  const readme = readFileSync(readmePath, 'utf8');
  const next = readme.replace(/(<!-- rules:start -->\n)[\s\S]*?(<!-- rules:end -->)/, `$1${ruleTable('docs/rules/')}\n$2`);
  write(readmePath, next);
}

if (check && stale.length) {
  console.error(`stale generated docs (run npx tsx scripts/gen-docs.ts):\n  ${stale.join('\n  ')}`);
  process.exit(1);
}
if (!check) console.log(stale.length ? `updated ${stale.length} file(s)` : 'docs up to date');
