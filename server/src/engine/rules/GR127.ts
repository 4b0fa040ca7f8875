import type { Rule, FixSpec } from './types';
import { appendArgument } from './edits';
import { isOfClass, isPortable, keywordMessage, listenerKeywordHits, phase, removeKeyword, text } from './migration';

const WHEN = { removed: '6.0.0' };

export const GR127: Rule = {
  code: 'GR127',
  title: '`.like(like_user_message=...)` moved to `gr.Chatbot(...)`',
  severity: 'error',
  versions: '>=6.0.0',
  docs: `
## What it does
Reports \`like_user_message=\` on a \`.like(...)\` listener. Gradio 6.0 moved it to the \`gr.Chatbot\` constructor.

## Why is this bad?
The listener raises \`TypeError\` on the unknown keyword while the app is built.

## Example
\`\`\`python
chat = gr.Chatbot()
chat.like(record_vote, None, None, like_user_message=True)
\`\`\`

Use instead:
\`\`\`python
chat = gr.Chatbot(like_user_message=True)
chat.like(record_vote, None, None)
\`\`\`

## Fix
Moves the keyword to the constructor of the chatbot the listener is attached to, when that call is in the file
(safe when the value means the same there, e.g. a literal).
`,
  check(ctx) {
    if (!phase(ctx, WHEN)) return;
    for (const { listener, kw } of listenerKeywordHits(ctx, ['like_user_message'])) {
      const chatbot = listener.trigger?.component;
      const fixes: FixSpec[] = [];
      if (chatbot && isOfClass(chatbot.path, ['Chatbot']) && chatbot.call.args.list) {
        const target = chatbot.call;
        const edits = [removeKeyword(kw)];
        if (!target.args.keywords.has('like_user_message')) edits.push(appendArgument(ctx.text, target.args.list!, `like_user_message=${text(ctx, kw.value)}`));
        const safe = target.args.keywords.has('like_user_message')
          ? false
          : isPortable(ctx.model, kw.value, listener.call.scope, target.scope, target.node.startIndex);
        const title = target.args.keywords.has('like_user_message')
          ? 'Remove `like_user_message=` (the `gr.Chatbot(...)` call already sets it)'
          : 'Move `like_user_message=` to the `gr.Chatbot(...)` call';
        fixes.push({ title, safe, edits });
      } else {
        fixes.push({ title: 'Remove `like_user_message=`', safe: false, edits: [removeKeyword(kw)] });
      }
      ctx.report({
        node: kw.node,
        message: keywordMessage(ctx, '.like(like_user_message=...)', WHEN, 'pass it to the `gr.Chatbot(...)` constructor'),
        fixes,
      });
    }
  },
};
