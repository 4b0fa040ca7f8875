// The Gradio model of an open document's current tree, for hovers and inlay hints: the one its analysis built (or
// reused), built here when no analysis ran on this tree yet.
import { modelOf, syntaxOf, type Model } from '../engine';
import type { Doc } from './documents';

export function modelFor(doc: Doc): Model {
  return modelOf(syntaxOf(doc.currentTree(), doc.text));
}
