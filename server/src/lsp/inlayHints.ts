// Inlay hints: after an unannotated handler parameter, the type its component passes (`img: PIL.Image.Image`),
// when every listener feeding it agrees. Off with `gradio.inlayHints.enable: false`.
import { InlayHintKind, type InlayHint, type Range } from 'vscode-languageserver';
import { mayUseGradio, parameterTypeHints } from '../engine';
import type { Analyzer } from './analysis';
import type { Doc } from './documents';
import { modelFor } from './model';
import type { ServerSettings } from './settings';

/** Types that need no import, so double-clicking the hint may insert them as the annotation. */
const BUILTIN_ONLY = /^(?:str|int|float|bool|bytes|list|dict|tuple|None|[\s|,[\]])+$/;

export function inlayHints(doc: Doc, range: Range, analyzer: Analyzer, settings: ServerSettings): InlayHint[] {
  if (!settings.inlayHints || !mayUseGradio(doc.text)) return [];
  const model = modelFor(doc);
  if (!model.usesGradio) return [];
  const version = analyzer.project(doc, settings).options.targetVersion ?? '';
  const from = doc.lines.offsetAt(range.start), to = doc.lines.offsetAt(range.end);
  const out: InlayHint[] = [];
  for (const h of parameterTypeHints(model, version)) {
    if (h.offset < from || h.offset > to) continue;
    const position = doc.lines.positionAt(h.offset);
    const sources = h.param.feeds.map((f) => (f.listener ? `\`${(f.component?.name ?? f.node.text).slice(0, 40)}\` via \`${f.via.label}\`` : `\`${f.via.label}\``));
    out.push({
      position,
      label: h.label,
      kind: InlayHintKind.Type,
      tooltip: { kind: 'markdown', value: `What Gradio passes to \`${h.param.param.name}\`: from ${[...new Set(sources)].join(', ')}.` },
      ...(BUILTIN_ONLY.test(h.label.slice(2)) ? { textEdits: [{ range: { start: position, end: position }, newText: h.label }] } : {}),
    });
  }
  return out;
}
