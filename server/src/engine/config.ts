// Rule selection, severity overrides, pyproject [tool.gradio-lint] and `# noqa` suppressions (SPEC 6).
import { parse as parseToml } from 'smol-toml';
import type { Severity } from './types';
import { normalizeVersion } from './version';

export interface LintConfig {
  select?: string[];
  ignore?: string[];
  severity?: Record<string, Severity>;
  targetVersion?: string;
}

const SEVERITIES: readonly Severity[] = ['error', 'warning', 'info', 'hint'];
const CODE_OR_PREFIX = /^(GR\d{0,3}|ALL)$/;
const KNOWN_KEYS = ['select', 'ignore', 'severity', 'target-version'];

// ---------------------------------------------------------------------------------------------------------------
// pyproject.toml

/** Reads `[tool.gradio-lint]` from pyproject.toml text. Bad entries are dropped and reported; never throws. */
export function parsePyprojectConfig(text: string): { config: LintConfig; errors: string[] } {
  const config: LintConfig = {};
  const errors: string[] = [];
  let data: unknown;
  try {
    data = parseToml(text.charCodeAt(0) === 0xfeff ? text.slice(1) : text);
  } catch (e) {
    const msg = e instanceof Error ? e.message.split('\n')[0] : String(e);
    errors.push(`pyproject.toml is not valid TOML: ${msg}`);
    return { config, errors };
  }
  const tool = isTable(data) ? data.tool : undefined;
  const section = isTable(tool) ? tool['gradio-lint'] : undefined;
  if (section === undefined) return { config, errors };
  const where = '[tool.gradio-lint]';
  if (!isTable(section)) {
    errors.push(`${where} must be a table`);
    return { config, errors };
  }
  for (const key of Object.keys(section)) {
    const value = section[key];
    switch (key) {
      case 'select':
      case 'ignore': {
        const list = codeList(value, `${where} ${key}`, errors);
        if (list) config[key] = list;
        break;
      }
      case 'severity': {
        if (!isTable(value)) {
          errors.push(`${where} severity must be a table such as { GR028 = "warning" }`);
          break;
        }
        const out: Record<string, Severity> = {};
        for (const code of Object.keys(value)) {
          const sev = value[code];
          const c = code.trim().toUpperCase();
          if (!CODE_OR_PREFIX.test(c)) {
            errors.push(`${where} severity: "${code}" is not a rule code or prefix (expected e.g. "GR028" or "GR0")`);
          } else if (typeof sev !== 'string' || !SEVERITIES.includes(sev.toLowerCase() as Severity)) {
            errors.push(`${where} severity.${code}: ${JSON.stringify(sev)} is not one of ${SEVERITIES.map((s) => `"${s}"`).join(', ')}`);
          } else {
            out[c] = sev.toLowerCase() as Severity;
          }
        }
        config.severity = out;
        break;
      }
      case 'target-version': {
        if (typeof value !== 'string') {
          errors.push(`${where} target-version must be a string such as "5.49" (quote it: TOML reads 5.10 as the number 5.1)`);
          break;
        }
        const v = normalizeVersion(value);
        if (!v) errors.push(`${where} target-version: "${value}" is not a version such as "5.49"`);
        else config.targetVersion = v;
        break;
      }
      default: {
        const alt = key.replace(/_/g, '-').toLowerCase();
        const hint = alt !== key && KNOWN_KEYS.includes(alt) ? ` (did you mean "${alt}"?)` : '';
        errors.push(`${where}: unknown key "${key}"${hint}; known keys: ${KNOWN_KEYS.join(', ')}`);
      }
    }
  }
  return { config, errors };
}

function isTable(v: unknown): v is Record<string, unknown> {
  return typeof v === 'object' && v !== null && !Array.isArray(v) && !(v instanceof Date);
}

