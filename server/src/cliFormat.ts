// Output formats of `gradio-lint check`: text, json, sarif (2.1.0) and GitHub workflow annotations.
import { codePointColumn, compareRanges, ruleByCode, type Finding, type LineIndex, type Position } from './engine';
import { DOCS_BASE_URL } from './engine/rules';

export type Format = 'text' | 'json' | 'sarif' | 'github';

export interface FileResult { file: string; lines: LineIndex; findings: Finding[] }

interface JsonPos { line: number; column: number }
const DOCS_BASE = DOCS_BASE_URL;

function pos(lines: LineIndex, p: Position): JsonPos {
  return { line: p.line + 1, column: codePointColumn(lines, p) };
}

/** One finding in the JSON contract of SPEC section 10 (1-based lines, code-point columns). */
export function toJson(r: FileResult, f: Finding) {
  const s = pos(r.lines, f.range.start), e = pos(r.lines, f.range.end);
  const fix = f.fixes[0];
  return {
    file: r.file, line: s.line, column: s.column, endLine: e.line, endColumn: e.column,
    code: f.code, severity: f.severity, message: f.message,
    fix: fix ? {
      title: fix.title, safe: fix.safe,
      edits: fix.edits.map((x) => {
        const a = pos(r.lines, x.range.start), b = pos(r.lines, x.range.end);
        return { line: a.line, column: a.column, endLine: b.line, endColumn: b.column, text: x.newText };
      }),
    } : null,
  };
}

function sorted(results: FileResult[]): { r: FileResult; f: Finding }[] {
  const all = results.flatMap((r) => r.findings.map((f) => ({ r, f })));
  return all.sort((a, b) => (a.r.file < b.r.file ? -1 : a.r.file > b.r.file ? 1 : 0) || compareRanges(a.f.range, b.f.range) || a.f.code.localeCompare(b.f.code));
}

export function formatFindings(results: FileResult[], format: Format, version: string): string {
  const items = sorted(results);
  switch (format) {
    case 'json': return `${JSON.stringify(items.map(({ r, f }) => toJson(r, f)), null, 2)}\n`;
    case 'github': return items.map(({ r, f }) => github(r, f)).join('');
    case 'sarif': return `${JSON.stringify(sarif(items, version), null, 2)}\n`;
    default: return text(items);
  }
}

function text(items: { r: FileResult; f: Finding }[]): string {
  if (!items.length) return 'All checks passed.\n';
  let out = '';
  for (const { r, f } of items) {
    const s = pos(r.lines, f.range.start);
    const fixable = f.fixes.some((x) => x.safe) ? ' [*]' : '';
    out += `${r.file}:${s.line}:${s.column}: ${f.code}${fixable} ${f.message} (${f.severity})\n`;
  }
  const fixable = items.filter(({ f }) => f.fixes.some((x) => x.safe)).length;
  out += `Found ${items.length} finding${items.length === 1 ? '' : 's'}.`;
  if (fixable) out += `\n[*] ${fixable} fixable with \`gradio-lint check --fix\`.`;
  return `${out}\n`;
}

const escapeData = (s: string) => s.replace(/%/g, '%25').replace(/\r/g, '%0D').replace(/\n/g, '%0A');
const escapeProp = (s: string) => escapeData(s).replace(/:/g, '%3A').replace(/,/g, '%2C');

function github(r: FileResult, f: Finding): string {
  const s = pos(r.lines, f.range.start), e = pos(r.lines, f.range.end);
  const level = f.severity === 'error' ? 'error' : f.severity === 'warning' ? 'warning' : 'notice';
  return `::${level} file=${escapeProp(r.file)},line=${s.line},col=${s.column},endLine=${e.line},endColumn=${e.column},title=${escapeProp(f.code)}::${escapeData(`${f.code} ${f.message}`)}\n`;
}

function sarif(items: { r: FileResult; f: Finding }[], version: string) {
  const codes = [...new Set(items.map(({ f }) => f.code))].sort();
  const level = (s: Finding['severity']) => (s === 'error' ? 'error' : s === 'warning' ? 'warning' : 'note');
  return {
    $schema: 'https://json.schemastore.org/sarif-2.1.0.json',
    version: '2.1.0',
    runs: [{
      tool: {
        driver: {
          name: 'gradio-lint', version, informationUri: DOCS_BASE,
          rules: codes.map((code) => {
            const rule = ruleByCode(code);
            return { id: code, name: rule?.title, shortDescription: { text: rule?.title ?? code }, helpUri: `${DOCS_BASE}${code}.md`,
              defaultConfiguration: { level: level(rule?.severity ?? 'warning') } };
          }),
        },
      },
      results: items.map(({ r, f }) => {
        const s = pos(r.lines, f.range.start), e = pos(r.lines, f.range.end);
        return {
          ruleId: f.code, ruleIndex: codes.indexOf(f.code), level: level(f.severity), message: { text: f.message },
          locations: [{ physicalLocation: { artifactLocation: { uri: r.file.split('\\').join('/') },
            region: { startLine: s.line, startColumn: s.column, endLine: e.line, endColumn: e.column } } }],
        };
      }),
    }],
  };
}
