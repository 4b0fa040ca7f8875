// gradio-lint: the command-line face of the engine (SPEC section 10).
import { readFileSync, readdirSync, statSync, writeFileSync } from 'node:fs';
import { join, relative, resolve, sep } from 'node:path';
import ignore, { type Ignore } from 'ignore';
import {
  analyze, fixAll, initParser, LineIndex, resolveSettings, ruleByCode, RULES, type Finding, type LintConfig,
} from './engine';
import { nodeFileHost } from './engine/nodeHost';
import { formatFindings, type FileResult, type Format } from './cliFormat';

declare const GRADIO_LSP_VERSION: string;
const VERSION = typeof GRADIO_LSP_VERSION === 'string' ? GRADIO_LSP_VERSION : '0.0.0-dev';

const USAGE = `Usage:
  gradio-lint check [PATH...] [--format text|json|sarif|github] [--fix] [--select CODES] [--ignore CODES]
                    [--target-version X.Y] [--stdin-filename NAME]
  gradio-lint rule GRxxx
  gradio-lint --version

PATH may be a file, a directory (walked, honouring .gitignore) or - for standard input.
Exit status: 0 no findings, 1 findings, 2 usage error, unreadable path or internal error.`;

class UsageError extends Error {}

interface CheckArgs {
  paths: string[];
  format: Format;
  fix: boolean;
  overrides: LintConfig;
  stdinFilename?: string;
}

function parseCheckArgs(argv: string[]): CheckArgs {
  const a: CheckArgs = { paths: [], format: 'text', fix: false, overrides: {} };
  const codes = (v: string) => v.split(',').map((s) => s.trim().toUpperCase()).filter(Boolean);
  for (let i = 0; i < argv.length; i++) {
    const arg = argv[i];
    const eq = arg.startsWith('--') ? arg.indexOf('=') : -1;
    const flag = eq > 0 ? arg.slice(0, eq) : arg;
    const value = () => {
      if (eq > 0) return arg.slice(eq + 1);
      const v = argv[++i];
      if (v === undefined) throw new UsageError(`${flag} needs a value`);
      return v;
    };
    switch (flag) {
      case '--format': {
        const f = value();
        if (!['text', 'json', 'sarif', 'github'].includes(f)) throw new UsageError(`unknown format: ${f}`);
        a.format = f as Format;
        break;
      }
      case '--fix': a.fix = true; break;
      case '--select': a.overrides.select = codes(value()); break;
      case '--ignore': a.overrides.ignore = codes(value()); break;
      case '--target-version': {
        const v = value();
        if (!/^\d+(\.\d+){0,2}$/.test(v)) throw new UsageError(`invalid --target-version: ${v}`);
        a.overrides.targetVersion = v;
        break;
      }
      case '--stdin-filename': a.stdinFilename = value(); break;
      default:
        if (arg.startsWith('-') && arg !== '-') throw new UsageError(`unknown option: ${arg}`);
        a.paths.push(arg);
    }
  }
  if (!a.paths.length) a.paths.push('.');
  return a;
}

const SKIP_DIRS = new Set(['.git', 'node_modules', '.venv', 'venv', '__pycache__', '.mypy_cache', '.ruff_cache', '.tox', '.hg', '.svn']);

/** Python files under a directory, honouring .gitignore files on the way down. */
function walkDir(root: string, out: string[]) {
  const visit = (dir: string, rules: { base: string; ig: Ignore }[]) => {
    let gi: string | undefined;
    try { gi = readFileSync(join(dir, '.gitignore'), 'utf8'); } catch { /* none */ }
    const here = gi ? [...rules, { base: dir, ig: ignore().add(gi) }] : rules;
    let entries: import('node:fs').Dirent[];
    try { entries = readdirSync(dir, { withFileTypes: true }); } catch { return; }
    entries.sort((x, y) => (x.name < y.name ? -1 : x.name > y.name ? 1 : 0));
    for (const e of entries) {
      const full = join(dir, e.name);
      const isDir = e.isDirectory();
      if (isDir && SKIP_DIRS.has(e.name)) continue;
      const ignored = here.some(({ base, ig }) => {
        const rel = relative(base, full).split(sep).join('/');
        return rel && !rel.startsWith('..') && ig.ignores(isDir ? `${rel}/` : rel);
      });
      if (ignored) continue;
      if (isDir) visit(full, here);
      else if (e.isFile() && e.name.endsWith('.py')) out.push(full);
    }
  };
  visit(root, []);
}