function codeList(value: unknown, where: string, errors: string[]): string[] | undefined {
  let items: unknown[];
  if (typeof value === 'string') items = value.split(/[\s,]+/).filter(Boolean);
  else if (Array.isArray(value)) items = value;
  else {
    errors.push(`${where} must be a list of rule codes or prefixes, such as ["GR0", "GR101"]`);
    return undefined;
  }
  const out: string[] = [];
  for (const item of items) {
    const c = typeof item === 'string' ? item.trim().toUpperCase() : '';
    if (CODE_OR_PREFIX.test(c)) out.push(c);
    else errors.push(`${where}: ${JSON.stringify(item)} is not a rule code or prefix (expected e.g. "GR015" or "GR0")`);
  }
  return out;
}

// ---------------------------------------------------------------------------------------------------------------
// Merging and lookups

/** The project file wins per key where it sets the key; severity is merged per code, the project winning. */
export function mergeConfig(project: LintConfig | undefined, editor: LintConfig | undefined): LintConfig {
  const out: LintConfig = {};
  const select = project?.select ?? editor?.select;
  const ignore = project?.ignore ?? editor?.ignore;
  const targetVersion = nonEmpty(project?.targetVersion) ?? nonEmpty(editor?.targetVersion);
  if (select) out.select = select;
  if (ignore) out.ignore = ignore;
  if (editor?.severity || project?.severity) out.severity = { ...editor?.severity, ...project?.severity };
  if (targetVersion) out.targetVersion = targetVersion;
  return out;
}

function nonEmpty(s: string | undefined): string | undefined {
  return s && s.trim() ? s.trim() : undefined;
}

/** Specificity of `entry` matching `code`: its length ("ALL" counts as 0), or -1 when it does not match. */
function matchLength(entry: string, code: string): number {
  const e = entry.trim().toUpperCase();
  if (e === 'ALL') return 0;
  return e.length > 0 && code.startsWith(e) ? e.length : -1;
}

function bestMatch(entries: readonly string[] | undefined, code: string): number {
  let best = -1;
  if (entries) for (const e of entries) best = Math.max(best, matchLength(e, code));
  return best;
}

/**
 * Is a rule on? An absent or empty `select` selects everything (at the lowest specificity). Otherwise the longest
 * matching select entry must be longer than the longest matching ignore entry; on a tie ignore wins (Ruff).
 */
export function isRuleEnabled(code: string, config: LintConfig): boolean {
  const c = code.toUpperCase();
  const selected = config.select && config.select.length > 0 ? bestMatch(config.select, c) : 0;
  if (selected < 0) return false;
  return selected > bestMatch(config.ignore, c);
}

/** The severity for a code: an exact code or the longest prefix in `config.severity`, else the rule's default. */
export function severityFor(code: string, defaultSeverity: Severity, config: LintConfig): Severity {
  const table = config.severity;
  if (!table) return defaultSeverity;
  const c = code.toUpperCase();
  let best = -1;
  let result = defaultSeverity;
  for (const key of Object.keys(table)) {
    const len = matchLength(key, c);
    const sev = table[key];
    if (len > best && SEVERITIES.includes(sev)) { best = len; result = sev; }
  }
  return result;
}

// ---------------------------------------------------------------------------------------------------------------
// Suppressions

export interface Suppressions {
  /** Is a finding of `code` starting on `line` (0-based) silenced? */
  isSuppressed(code: string, line: number): boolean;
  /**
   * The line whose `# noqa` governs findings starting on `line`: the last line of a multi-line string or of a
   * backslash-continued line that covers `line` (Ruff's convention), else `line` itself. Use it to place the
   * "suppress on this line" fix, on suppressions parsed with `wholeText` (else it knows only the lines up to the
   * last "noqa").
   */
  noqaLine(line: number): number;
}

