// Offsets, LSP positions and code-point columns over one immutable text.
import type { Position, Range } from './types';

/** Line starts of a text; line breaks are \n, \r\n and \r, as in LSP. */
export class LineIndex {
  private readonly starts: number[] = [0];
  /** A \r not followed by \n: a line break for LSP but not for tree-sitter, whose rows count \n only. */
  private loneCR = false;

  constructor(readonly text: string) {
    // Most files have no \r at all: then indexOf finds the line breaks far faster than a loop over every character.
    if (text.indexOf('\r') < 0) {
      for (let i = text.indexOf('\n'); i >= 0; i = text.indexOf('\n', i + 1)) this.starts.push(i + 1);
      return;
    }
    for (let i = 0; i < text.length; i++) {
      const c = text.charCodeAt(i);
      if (c === 13) {
        if (text.charCodeAt(i + 1) === 10) i++;
        else this.loneCR = true;
        this.starts.push(i + 1);
      } else if (c === 10) this.starts.push(i + 1);
    }
  }

  get lineCount(): number { return this.starts.length; }

  positionAt(offset: number): Position {
    offset = Math.max(0, Math.min(offset, this.text.length));
    let lo = 0, hi = this.starts.length - 1;
    while (lo < hi) {
      const mid = (lo + hi + 1) >> 1;
      if (this.starts[mid] <= offset) lo = mid; else hi = mid - 1;
    }
    return { line: lo, character: offset - this.starts[lo] };
  }

  offsetAt(pos: Position): number {
    if (pos.line >= this.starts.length) return this.text.length;
    if (pos.line < 0) return 0;
    const start = this.starts[pos.line];
    const end = this.lineEnd(pos.line);
    return Math.min(start + Math.max(0, pos.character), end);
  }

  /** The tree-sitter point of an offset (row: \n line breaks before it; column: UTF-16 units since the last). */
  treePoint(offset: number): { row: number; column: number } {
    if (!this.loneCR) {
      const p = this.positionAt(offset);
      return { row: p.line, column: p.character };
    }
    let row = 0, lineStart = 0;
    for (let i = this.text.indexOf('\n'); i >= 0 && i < offset; i = this.text.indexOf('\n', i + 1)) { row++; lineStart = i + 1; }
    return { row, column: offset - lineStart };
  }

  range(start: number, end: number): Range {
    return { start: this.positionAt(start), end: this.positionAt(end) };
  }

  lineStart(line: number): number { return this.starts[line] ?? this.text.length; }

  /** Offset of the end of the line's content, before its line break. */
  lineEnd(line: number): number {
    const next = this.starts[line + 1];
    if (next === undefined) return this.text.length;
    let end = next;
    if (this.text.charCodeAt(end - 1) === 10) end--;
    if (this.text.charCodeAt(end - 1) === 13) end--;
    return end;
  }

  lineText(line: number): string { return this.text.slice(this.lineStart(line), this.lineEnd(line)); }

  /** The file's dominant line ending, used by fixes that add lines. */
  eol(): string {
    const crlf = this.text.indexOf('\r\n');
    return crlf >= 0 && crlf === this.text.indexOf('\n') - 1 ? '\r\n' : '\n';
  }
}

/** 1-based column counted in Unicode code points (the CLI's convention) for an LSP position. */
export function codePointColumn(lines: LineIndex, pos: Position): number {
  const text = lines.lineText(pos.line).slice(0, pos.character);
  let n = 0;
  for (const _ of text) n++;
  return n + 1;
}

export function compareRanges(a: Range, b: Range): number {
  return a.start.line - b.start.line || a.start.character - b.start.character
    || a.end.line - b.end.line || a.end.character - b.end.character;
}
