// The engine's public data types. Positions are LSP positions: 0-based lines, UTF-16 columns.

export type Severity = 'error' | 'warning' | 'info' | 'hint';

export interface Position { line: number; character: number }
export interface Range { start: Position; end: Position }
export interface TextEdit { range: Range; newText: string }

export interface Fix {
  title: string;
  edits: TextEdit[];
  /** Safe fixes cannot change what a correct program does; only they are applied by fix-all. */
  safe: boolean;
}

export interface Related { range: Range; message: string }

export interface Finding {
  code: string;
  severity: Severity;
  message: string;
  range: Range;
  /** Offered fixes, the preferred one first. */
  fixes: Fix[];
  related?: Related[];
}
