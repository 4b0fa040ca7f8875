// Project facts for one file: the target Gradio version (SPEC 3), whether it is a Hugging Face Space, and the
// nearest pyproject.toml. All file access goes through a FileHost so the server, the CLI and tests supply it.
import { basename, dirname, isAbsolute, join, resolve } from 'node:path';
import { parse as parseToml } from 'smol-toml';
import { compareVersions, normalizeVersion } from './version';

export interface FileHost {
  /** Text of a file, or undefined when missing/unreadable. Implementations cap size (e.g. 1 MiB). */
  readFile(path: string): string | undefined;
  /** Entry names of a directory, or undefined. */
  readDir(path: string): string[] | undefined;
}

export interface VersionSource {
  /** Normalized x.y.z. */
  version: string;
  /** Human text: "requirements.txt: gradio==5.49.1", "setting", "# gradio-lint comment", "default (newest known)". */
  source: string;
  /** The file the version came from, when it came from a file. */
  file?: string;
}

export interface ProjectFacts {
  target: VersionSource;
  /** A Hugging Face Spaces README.md with `sdk: gradio` front matter was found (the nearest one with an `sdk` key). */
  isSpace: boolean;
  /** Path of the nearest pyproject.toml, if any. */
  pyproject?: string;
}

export interface DetectOptions {
  /** Explicit setting or --target-version; wins over everything. Ignored when not a version. */
  explicit?: string;
  /** Source text reported for `explicit` (default "setting"). */
  explicitSource?: string;
  /** The newest known Gradio version, used when nothing else yields one. */
  newest: string;
}

const MAX_LEVELS = 10;
const COMMENT_LINES = 30;
const VENV_NAMES = ['.venv', 'venv', 'env'];

// ---------------------------------------------------------------------------------------------------------------
// The `# gradio-lint: target-version=X` comment

const TARGET_COMMENT = /^\s*#.*?\bgradio-lint\s*:\s*target[-_]version\s*[=:]\s*["']?(v?\d[\w.*+!-]*)/i;

/** The version set by a `# gradio-lint: target-version=5.49` comment in the first 30 lines, normalized. */
export function versionFromComment(fileText: string): string | undefined {
  let start = 0;
  if (fileText.charCodeAt(0) === 0xfeff) start = 1;
  for (let n = 0; n < COMMENT_LINES && start <= fileText.length; n++) {
    let end = fileText.indexOf('\n', start);
    if (end < 0) end = fileText.length;
    let line = fileText.slice(start, end);
    const cr = line.indexOf('\r');
    if (cr >= 0) {
      // A lone \r is a line break too (LSP); keep only the first physical line.
      line = line.slice(0, cr);
      end = start + cr + (fileText.charCodeAt(start + cr + 1) === 10 ? 1 : 0);
    }
    if (line.length < 500) {
      const m = TARGET_COMMENT.exec(line);
      const v = m ? normalizeVersion(m[1]) : undefined;
      if (v) return v;
    }
    start = end + 1;
  }
  return undefined;
}

// ---------------------------------------------------------------------------------------------------------------
// Version specifiers

/** PEP 503 name normalization. */
function normalizeName(name: string): string {
  return name.toLowerCase().replace(/[-_.]+/g, '-');
}

const CLAUSE = /\s*(===|==|~=|!=|<=|>=|\^|~|<|>|=)?\s*(\*|v?\d[\w.*+!-]*)\s*,?/y;

/**
 * Lowest version allowed by a specifier: PEP 440 (">=4,<5", "==5.*", "~=4.2"), Poetry ("^4.0", "~4.2", "4.2",
 * "^4 || ^5") or conda ("4.44.*", "=4.44"). Undefined when there is no lower bound or the text is not understood.
 */
export function lowestAllowed(spec: string): string | undefined {
  let s = spec.trim();
  if (s.startsWith('(') && s.endsWith(')')) s = s.slice(1, -1).trim();
  if (!s) return undefined;
  let best: string | undefined;
  for (const alt of s.split(/\|\|?/)) {
    const low = lowestOfClauses(alt);
    if (!low) return undefined; // one alternative has no lower bound: nothing can be pinned
    if (!best || compareVersions(low, best) < 0) best = low;
  }
  return best;
}