const INTERESTING = /[\n\r#\\"']/g;
const NONE: Suppressions = { isSuppressed: () => false, noqaLine: (line) => line };

const CODES = String.raw`[A-Za-z]+[0-9]+(?:[\s,]+[A-Za-z]+[0-9]+)*`;
const LINE_NOQA = new RegExp(String.raw`#\s*noqa(?![\w-])(?:\s*:\s*(${CODES}))?`, 'gi');
const FILE_NOQA = new RegExp(String.raw`^#\s*gradio-lint\s*:\s*noqa(?![\w-])(?:\s*:\s*(${CODES}))?`, 'i');

function splitCodes(s: string): string[] {
  return s.split(/[\s,]+/).filter(Boolean).map((c) => c.toUpperCase());
}

/**
 * Finds `# noqa` comments. Only real comments count: a light scanner tracks quotes (single, double, triple, across
 * lines) so `x = "# noqa"` does not silence anything. Text without "noqa" costs one regex test, and the scan stops at
 * the last "noqa"; `wholeText` scans on to the end, for `noqaLine` anywhere (where a new comment should go).
 */
export function parseSuppressions(text: string, wholeText = false): Suppressions {
  const noqaAt: number[] = [];
  const find = /noqa/gi;
  for (let m = find.exec(text); m; m = find.exec(text)) noqaAt.push(m.index);
  if (noqaAt.length === 0 && !wholeText) return NONE;

  let fileAll = false;
  const fileCodes = new Set<string>();
  const lineAll = new Set<number>();
  const lineCodes = new Map<number, Set<string>>();
  // Multi-line logical lines (strings, backslash continuations): [first, last] pairs, sorted.
  const spanFirst: number[] = [];
  const spanLast: number[] = [];

  const onComment = (start: number, end: number, line: number, lineStart: number) => {
    const comment = text.slice(start, end);
    if (text.slice(lineStart, start).trim() === '') {
      const f = FILE_NOQA.exec(comment);
      if (f) {
        if (f[1]) for (const c of splitCodes(f[1])) fileCodes.add(c);
        else fileAll = true;
        return;
      }
    }
    LINE_NOQA.lastIndex = 0;
    for (let m = LINE_NOQA.exec(comment); m; m = LINE_NOQA.exec(comment)) {
      if (!m[1]) { lineAll.add(line); continue; }
      let set = lineCodes.get(line);
      if (!set) lineCodes.set(line, (set = new Set()));
      for (const c of splitCodes(m[1])) set.add(c);
    }
  };

  // Scan only as far as the last "noqa" (unless asked for the whole text).
  let stop = text.length;
  if (!wholeText) {
    const lastNoqa = noqaAt[noqaAt.length - 1];
    stop = text.indexOf('\n', lastNoqa);
    if (stop < 0) stop = text.length;
    const cr = text.indexOf('\r', lastNoqa);
    if (cr >= 0 && cr < stop) stop = cr;
  }

  let line = 0;
  let lineStart = 0;
  let logicalFirst = 0;
  let next = 0; // index into noqaAt
  let i = 0;
  const n = text.length;
  // Consumes a line break at i (\n, \r\n or \r); returns true when there was one.
  const newline = (): boolean => {
    const c = text.charCodeAt(i);
    if (c === 10) { i++; } else if (c === 13) { i += text.charCodeAt(i + 1) === 10 ? 2 : 1; } else return false;
    line++;
    lineStart = i;
    return true;
  };
  while (i < n && i <= stop) {
    const c = text.charCodeAt(i);
    if (c === 10 || c === 13) {
      // A line break in code ends the logical line.
      if (line > logicalFirst) { spanFirst.push(logicalFirst); spanLast.push(line); }
      newline();
      logicalFirst = line;
    } else if (c === 35 /* # */) {
      let end = i;
      while (end < n) { const d = text.charCodeAt(end); if (d === 10 || d === 13) break; end++; }
      while (next < noqaAt.length && noqaAt[next] < i) next++;
      if (next < noqaAt.length && noqaAt[next] < end) onComment(i, end, line, lineStart);
      i = end;
    } else if (c === 92 /* \ */) {
      i++;
      newline(); // a backslash continuation keeps the logical line
    } else if (c === 34 || c === 39) {
      const triple = text.charCodeAt(i + 1) === c && text.charCodeAt(i + 2) === c;
      i += triple ? 3 : 1;
      while (i < n) {
        const d = text.charCodeAt(i);
        if (d === 92) { i++; if (!newline()) i++; continue; }
        if (d === c) {
          if (!triple) { i++; break; }
          if (text.charCodeAt(i + 1) === c && text.charCodeAt(i + 2) === c) { i += 3; break; }
          i++;
          continue;
        }
        if (d === 10 || d === 13) {
          if (!triple) break; // unterminated single-line string: the line break is code again
          newline();
          continue;
        }
        i++;
      }
    } else {
      // Plain code: jump to the next character that matters.
      INTERESTING.lastIndex = i;
      i = INTERESTING.test(text) ? INTERESTING.lastIndex - 1 : n;
    }
  }
  if (line > logicalFirst) { spanFirst.push(logicalFirst); spanLast.push(line); }

  const noqaLine = (l: number): number => {
    let lo = 0, hi = spanFirst.length - 1;
    while (lo <= hi) {
      const mid = (lo + hi) >> 1;
      if (spanFirst[mid] > l) hi = mid - 1;
      else if (spanLast[mid] < l) lo = mid + 1;
      else return spanLast[mid];
    }
    return l;
  };
  const silencedOn = (code: string, l: number) => lineAll.has(l) || lineCodes.get(l)?.has(code) === true;

  return {
    isSuppressed(code: string, l: number): boolean {
      const c = code.toUpperCase();
      if (fileAll || fileCodes.has(c)) return true;
      if (silencedOn(c, l)) return true;
      const last = noqaLine(l);
      return last !== l && silencedOn(c, last);
    },
    noqaLine,
  };
}

/**
 * The line with `code` added to its `# noqa: ...` list, or `  # noqa: CODE` appended. Unchanged when the line is
 * already silenced for the code (including by a bare `# noqa`) or when it ends in a backslash continuation (a comment
 * cannot follow it; put the suppression on `Suppressions.noqaLine` instead). A trailing line break is preserved.
 */
export function suppressionComment(lineText: string, code: string): string {
  const eol = /\r?\n$|\r$/.exec(lineText)?.[0] ?? '';
  const body = eol ? lineText.slice(0, -eol.length) : lineText;
  const upper = code.toUpperCase();
  const hash = commentStart(body);
  if (hash >= 0) {
    const comment = body.slice(hash);
    LINE_NOQA.lastIndex = 0;
    const m = LINE_NOQA.exec(comment);
    if (m) {
      if (!m[1]) return lineText; // a bare # noqa already silences everything
      const codes = splitCodes(m[1]);
      if (codes.includes(upper)) return lineText;
      const insertAt = hash + m.index + m[0].length;
      const sep = m[1].includes(',') || codes.length === 1 ? ', ' : ' ';
      return body.slice(0, insertAt) + sep + code + body.slice(insertAt) + eol;
    }
  } else if (/\\\s*$/.test(body)) {
    return lineText;
  }
  const trimmed = body.replace(/\s+$/, '');
  return (trimmed.trim() ? `${trimmed}  # noqa: ${code}` : `${trimmed}# noqa: ${code}`) + eol;
}

/** Offset of the comment's '#' in one line of code (quotes tracked on the line), or -1. */
function commentStart(line: string): number {
  let quote = 0;
  let triple = false;
  for (let i = 0; i < line.length; i++) {
    const c = line.charCodeAt(i);
    if (quote) {
      if (c === 92) { i++; continue; }
      if (c !== quote) continue;
      if (!triple) quote = 0;
      else if (line.charCodeAt(i + 1) === c && line.charCodeAt(i + 2) === c) { quote = 0; i += 2; }
    } else if (c === 35) {
      return i;
    } else if (c === 34 || c === 39) {
      quote = c;
      triple = line.charCodeAt(i + 1) === c && line.charCodeAt(i + 2) === c;
      if (triple) i += 2;
    }
  }
  return -1;
}
