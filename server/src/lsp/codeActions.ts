// Code actions: the fixes carried by each diagnostic, "suppress on this line", and fix-all.
import { CodeActionKind, type CodeAction, type CodeActionParams, type Diagnostic, type TextEdit } from 'vscode-languageserver';
import { fixAll, parseSuppressions, suppressionComment, syntaxErrorCount, syntaxErrorsOf, type Fix } from '../engine';
import type { Doc } from './documents';
import { fixesOf, SOURCE } from './diagnostics';
import type { Analyzer } from './analysis';

export const FIX_ALL_KIND = `${CodeActionKind.SourceFixAll}.gradio`;

function edit(uri: string, version: number, edits: TextEdit[]) {
  return { documentChanges: [{ textDocument: { uri, version }, edits }] };
}

export async function codeActions(params: CodeActionParams, doc: Doc, analyzer: Analyzer, fixAllEnabled: boolean): Promise<CodeAction[]> {
  const only = params.context.only;
  const wants = (kind: string) => !only || only.some((o) => kind === o || kind.startsWith(`${o}.`));
  const actions: CodeAction[] = [];
  if (wants(CodeActionKind.QuickFix)) {
    for (const d of params.context.diagnostics) {
      if (d.source !== SOURCE || typeof d.code !== 'string') continue;
      fixesOf(d).forEach((fix: Fix, i) => actions.push({
        title: fix.title, kind: CodeActionKind.QuickFix, diagnostics: [d], isPreferred: i === 0 && fix.safe,
        edit: edit(doc.uri, doc.version, fix.edits),
      }));
      const suppress = suppressAction(doc, d);
      if (suppress) actions.push(suppress);
    }
  }
  if (fixAllEnabled && (wants(FIX_ALL_KIND) && only)) {
    const a = await analyzer.analyze(doc);
    if (!a?.settings) return actions;
    const r = fixAll(doc.text, a.settings.options);
    if (r.applied) {
      actions.push({
        title: 'Gradio: fix all auto-fixable problems', kind: FIX_ALL_KIND,
        edit: edit(doc.uri, doc.version, [minimalEdit(doc, r.text)]),
      });
    }
  }
  return actions;
}

/** Adds `# noqa: CODE` on the line where a comment can silence the finding (after a multi-line string, for one). */
function suppressAction(doc: Doc, d: Diagnostic): CodeAction | undefined {
  const line = parseSuppressions(doc.text, true).noqaLine(d.range.start.line);
  const text = doc.lines.lineText(line);
  const next = suppressionComment(text, String(d.code));
  if (next === text) return undefined;
  // In a file with syntax errors a comment can land where the parser guesses (after an unclosed quote): offered only
  // when the result parses no worse, as the rules' own fixes (errorRegions.ts).
  const tree = doc.currentTree();
  if (tree.rootNode.hasError) {
    const start = doc.lines.lineStart(line);
    const after = doc.text.slice(0, start) + next + doc.text.slice(start + text.length);
    if (syntaxErrorsOf(after) > syntaxErrorCount(tree)) return undefined;
  }
  return {
    title: `Suppress ${d.code} on this line`, kind: CodeActionKind.QuickFix, diagnostics: [d],
    edit: edit(doc.uri, doc.version, [{
      range: { start: { line, character: 0 }, end: { line, character: text.length } },
      newText: next,
    }]),
  };
}

/** One edit covering only the changed middle of the text, so the editor keeps the cursor and folds elsewhere. */
function minimalEdit(doc: Doc, next: string): TextEdit {
  const prev = doc.text;
  let start = 0;
  while (start < prev.length && start < next.length && prev.charCodeAt(start) === next.charCodeAt(start)) start++;
  let endPrev = prev.length, endNext = next.length;
  while (endPrev > start && endNext > start && prev.charCodeAt(endPrev - 1) === next.charCodeAt(endNext - 1)) { endPrev--; endNext--; }
  // Never split a surrogate pair.
  if (start > 0 && /[\uD800-\uDBFF]/.test(prev[start - 1])) start--;
  return { range: doc.lines.range(start, endPrev), newText: next.slice(start, endNext) };
}