function lowestOfClauses(text: string): string | undefined {
  const s = text.trim();
  if (!s) return undefined;
  let pos = 0;
  let lower: string | undefined;
  while (pos < s.length) {
    CLAUSE.lastIndex = pos;
    const m = CLAUSE.exec(s);
    if (!m || m[0].length === 0) return undefined;
    pos = CLAUSE.lastIndex;
    const op = m[1] ?? '';
    const raw = m[2];
    if (raw === '*') continue;
    const v = normalizeVersion(raw.replace(/\.?\*.*$/, ''));
    if (!v) return undefined;
    switch (op) {
      case '': case '=': case '==': case '===':
        return v; // an exact pin (wildcards mean their lowest release)
      case '>=': case '~=': case '^': case '~':
        if (!lower || compareVersions(v, lower) > 0) lower = v;
        break;
      case '>': {
        const [a, b, c] = v.split('.').map(Number);
        const next = `${a}.${b}.${c + 1}`;
        if (!lower || compareVersions(next, lower) > 0) lower = next;
        break;
      }
      default: // <, <=, != : no lower bound
        break;
    }
  }
  return lower;
}

interface Requirement { name: string; spec: string; url?: string }

const REQ = /^\s*([A-Za-z0-9](?:[A-Za-z0-9._-]*[A-Za-z0-9])?)\s*(?:\[[^\]]*\])?\s*([\s\S]*)$/;

/** A PEP 508 requirement: name (normalized), specifier text, or URL. Markers are dropped. */
function parseRequirement(text: string): Requirement | undefined {
  const m = REQ.exec(text);
  if (!m) return undefined;
  let rest = m[2].trim();
  if (rest.startsWith('@')) {
    const url = rest.slice(1).replace(/\s;[\s\S]*$/, '').trim();
    return { name: normalizeName(m[1]), spec: '', url };
  }
  const semi = rest.indexOf(';');
  if (semi >= 0) rest = rest.slice(0, semi).trim();
  return { name: normalizeName(m[1]), spec: rest };
}

/** The lowest gradio version a PEP 508 requirement string allows, or undefined (not gradio, or unpinned). */
function gradioFromRequirement(text: string): string | undefined {
  const req = parseRequirement(text);
  if (!req || req.name !== 'gradio') return undefined;
  if (req.url !== undefined) {
    const m = /\/gradio-(\d+(?:\.\d+)*)(?:-|\.tar|\.zip)/i.exec(req.url);
    return m ? normalizeVersion(m[1]) : undefined;
  }
  return lowestAllowed(req.spec);
}

function stripBom(text: string): string {
  return text.charCodeAt(0) === 0xfeff ? text.slice(1) : text;
}

function splitLines(text: string): string[] {
  return stripBom(text).split(/\r\n|\r|\n/);
}

interface Pin { version: string; source: string; file: string }

// ---------------------------------------------------------------------------------------------------------------
// requirements*.txt

