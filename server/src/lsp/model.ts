// The Gradio model of an open document's current tree, for hovers and inlay hints (diagnostics build their own
// inside the engine). One model per tree: a new version means a new tree, and the old model is garbage.
import { Model, syntaxOf, type Tree } from '../engine';
import type { Doc } from './documents';

const models = new WeakMap<Tree, Model>();

export function modelFor(doc: Doc): Model {
  const tree = doc.currentTree();
  let m = models.get(tree);
  if (!m) models.set(tree, (m = new Model(syntaxOf(tree, doc.text).rootNode)));
  return m;
}