function readStdin(): { text: string; utf8: boolean } {
  return decode(readFileSync(0));
}

/** The text of some bytes, and whether writing it back gives the same bytes: invalid UTF-8 (a Latin-1 comment)
 *  decodes to U+FFFD, and a fixed file written from that text would lose those bytes. */
function decode(bytes: Buffer): { text: string; utf8: boolean } {
  const text = bytes.toString('utf8');
  return { text, utf8: Buffer.from(text, 'utf8').equals(bytes) };
}

async function check(argv: string[]): Promise<number> {
  const args = parseCheckArgs(argv);
  await initParser();
  const host = nodeFileHost();
  const inputs: { display: string; path: string | undefined; text: string; utf8: boolean }[] = [];
  for (const p of args.paths) {
    if (p === '-') {
      inputs.push({ display: args.stdinFilename ?? '-', path: args.stdinFilename ? resolve(args.stdinFilename) : undefined, ...readStdin() });
      continue;
    }
    let st;
    try { st = statSync(p); } catch { throw new UsageError(`cannot read ${p}: no such file or directory`); }
    if (st.isDirectory()) {
      const files: string[] = [];
      walkDir(p, files);
      for (const f of files) inputs.push({ display: f, path: resolve(f), ...readText(f) });
    } else inputs.push({ display: p, path: resolve(p), ...readText(p) });
  }
  const results: FileResult[] = [];
  const configErrors = new Set<string>();
  for (const input of inputs) {
    const settings = resolveSettings(input.path, input.text, host, {}, args.overrides);
    for (const e of settings.configErrors) configErrors.add(e);
    let findings: Finding[];
    let text = input.text;
    if (args.fix && !input.utf8) process.stderr.write(`gradio-lint: warning: ${input.display} is not valid UTF-8: no fixes written\n`);
    if (args.fix && input.utf8) {
      const r = fixAll(text, settings.options);
      if (r.text !== text) {
        text = r.text;
        if (input.path && input.display !== '-') writeFileSync(input.path, text);
        else process.stdout.write(text);
      }
      findings = r.findings;
    } else findings = analyze(text, settings.options);
    results.push({ file: input.display, lines: new LineIndex(text), findings });
  }
  for (const e of configErrors) process.stderr.write(`gradio-lint: warning: ${e}\n`);
  process.stdout.write(formatFindings(results, args.format, VERSION));
  return results.some((r) => r.findings.length) ? 1 : 0;
}

function readText(path: string): { text: string; utf8: boolean } {
  try {
    return decode(readFileSync(path));
  } catch (e) {
    throw new UsageError(`cannot read ${path}: ${(e as Error).message}`);
  }
}

function rule(argv: string[]): number {
  if (argv.length !== 1) throw new UsageError('usage: gradio-lint rule GRxxx');
  const r = ruleByCode(argv[0]);
  if (!r) throw new UsageError(`unknown rule: ${argv[0]} (known: ${RULES.map((x) => x.code).join(', ')})`);
  process.stdout.write(`# ${r.code}: ${r.title}\n\nDefault severity: ${r.severity}. Gradio versions: ${r.versions === '*' ? 'all' : r.versions}.\n${r.docs}`);
  return 0;
}

export async function main(argv: string[]): Promise<number> {
  const [cmd, ...rest] = argv;
  try {
    switch (cmd) {
      case 'check': return await check(rest);
      case 'rule': return rule(rest);
      case '--version': case '-V': process.stdout.write(`gradio-lint ${VERSION}\n`); return 0;
      case '--help': case '-h': case 'help': process.stdout.write(`${USAGE}\n`); return 0;
      default: throw new UsageError(cmd ? `unknown command: ${cmd}` : 'missing command');
    }
  } catch (e) {
    if (e instanceof UsageError) process.stderr.write(`gradio-lint: ${e.message}\n\n${USAGE}\n`);
    else process.stderr.write(`gradio-lint: internal error: ${(e as Error)?.stack ?? e}\n`);
    return 2;
  }
}

if (require.main === module) {
  main(process.argv.slice(2)).then((code) => { process.exitCode = code; });
}
