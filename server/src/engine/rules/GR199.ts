import type { Rule, RuleContext } from './types';
import type { CallArgs } from '../model/types';
import type { ParamInfo } from '../knowledge';
import { acceptsKeyword, callParams, classOf, keywordNames, listenerParams } from '../knowledge/signatures';
import { didYouMean, removeArgument } from './edits';
import { shortVersion } from '../version';

export const GR199: Rule = {
  code: 'GR199',
  title: 'Keyword argument the callable does not accept',
  severity: 'error',
  versions: '*',
  docs: `
## What it does
Reports a keyword argument that a Gradio component, layout, function, \`launch()\`/\`queue()\` or event listener does
not accept in the target version.

## Why is this bad?
Since Gradio 4.0 components have no \`**kwargs\`: an unknown keyword raises \`TypeError\` when the app is built.
In 3.x most were silently ignored, so the setting you wrote never took effect.

## Example
\`\`\`python
gr.Textbox(lable="Name")
\`\`\`

Use instead:
\`\`\`python
gr.Textbox(label="Name")
\`\`\`

## Fix
Rename the keyword when one accepted name is close (a guess, so not part of fix-all); otherwise remove it
(safe: the call cannot succeed with it). Keywords removed or renamed in a known migration are reported by their
specific rule (GR100-GR131) with the exact replacement.
`,
  check(ctx) {
    for (const g of ctx.model.gradioCalls) {
      const lists = ctx.apis.map((a) => callParams(a, g.path));
      if (lists.some((l) => l === undefined)) continue;
      checkKeywords(ctx, g.call.args, lists as ParamInfo[][], `gradio.${g.path}`);
    }
    for (const app of ctx.model.apps) {
      for (const m of [...app.launches, ...app.queues]) {
        const lists = ctx.apis.map((a) => classOf(a, app.kind)?.methods?.[m.method]);
        if (lists.some((l) => l === undefined)) continue;
        checkKeywords(ctx, m.call.args, lists as ParamInfo[][], `${m.method}()`);
      }
    }
    for (const l of ctx.model.listeners) {
      if (l.event === 'Interface') continue;
      const lists = ctx.apis.map((a) => listenerParams(a, l.event));
      checkKeywords(ctx, l.call.args, lists, l.event === 'on' ? 'gr.on()' : `.${l.event}()`);
    }
  },
};

function checkKeywords(ctx: RuleContext, args: CallArgs, lists: ParamInfo[][], what: string) {
  if (!lists.length) return;
  for (const kw of args.keywords.values()) {
    if (lists.some((params) => acceptsKeyword(params, kw.name))) continue;
    const names = new Set(lists.flatMap(keywordNames));
    const guess = didYouMean(kw.name, [...names].filter((n) => !args.keywords.has(n)));
    const remove = { title: `Remove \`${kw.name}=\``, safe: !guess, edits: [removeArgument(kw.node)] };
    ctx.report({
      node: kw.node,
      message: `${what} has no parameter \`${kw.name}\` in Gradio ${shortVersion(ctx.version)}${guess ? `; did you mean \`${guess}\`?` : ''}`,
      fixes: guess
        ? [{ title: `Rename to \`${guess}=\``, safe: false, edits: [{ start: kw.nameNode.startIndex, end: kw.nameNode.endIndex, text: guess }] }, remove]
        : [remove],
    });
  }
}
