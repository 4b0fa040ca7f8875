// Hover: the engine's texts for the position (components and `type=`, launch/queue/listener keywords, gr.State,
// gr.update, handler parameters, rule codes in `# noqa:`), for the document's target Gradio version.
import type { Hover, Position } from 'vscode-languageserver';
import { hoverAt, mayUseGradio } from '../engine';
import type { Analyzer } from './analysis';
import type { Doc } from './documents';
import { modelFor } from './model';
import type { ServerSettings } from './settings';

export function hover(doc: Doc, pos: Position, analyzer: Analyzer, settings: ServerSettings): Hover | null {
  const offset = doc.lines.offsetAt(pos);
  const lineText = doc.lines.lineText(pos.line);
  // Files that never mention gradio only get the `# noqa` hover, without building a model.
  if (!mayUseGradio(doc.text) && !/#.*noqa/i.test(lineText)) return null;
  const version = analyzer.project(doc, settings).options.targetVersion;
  const h = hoverAt(modelFor(doc), doc.text, offset, version ?? '');
  if (!h) return null;
  return { contents: { kind: 'markdown', value: h.markdown }, range: doc.lines.range(h.start, h.end) };
}
