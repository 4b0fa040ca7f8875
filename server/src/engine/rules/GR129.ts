import type { Rule, FixSpec } from './types';
import type { Node } from '../parse';
import type { IOItem } from '../model/types';
import { stringValue, unwrap } from '../tree';
import { gradioPrefix, isOfClass, phase, replaceNode, text } from './migration';
import { listenerNode } from './handlers';

const WHEN = { removed: '6.0.0' };
const VIDEO_SHORTCUTS = new Set(['video', 'playablevideo']);

export const GR129: Rule = {
  code: 'GR129',
  title: '`(video, subtitles)` tuple returned to a `gr.Video` output',
  severity: 'error',
  versions: '>=6.0.0',
  docs: `
## What it does
Reports a handler that returns (or yields) a \`(video_path, subtitle_path)\` pair for a \`gr.Video\` output.
Gradio 6.0 dropped that format: return \`gr.Video(value=video_path, subtitles=subtitle_path)\` instead.

## Why is this bad?
In Gradio 6 \`gr.Video\` only post-processes a path; a tuple makes the event fail with an error
(\`UnboundLocalError\` inside \`Video.postprocess\`) every time it runs.

## Example
\`\`\`python
def dub(clip):
    return "out.mp4", "out.srt"

run.click(dub, clip, player)
\`\`\`

Use instead:
\`\`\`python
def dub(clip):
    return gr.Video(value="out.mp4", subtitles="out.srt")
\`\`\`

## Fix
Rewrites the pair as \`gr.Video(value=..., subtitles=...)\`. Not applied by fix-all: other callers of the
function may still expect the pair.
`,
  check(ctx) {
    if (!phase(ctx, WHEN)) return;
    const gr = gradioPrefix(ctx.model);
    for (const l of ctx.model.listeners) {
      const fn = l.handler;
      if (!fn || l.outputs.kind === 'unknown' || l.outputs.kind === 'set' || l.outputs.kind === 'absent') continue;
      const videos = l.outputs.items.map((item, i) => (isVideo(item) ? i : -1)).filter((i) => i >= 0);
      if (!videos.length) continue;
      const n = l.outputs.items.length;
      const values = fn.yields.length ? fn.yields.map((y) => y.firstNamedChild) : fn.returns.map((r) => r.value);
      for (const value of values) {
        if (!value) continue;
        for (const pair of videoPairs(value, n, videos)) {
          const [video, subtitles] = pair.items;
          const fixes: FixSpec[] = gr
            ? [{ title: 'Return `gr.Video(value=..., subtitles=...)`', safe: false, edits: [replaceNode(pair.node, `${gr}Video(value=${text(ctx, video)}, subtitles=${text(ctx, subtitles)})`)] }]
            : [];
          ctx.report({
            node: pair.node,
            message: 'A `(video, subtitles)` tuple for a `gr.Video` output fails since Gradio 6.0: return `gr.Video(value=video, subtitles=subtitles)`',
            related: [{ node: listenerNode(l), message: 'the listener whose output is the video' }],
            fixes,
          });
        }
      }
    }
  },
};

function isVideo(item: IOItem): boolean {
  if (item.component) return isOfClass(item.component.path, ['Video']);
  const s = stringValue(item.node);
  return s !== undefined && VIDEO_SHORTCUTS.has(s.toLowerCase());
}

function elements(node: Node): Node[] | undefined {
  const v = unwrap(node);
  if (v.type !== 'tuple' && v.type !== 'expression_list' && v.type !== 'list') return undefined;
  return v.namedChildren.filter((c) => c && c.type !== 'comment') as Node[];
}

/** The literal pairs in a returned value that land on a Video output. */
function videoPairs(value: Node, outputs: number, videos: number[]): { node: Node; items: Node[] }[] {
  const pairOf = (node: Node) => {
    const items = elements(node);
    if (!items || items.length !== 2 || items.some((i) => i.type === 'list_splat' || unwrap(i).type === 'none')) return undefined;
    return { node: unwrap(node), items };
  };
  if (outputs === 1) {
    const p = pairOf(value);
    return p ? [p] : [];
  }
  const all = elements(value);
  if (!all || all.length !== outputs) return [];
  return videos.map((i) => pairOf(all[i])).filter((p): p is { node: Node; items: Node[] } => !!p);
}

