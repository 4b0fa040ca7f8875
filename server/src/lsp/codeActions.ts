// Code actions: the fixes carried by each diagnostic, "suppress on this line", and fix-all.
import { CodeActionKind, type CodeAction, type CodeActionParams, type Diagnostic, type TextEdit } from 'vscode-languageserver';
import { errorsAfter, fixAll, parseSuppressions, suppressionComment, syntaxErrorCount, type Fix, type Suppressions } from '../engine';
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
    let where: SuppressionSite | undefined;
    for (const d of params.context.diagnostics) {
      if (d.source !== SOURCE || typeof d.code !== 'string') continue;
      fixesOf(d).forEach((fix: Fix, i) => actions.push({
        title: fix.title, kind: CodeActionKind.QuickFix, diagnostics: [d], isPreferred: i === 0 && fix.safe,
        edit: edit(doc.uri, doc.version, fix.edits),
      }));
      const suppress = suppressAction(doc, d, (where ??= suppressionSite(doc)));
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

/** What placing a `# noqa` comment needs, worked out once per request: where each line's comment goes, and how many
 *  syntax errors the file has (a comment must not add any). */
interface SuppressionSite { suppressions: Suppressions; errors: number }

function suppressionSite(doc: Doc): SuppressionSite {
  const tree = doc.currentTree();
  return { suppressions: parseSuppressions(doc.text, true), errors: tree.rootNode.hasError ? syntaxErrorCount(tree) : 0 };
}

/** Adds `# noqa: CODE` on the line where a comment can silence the finding (after a multi-line string, for one). */
function suppressAction(doc: Doc, d: Diagnostic, site: SuppressionSite): CodeAction | undefined {
  const line = site.suppressions.noqaLine(d.range.start.line);
  const text = doc.lines.lineText(line);
  const next = suppressionComment(text, String(d.code));
  if (next === text) return undefined;
  const edits = [{ range: { start: { line, character: 0 }, end: { line, character: text.length } }, newText: next }];
  // In a file with syntax errors a comment can land where the parser guesses (after an unclosed quote): offered only
  // when the result parses no worse, as the rules' own fixes (errorRegions.ts).
  if (site.errors > 0 && errorsAfter(doc.text, doc.lines, doc.currentTree(), edits) > site.errors) return undefined;
  return {
    title: `Suppress ${d.code} on this line`, kind: CodeActionKind.QuickFix, diagnostics: [d],
    edit: edit(doc.uri, doc.version, edits),
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
