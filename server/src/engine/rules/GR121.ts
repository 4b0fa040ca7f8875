import type { Rule, FixSpec } from './types';
import type { OffsetEdit } from './types';
import { appendArgument } from './edits';
import { classNameOf, gradioPrefix, isOfClass, keywordHits, keywordMessage, literalOf, phase, removeArguments, targetHas, text, type KeywordHit } from './migration';

const WHEN = { removed: '6.0.0' };

export const GR121: Rule = {
  code: 'GR121',
  title: '`Audio`/`Video` `min_length=`/`max_length=` moved to a listener validator',
  severity: 'error',
  versions: '>=6.0.0',
  docs: `
## What it does
Reports \`min_length=\` and \`max_length=\` on \`gr.Audio\` and \`gr.Video\`. Gradio 6.0 removed them: length
checks now run as a \`validator=\` on the event listener, with \`gr.validators.is_audio_correct_length\` or
\`gr.validators.is_video_correct_length\`.

## Why is this bad?
The constructor raises \`TypeError\` on the removed keyword.

## Example
\`\`\`python
clip = gr.Audio(max_length=30)
clip.upload(transcribe, clip, text)
\`\`\`

Use instead:
\`\`\`python
clip = gr.Audio()
clip.upload(transcribe, clip, text,
            validator=lambda a: gr.validators.is_audio_correct_length(a, min_length=None, max_length=30))
\`\`\`

## Fix
When the component is the only input of its listeners, the quick fix removes the keywords and adds the
validator to each of them. It is not applied by fix-all: the check moves from the browser to the server, and an
\`Audio\` validator needs the default \`type="numpy"\` value.
`,
  check(ctx) {
    if (!phase(ctx, WHEN)) return;
    const byCall = new Map<number, KeywordHit[]>();
    for (const hit of keywordHits(ctx, ['Audio', 'Video'], ['min_length', 'max_length'])) {
      byCall.set(hit.call.node.id, [...(byCall.get(hit.call.node.id) ?? []), hit]);
    }
    for (const hits of byCall.values()) {
      const video = isOfClass(hits[0].path, ['Video']);
      const check = video ? 'is_video_correct_length' : 'is_audio_correct_length';
      const fix = validatorFix(ctx, hits, check, video);
      for (const hit of hits) {
        ctx.report({
          node: hit.kw.node,
          message: keywordMessage(ctx, `${classNameOf(hit.path)}(${hit.kw.name}=...)`, WHEN,
            `check the length in the listener with \`validator=lambda x: gr.validators.${check}(x, min_length=..., max_length=...)\``),
          fixes: fix ? [fix] : [],
        });
      }
    }
  },
};

function validatorFix(ctx: Parameters<Rule['check']>[0], hits: KeywordHit[], check: string, video: boolean): FixSpec | undefined {
  const gr = gradioPrefix(ctx.model);
  if (!gr || !targetHas(ctx, 'validators')) return undefined;
  const call = hits[0].call;
  if (!video) {
    const type = call.args.keywords.get('type');
    if (type && literalOf(type.value) !== 'numpy') return undefined;
  }
  const component = ctx.model.components.find((c) => c.call.node.id === call.node.id);
  if (!component) return undefined;
  const listeners = ctx.model.listeners.filter((l) => l.event !== 'Interface' && l.inputs.items.length === 1
    && l.inputs.items[0].component === component && (l.inputs.kind === 'single' || l.inputs.kind === 'list')
    && !l.call.args.keywords.has('validator') && l.call.args.list);
  if (!listeners.length) return undefined;
  const value = (name: string) => {
    const kw = hits.find((h) => h.kw.name === name)?.kw;
    return kw ? text(ctx, kw.value) : 'None';
  };
  const validator = `validator=lambda value: ${gr}validators.${check}(value, min_length=${value('min_length')}, max_length=${value('max_length')})`;
  const edits: OffsetEdit[] = [...removeArguments(hits.map((h) => h.kw.node))];
  for (const l of listeners) edits.push(appendArgument(ctx.text, l.call.args.list!, validator));
  return { title: 'Check the length with a listener `validator=`', safe: false, edits };
}
