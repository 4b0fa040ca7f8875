import type { Rule, FixSpec } from './types';
import { classNameOf, gradioPrefix, keywordHits, keywordMessage, keywordStillNamed, literalOf, phase, removeArguments, replaceNode, targetHas, text, type KeywordHit } from './migration';

const WHEN = { removed: '6.0.0' };
const OPTION: Record<string, string> = { mirror_webcam: 'mirror', webcam_constraints: 'constraints' };

export const GR120: Rule = {
  code: 'GR120',
  title: '`mirror_webcam=` / `webcam_constraints=` moved into `gr.WebcamOptions`',
  severity: 'error',
  versions: '>=6.0.0',
  docs: `
## What it does
Reports \`mirror_webcam=\` and \`webcam_constraints=\` on \`gr.Image\`, \`gr.Video\` and \`gr.ImageEditor\`.
Gradio 6.0 groups them in \`webcam_options=gr.WebcamOptions(mirror=..., constraints=...)\`.

## Why is this bad?
The constructor raises \`TypeError\` on the removed keyword.

## Example
\`\`\`python
cam = gr.Image(sources=["webcam"], mirror_webcam=False)
\`\`\`

Use instead:
\`\`\`python
cam = gr.Image(sources=["webcam"], webcam_options=gr.WebcamOptions(mirror=False))
\`\`\`

## Fix
Replaces the keywords with one \`webcam_options=gr.WebcamOptions(...)\` (safe: same settings). When the call
already passes \`webcam_options=\`, merging is left to you.
`,
  check(ctx) {
    if (!phase(ctx, WHEN) || !targetHas(ctx, 'WebcamOptions')) return;
    const byCall = new Map<number, KeywordHit[]>();
    for (const hit of keywordHits(ctx, ['Image', 'Video', 'ImageEditor'], Object.keys(OPTION))) {
      if (!keywordStillNamed(ctx, hit.path, 'webcam_options')) continue;
      byCall.set(hit.call.node.id, [...(byCall.get(hit.call.node.id) ?? []), hit]);
    }
    for (const hits of byCall.values()) {
      const call = hits[0].call;
      const gr = gradioPrefix(ctx.model);
      let fix: FixSpec | undefined;
      if (gr && !call.args.keywords.has('webcam_options')) {
        const opts = hits.filter((h) => literalOf(h.kw.value) !== null).map((h) => `${OPTION[h.kw.name]}=${text(ctx, h.kw.value)}`);
        const [first, ...rest] = hits;
        const edits = opts.length
          ? [replaceNode(first.kw.node, `webcam_options=${gr}WebcamOptions(${opts.join(', ')})`), ...removeArguments(rest.map((h) => h.kw.node))]
          : removeArguments(hits.map((h) => h.kw.node));
        fix = { title: opts.length ? 'Use `webcam_options=gr.WebcamOptions(...)`' : 'Remove the `None` keywords (the default)', safe: true, edits };
      }
      for (const hit of hits) {
        ctx.report({
          node: hit.kw.node,
          message: keywordMessage(ctx, `${classNameOf(hit.path)}(${hit.kw.name}=...)`, WHEN, `use \`webcam_options=gr.WebcamOptions(${OPTION[hit.kw.name]}=...)\``),
          fixes: fix ? [fix] : [],
        });
      }
    }
  },
};
