// Hover: the documentation of a rule code inside a `# noqa:` comment. (Component and keyword hovers build on this.)
import type { Hover, Position } from 'vscode-languageserver';
import { ruleByCode } from '../engine';
import type { Analyzer } from './analysis';
import type { Doc } from './documents';

export async function hover(doc: Doc, pos: Position, _analyzer: Analyzer): Promise<Hover | null> {
  const line = doc.lines.lineText(pos.line);
  const hash = line.indexOf('#');
  if (hash < 0 || pos.character < hash) return null;
  const comment = line.slice(hash);
  if (!/noqa/i.test(comment)) return null;
  const re = /GR\d{3}/gi;
  for (let m = re.exec(comment); m; m = re.exec(comment)) {
    const start = hash + m.index, end = start + m[0].length;
    if (pos.character < start || pos.character > end) continue;
    const rule = ruleByCode(m[0]);
    if (!rule) return null;
    return {
      contents: { kind: 'markdown', value: `**${rule.code}**: ${rule.title}\n${rule.docs}` },
      range: { start: { line: pos.line, character: start }, end: { line: pos.line, character: end } },
    };
  }
  return null;
}
