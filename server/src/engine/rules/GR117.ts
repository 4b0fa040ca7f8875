import type { Rule, RuleContext } from './types';
import type { KeywordArg } from '../model/types';
import { keywordDefault, keywordHits, keywordMessage, listenerKeywordHits, literalOf, phase, removeKeyword, replaceNode, text } from './migration';
import type { FixSpec } from './types';

const WHEN = { removed: '6.0.0' };

export const GR117: Rule = {
  code: 'GR117',
  title: '`show_api=` replaced by `api_visibility=`',
  severity: 'error',
  versions: '>=6.0.0',
  docs: `
## What it does
Reports \`show_api=\` on event listeners, \`gr.Examples\`, \`gr.ClearButton\`, \`gr.Interface\` and
\`gr.ChatInterface\`. Gradio 6.0 replaced it with \`api_visibility=\`: \`"public"\` (listed in the API page),
\`"undocumented"\` (callable but not listed) or \`"private"\`.

## Why is this bad?
The call raises \`TypeError\` on the unknown keyword while the app is built.

## Example
\`\`\`python
btn.click(fn=refresh, outputs=table, show_api=False)
\`\`\`

Use instead:
\`\`\`python
btn.click(fn=refresh, outputs=table, api_visibility="undocumented")
\`\`\`

## Fix
\`show_api=False\` becomes \`api_visibility="undocumented"\` and \`show_api=True\` becomes \`api_visibility="public"\`
(deleted where that is already the default); any other value becomes a conditional expression. All safe.
`,
  check(ctx) {
    if (!phase(ctx, WHEN)) return;
    for (const { listener, kw } of listenerKeywordHits(ctx, ['show_api'])) {
      const what = listener.event === 'on' ? 'gr.on' : `.${listener.event}`;
      report(ctx, kw, `${what}(show_api=...)`, '"public"', listener.call.args.keywords.has('api_visibility'));
    }
    const listenerCalls = new Set(ctx.model.listeners.filter((l) => l.event !== 'Interface').map((l) => l.call.node.id));
    for (const hit of keywordHits(ctx, ['*'], ['show_api'])) {
      if (listenerCalls.has(hit.call.node.id)) continue;
      const def = keywordDefault(ctx, hit.path, 'api_visibility');
      if (def === undefined) continue;
      const name = hit.path.split('.').pop();
      report(ctx, hit.kw, `${name}(show_api=...)`, def, hit.call.args.keywords.has('api_visibility'));
    }
  },
};

function report(ctx: RuleContext, kw: KeywordArg, what: string, defaultVisibility: string, clash: boolean) {
  const v = literalOf(kw.value);
  const value = v === true ? '"public"' : v === false ? '"undocumented"' : `"public" if ${text(ctx, kw.value)} else "undocumented"`;
  const fix: FixSpec = clash
    ? { title: 'Remove `show_api=`', safe: false, edits: [removeKeyword(kw)] }
    : value === defaultVisibility
      ? { title: 'Remove `show_api=` (the default)', safe: true, edits: [removeKeyword(kw)] }
      : { title: `Replace with \`api_visibility=${value}\``, safe: true, edits: [replaceNode(kw.node, `api_visibility=${value}`)] };
  ctx.report({
    node: kw.node,
    message: keywordMessage(ctx, what, WHEN, v === false ? 'use `api_visibility="undocumented"`' : 'use `api_visibility=`'),
    fixes: [fix],
  });
}
