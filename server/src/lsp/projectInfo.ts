// The `gradio/projectInfo` request: which Gradio version a file is checked against, and why (status item).
import { shortVersion } from '../engine';
import type { Analyzer } from './analysis';
import type { Doc } from './documents';
import type { ServerSettings } from './settings';

export const PROJECT_INFO_REQUEST = 'gradio/projectInfo';

export interface ProjectInfo {
  version: string;
  source: string;
  isSpace: boolean;
  usesGradio: boolean;
}

export function projectInfo(doc: Doc, analyzer: Analyzer, s: ServerSettings): ProjectInfo {
  const p = analyzer.project(doc, s);
  return { version: shortVersion(p.project.target.version), source: p.project.target.source, isSpace: p.project.isSpace, usesGradio: doc.text.includes('gradio') };
}
