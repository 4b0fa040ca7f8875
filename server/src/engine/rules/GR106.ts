import type { Rule } from './types';
import { checkKeywordChanges, keywordHits, keywordMessage, literalOf, namesKeyword, phase, removeKeyword, replaceNode, type KeywordChange } from './migration';

const CHANGES: readonly KeywordChange[] = [
  { classes: ['Chatbot'], keyword: 'color_map', removed: '4.0.0', safe: true, advice: 'it had no effect since 3.x; delete it' },
  ...['max_rows', 'max_cols', 'overflow_row_behaviour'].map((keyword): KeywordChange => ({
    classes: ['Dataframe'], keyword, removed: '4.0.0', safe: true,
    advice: 'it had no effect since 3.x (size the table with `row_count`/`max_height`); delete it',
  })),
];
const AUDIO = { removed: '4.0.0' };

export const GR106: Rule = {
  code: 'GR106',
  title: 'Removed Chatbot, Dataframe or Audio keyword (3.x)',
  severity: 'error',
  versions: '>=4.0.0',
  docs: `
## What it does
Reports 3.x keywords that Gradio 4.0 removed: \`gr.Chatbot(color_map=...)\`,
\`gr.Dataframe(max_rows=..., max_cols=..., overflow_row_behaviour=...)\` and \`gr.Audio(show_edit_button=...)\`.

## Why is this bad?
Since 4.0 components take no unknown keywords: the constructor raises \`TypeError\` and the app does not start.
The Chatbot and Dataframe keywords had already stopped doing anything in late 3.x.

## Example
\`\`\`python
table = gr.Dataframe(headers=["name", "score"], max_rows=10)
\`\`\`

Use instead:
\`\`\`python
table = gr.Dataframe(headers=["name", "score"])
\`\`\`

## Fix
Deletes the keyword (safe). \`gr.Audio(show_edit_button=False)\` becomes \`editable=False\` where the target
version has that parameter.
`,
  check(ctx) {
    checkKeywordChanges(ctx, CHANGES);
    if (!phase(ctx, AUDIO)) return;
    for (const hit of keywordHits(ctx, ['Audio'], ['show_edit_button'])) {
      const off = literalOf(hit.kw.value) === false;
      const editable = off && !hit.call.args.keywords.has('editable') && ctx.apis.every((a) => namesKeyword(a, 'Audio', 'editable'));
      ctx.report({
        node: hit.kw.node,
        message: keywordMessage(ctx, 'Audio(show_edit_button=...)', AUDIO,
          off ? 'to keep the audio from being edited use `editable=False`' : 'delete it'),
        fixes: [editable
          ? { title: 'Replace with `editable=False`', safe: true, edits: [replaceNode(hit.kw.node, 'editable=False')] }
          : { title: 'Remove `show_edit_button=`', safe: !off, edits: [removeKeyword(hit.kw)] }],
      });
    }
  },
};
