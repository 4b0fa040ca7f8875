import type { Rule, RuleContext, FixSpec } from './types';
import type { KeywordArg } from '../model/types';
import { BUTTON_FLAGS, DEFAULT_BUTTONS } from '../knowledge/migrations';
import { callParams } from '../knowledge/signatures';
import { classNameOf, keywordHits, keywordMessage, keywordStillNamed, literalOf, phase, pyList, removeArguments, replaceNode, type KeywordHit } from './migration';

const WHEN = { removed: '6.0.0' };
const FLAGS = Object.keys(BUTTON_FLAGS);

export const GR119: Rule = {
  code: 'GR119',
  title: '`show_*_button=` flags replaced by `buttons=[...]`',
  severity: 'error',
  versions: '>=6.0.0',
  docs: `
## What it does
Reports the \`show_copy_button\`, \`show_copy_all_button\`, \`show_share_button\`, \`show_download_button\`,
\`show_fullscreen_button\`, \`show_export_button\` and \`show_reset_button\` keywords (Chatbot, Textbox, Markdown,
Dataframe, Audio, Image, ImageEditor, Video, Gallery, ImageSlider, AnnotatedImage, Dialogue, Slider and the
native plots). Gradio 6.0 replaced them with one \`buttons=[...]\` list.

## Why is this bad?
The constructor raises \`TypeError\` on the removed keyword.

## Example
\`\`\`python
answer = gr.Textbox(label="Answer", show_copy_button=True)
photo = gr.Image(show_download_button=False)
\`\`\`

Use instead:
\`\`\`python
answer = gr.Textbox(label="Answer", buttons=["copy"])
photo = gr.Image(buttons=["share", "fullscreen"])
\`\`\`

## Fix
Builds the list from the buttons the component shows by default in Gradio 6 (for \`gr.Image\`: download, share,
fullscreen), minus the flags set to \`False\`, plus those set to \`True\`; when that is the default list the flags
are simply deleted. Safe when every flag is a literal. Note that \`buttons=[]\` hides every button, while leaving
\`buttons\` out keeps the defaults.
`,
  check(ctx) {
    if (!phase(ctx, WHEN)) return;
    const byCall = new Map<number, KeywordHit[]>();
    for (const hit of keywordHits(ctx, ['*'], FLAGS)) {
      if (!keywordStillNamed(ctx, hit.path, 'buttons')) continue;
      const list = byCall.get(hit.call.node.id) ?? [];
      list.push(hit);
      byCall.set(hit.call.node.id, list);
    }
    for (const hits of byCall.values()) {
      const { fix, buttons } = buttonsFix(ctx, hits);
      for (const hit of hits) {
        const advice = buttons !== undefined ? `use \`buttons=${buttons}\`` : 'list the buttons to show in `buttons=[...]`';
        ctx.report({
          node: hit.kw.node,
          message: keywordMessage(ctx, `${classNameOf(hit.path)}(${hit.kw.name}=...)`, WHEN, advice),
          fixes: fix ? [fix] : [],
        });
      }
    }
  },
};

function buttonsFix(ctx: RuleContext, hits: KeywordHit[]): { fix?: FixSpec; buttons?: string } {
  const call = hits[0].call;
  const path = hits[0].path;
  const kws: KeywordArg[] = hits.map((h) => h.kw);
  const removeAll = removeArguments(kws.map((k) => k.node));
  if (call.args.keywords.has('buttons')) {
    return { fix: { title: 'Remove the flags (`buttons=` is already given)', safe: true, edits: removeAll } };
  }
  const values = kws.map((k) => literalOf(k.value));
  if (values.some((v) => v !== true && v !== false && v !== null)) return {};
  const defaults = defaultButtons(ctx, path);
  const allowed = allowedButtons(ctx, path);
  let list = [...(defaults ?? [])];
  kws.forEach((k, i) => {
    const name = BUTTON_FLAGS[k.name];
    if (values[i] === false) list = list.filter((b) => b !== name);
    else if (values[i] === true && !list.includes(name)) list.push(name);
  });
  const dropped = allowed ? list.filter((b) => !allowed.has(b)) : [];
  list = list.filter((b) => !dropped.length || !dropped.includes(b));
  const safe = defaults !== undefined && !dropped.length;
  if (defaults && sameSet(list, defaults)) {
    return { fix: { title: 'Remove the flags (the default buttons already match)', safe, edits: removeAll }, buttons: pyList(list) };
  }
  const buttons = pyList(list);
  const [first, ...rest] = kws;
  const edits = [replaceNode(first.node, `buttons=${buttons}`), ...removeArguments(rest.map((k) => k.node)).map((e) =>
    e.start < first.node.endIndex && e.end > first.node.startIndex ? { ...e, start: Math.max(e.start, first.node.endIndex) } : e)];
  return { fix: { title: `Replace with \`buttons=${buttons}\``, safe, edits }, buttons };
}

function sameSet(a: readonly string[], b: readonly string[]): boolean {
  return a.length === b.length && a.every((x) => b.includes(x));
}

/** The buttons the component shows without `buttons=`, by its class or nearest base in the target. */
function defaultButtons(ctx: RuleContext, path: string): readonly string[] | undefined {
  const r = ctx.apis[ctx.apis.length - 1].resolve(path);
  if (r?.kind !== 'class') return undefined;
  for (const c of [r.info.name, ...r.info.mro]) if (DEFAULT_BUTTONS[c]) return DEFAULT_BUTTONS[c];
  return undefined;
}

/** The button names the target's `buttons` annotation lists, when it lists them. */
function allowedButtons(ctx: RuleContext, path: string): Set<string> | undefined {
  const p = callParams(ctx.apis[ctx.apis.length - 1], path)?.find((x) => x.n === 'buttons');
  if (!p?.a) return undefined;
  const names = [...p.a.matchAll(/"([a-z_]+)"/g)].map((m) => m[1]);
  return names.length ? new Set(names) : undefined;
}