function fromRequirements(file: string, host: FileHost, seen: Set<string>, depth = 0): Pin | undefined {
  if (seen.has(file) || depth > 5) return undefined;
  seen.add(file);
  const text = host.readFile(file);
  if (text === undefined) return undefined;
  const lines = splitLines(text);
  for (let i = 0; i < lines.length; i++) {
    let line = lines[i];
    // Line continuations.
    while (/\\$/.test(line) && i + 1 < lines.length) line = line.slice(0, -1) + lines[++i];
    // Comments: '#' at the start or after whitespace.
    line = line.replace(/(^|\s)#.*$/, '').trim();
    if (!line) continue;
    if (line.startsWith('-')) {
      const inc = /^(?:-r|--requirement|-c|--constraint)(?:\s*=\s*|\s+|(?=[^\s-]))(\S+)/.exec(line);
      if (inc) {
        const target = isAbsolute(inc[1]) ? inc[1] : join(dirname(file), inc[1]);
        const pin = fromRequirements(target, host, seen, depth + 1);
        if (pin) return pin;
      }
      continue;
    }
    // Drop per-requirement options such as --hash=... .
    const req = line.replace(/\s--?[A-Za-z][\s\S]*$/, '').trim();
    const v = gradioFromRequirement(req);
    if (v) return { version: v, source: `${basename(file)}: ${req}`, file };
  }
  return undefined;
}

// ---------------------------------------------------------------------------------------------------------------
// pyproject.toml

type Table = Record<string, unknown>;
const isTable = (v: unknown): v is Table => typeof v === 'object' && v !== null && !Array.isArray(v) && !(v instanceof Date);

function fromPyproject(file: string, text: string): Pin | undefined {
  let data: Table;
  try {
    data = parseToml(stripBom(text)) as Table;
  } catch {
    return undefined;
  }
  const name = basename(file);
  const fromList = (list: unknown): Pin | undefined => {
    if (!Array.isArray(list)) return undefined;
    for (const item of list) {
      if (typeof item !== 'string') continue;
      const v = gradioFromRequirement(item);
      if (v) return { version: v, source: `${name}: ${item.trim()}`, file };
    }
    return undefined;
  };
  const fromLists = (table: unknown): Pin | undefined => {
    if (!isTable(table)) return undefined;
    for (const key of Object.keys(table)) {
      const pin = fromList(table[key]);
      if (pin) return pin;
    }
    return undefined;
  };
  const fromPoetry = (deps: unknown): Pin | undefined => {
    if (!isTable(deps)) return undefined;
    for (const key of Object.keys(deps)) {
      if (normalizeName(key) !== 'gradio') continue;
      const values = Array.isArray(deps[key]) ? (deps[key] as unknown[]) : [deps[key]];
      let best: string | undefined;
      let shown = '';
      for (const value of values) {
        const spec = typeof value === 'string' ? value : isTable(value) && typeof value.version === 'string' ? value.version : undefined;
        if (spec === undefined) continue;
        const v = lowestAllowed(spec);
        if (v && (!best || compareVersions(v, best) < 0)) { best = v; shown = spec; }
      }
      if (best) return { version: best, source: `${name}: ${key} = "${shown}"`, file };
    }
    return undefined;
  };

  const project = isTable(data.project) ? data.project : undefined;
  const tool = isTable(data.tool) ? data.tool : undefined;
  const poetry = tool && isTable(tool.poetry) ? tool.poetry : undefined;
  const pdm = tool && isTable(tool.pdm) ? tool.pdm : undefined;
  const uv = tool && isTable(tool.uv) ? tool.uv : undefined;
  const groups = poetry && isTable(poetry.group) ? poetry.group : undefined;
  return (
    fromList(project?.dependencies) ??
    fromPoetry(poetry?.dependencies) ??
    fromLists(project?.['optional-dependencies']) ??
    fromLists(data['dependency-groups']) ??
    (groups ? Object.values(groups).map((g) => (isTable(g) ? fromPoetry(g.dependencies) : undefined)).find(Boolean) : undefined) ??
    fromPoetry(poetry?.['dev-dependencies']) ??
    fromLists(pdm?.['dev-dependencies']) ??
    fromList(uv?.['dev-dependencies']) ??
    fromList(uv?.['constraint-dependencies'])
  );
}

// ---------------------------------------------------------------------------------------------------------------
// setup.cfg

function fromSetupCfg(file: string, text: string): Pin | undefined {
  let section = '';
  let key = '';
  const values: { section: string; key: string; value: string }[] = [];
  for (const raw of splitLines(text)) {
    if (/^\s*[#;]/.test(raw) || !raw.trim()) continue;
    const sec = /^\[([^\]]*)\]/.exec(raw);
    if (sec) { section = sec[1].trim().toLowerCase(); key = ''; continue; }
    if (/^\s/.test(raw)) {
      if (key) values.push({ section, key, value: raw.trim() });
      continue;
    }
    const kv = /^([^=:]+?)\s*[=:]\s*(.*)$/.exec(raw);
    if (!kv) { key = ''; continue; }
    key = kv[1].trim().toLowerCase().replace(/-/g, '_');
    // A value on the key's own line may hold several requirements separated by ';'.
    for (const part of kv[2].split(';')) if (part.trim()) values.push({ section, key, value: part.trim() });
  }
  const wanted = (v: { section: string; key: string }) =>
    (v.section === 'options' && v.key === 'install_requires') || v.section === 'options.extras_require';
  const ordered = [...values.filter((v) => v.section === 'options'), ...values.filter((v) => v.section !== 'options')];
  for (const v of ordered) {
    if (!wanted(v)) continue;
    const req = v.value.replace(/(^|\s)#.*$/, '').trim();
    const version = gradioFromRequirement(req);
    if (version) return { version, source: `${basename(file)}: ${req}`, file };
  }
  return undefined;
}

// ---------------------------------------------------------------------------------------------------------------
// environment.yml (conda match specs and the pip: sublist)

function fromEnvironmentYml(file: string, text: string): Pin | undefined {
  for (const raw of splitLines(text)) {
    const line = raw.replace(/(^|\s)#.*$/, '');
    const m = /^\s*-\s+(.+?)\s*$/.exec(line);
    if (!m) continue;
    let item = m[1].replace(/^(["'])(.*)\1$/, '$2').trim();
    if (item.endsWith(':')) continue; // "- pip:"
    const colons = item.lastIndexOf('::');
    if (colons >= 0) item = item.slice(colons + 2);
    const req = parseRequirement(item);
    if (!req || req.name !== 'gradio') continue;
    let spec = req.spec;
    if (/^=[^=]/.test(spec)) spec = '==' + spec.slice(1).split('=')[0]; // conda "gradio=4.44" / "=4.44=build"
    else if (/^\d/.test(spec)) spec = spec.split(/\s+/)[0]; // conda "gradio 4.44.1 py_0"
    const version = req.url !== undefined ? gradioFromRequirement(item) : lowestAllowed(spec);
    if (version) return { version, source: `${basename(file)}: ${item}`, file };
  }
  return undefined;
}

// ---------------------------------------------------------------------------------------------------------------
// Hugging Face Spaces README.md front matter

/** Top-level `key: value` pairs of a README's YAML front matter (keys lowercased), or undefined when it has none. */
export function frontMatter(text: string): Map<string, string> | undefined {
  const lines = splitLines(text);
  if (lines[0]?.trimEnd() !== '---') return undefined;
  const out = new Map<string, string>();
  for (let i = 1; i < lines.length && i < 500; i++) {
    const line = lines[i];
    const t = line.trimEnd();
    if (t === '---' || t === '...') return out;
    const m = /^([A-Za-z_][\w-]*)\s*:\s*(.*)$/.exec(line);
    if (!m) continue;
    let value = m[2].trim();
    const q = /^(["'])(.*?)\1/.exec(value);
    value = q ? q[2] : value.replace(/\s+#.*$/, '').trim();
    out.set(m[1].toLowerCase(), value);
  }
  return undefined; // never closed: not front matter
}

// ---------------------------------------------------------------------------------------------------------------
// Installed gradio in a virtualenv

function fromVenv(dir: string, entries: string[], host: FileHost): Pin | undefined {
  for (const venv of VENV_NAMES) {
    if (!entries.includes(venv)) continue;
    const root = join(dir, venv);
    const sitePackages: string[] = [];
    for (const lib of ['lib', 'Lib']) {
      const libDir = join(root, lib);
      const names = host.readDir(libDir);
      if (!names) continue;
      if (names.includes('site-packages')) sitePackages.push(join(libDir, 'site-packages'));
      for (const n of names) if (/^(python|pypy)\d+(\.\d+)?t?$/i.test(n)) sitePackages.push(join(libDir, n, 'site-packages'));
    }
    let best: Pin | undefined;
    for (const sp of sitePackages) {
      for (const n of host.readDir(sp) ?? []) {
        const m = /^gradio-(\d[^-]*?)\.dist-info$/i.exec(n);
        const v = m ? normalizeVersion(m[1]) : undefined;
        if (v && (!best || compareVersions(v, best.version) > 0)) best = { version: v, source: `${venv}: ${n}`, file: join(sp, n) };
      }
    }
    if (best) return best;
  }
  return undefined;
}

// ---------------------------------------------------------------------------------------------------------------
// The walk

const PROBE_NAMES = ['requirements.txt', 'pyproject.toml', 'setup.cfg', 'environment.yml', 'environment.yaml', 'README.md'];

interface Dir { path: string; entries: string[] }

function findEntry(entries: string[], name: string): string | undefined {
  if (entries.includes(name)) return name;
  const lower = name.toLowerCase();
  return entries.find((e) => e.toLowerCase() === lower);
}

function pinInDir(dir: Dir, host: FileHost, readme: (dir: Dir) => Map<string, string> | undefined): Pin | undefined {
  const { path, entries } = dir;
  const reqs = entries
    .filter((e) => /^requirements.*\.txt$/i.test(e))
    .sort((a, b) => (a.toLowerCase() === 'requirements.txt' ? -1 : b.toLowerCase() === 'requirements.txt' ? 1 : a < b ? -1 : a > b ? 1 : 0));
  const seen = new Set<string>();
  for (const r of reqs) {
    const pin = fromRequirements(join(path, r), host, seen);
    if (pin) return pin;
  }
  const readWith = (name: string, fn: (file: string, text: string) => Pin | undefined): Pin | undefined => {
    const entry = findEntry(entries, name);
    if (!entry) return undefined;
    const file = join(path, entry);
    const text = host.readFile(file);
    return text === undefined ? undefined : fn(file, text);
  };
  const pin =
    readWith('pyproject.toml', fromPyproject) ??
    readWith('setup.cfg', fromSetupCfg) ??
    readWith('environment.yml', fromEnvironmentYml) ??
    readWith('environment.yaml', fromEnvironmentYml);
  if (pin) return pin;
  const fm = readme(dir);
  if (fm && fm.get('sdk')?.toLowerCase() === 'gradio') {
    const raw = fm.get('sdk_version');
    const v = normalizeVersion(raw);
    const entry = findEntry(entries, 'README.md') ?? 'README.md';
    if (v) return { version: v, source: `${entry}: sdk_version: ${raw}`, file: join(path, entry) };
  }
  return undefined;
}

/** Target version, Spaces flag and nearest pyproject.toml for a file. Never throws. */
export function detectProject(filePath: string | undefined, fileText: string, host: FileHost, opts: DetectOptions): ProjectFacts {
  const newest = normalizeVersion(opts.newest) ?? opts.newest;
  let target: VersionSource | undefined;
  const explicit = normalizeVersion(opts.explicit);
  if (explicit) target = { version: explicit, source: opts.explicitSource ?? 'setting' };
  if (!target) {
    try {
      const c = versionFromComment(fileText);
      if (c) target = { version: c, source: '# gradio-lint comment', file: filePath };
    } catch { /* keep going */ }
  }

  let isSpace = false;
  let pyproject: string | undefined;
  if (filePath) {
    try {
      const dirs = walk(filePath, host);
      const readmes = new Map<string, Map<string, string> | undefined>();
      const readme = (dir: Dir): Map<string, string> | undefined => {
        if (readmes.has(dir.path)) return readmes.get(dir.path);
        const entry = findEntry(dir.entries, 'README.md');
        const text = entry ? host.readFile(join(dir.path, entry)) : undefined;
        const fm = text === undefined ? undefined : frontMatter(text);
        readmes.set(dir.path, fm);
        return fm;
      };
      let spaceDecided = false;
      for (const dir of dirs) {
        if (!pyproject) {
          const entry = findEntry(dir.entries, 'pyproject.toml');
          if (entry) pyproject = join(dir.path, entry);
        }
        if (!spaceDecided) {
          const fm = readme(dir);
          if (fm?.has('sdk')) { spaceDecided = true; isSpace = fm.get('sdk')!.toLowerCase() === 'gradio'; }
        }
        if (!target) {
          const pin = pinInDir(dir, host, readme);
          if (pin) target = pin;
        }
      }
      if (!target) {
        for (const dir of dirs) {
          const pin = fromVenv(dir.path, dir.entries, host);
          if (pin) { target = pin; break; }
        }
      }
    } catch { /* a host or parser bug must not break analysis */ }
  }
  return { target: target ?? { version: newest, source: 'default (newest known)' }, isSpace, ...(pyproject ? { pyproject } : {}) };
}

/** Directories from the file's own up to the one holding .git, at most 10. */
function walk(filePath: string, host: FileHost): Dir[] {
  const dirs: Dir[] = [];
  let dir = dirname(isAbsolute(filePath) ? filePath : resolve(filePath));
  for (let level = 0; level < MAX_LEVELS; level++) {
    const listed = host.readDir(dir);
    // An unlistable directory: probe the well-known names.
    const entries = listed ?? PROBE_NAMES.filter((n) => host.readFile(join(dir, n)) !== undefined);
    dirs.push({ path: dir, entries });
    if (listed?.includes('.git')) break;
    const parent = dirname(dir);
    if (parent === dir) break;
    dir = parent;
  }
  return dirs;
}
