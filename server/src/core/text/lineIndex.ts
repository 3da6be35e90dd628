/** Zero-based line/character position, UTF-16 code units (the LSP convention). */
export interface Position {
  line: number;
  character: number;
}

/** Half-open range between two positions (the LSP convention). */
export interface Range {
  start: Position;
  end: Position;
}

/** Offsets where each line starts (as LSP counts lines: \r\n, \r and \n each end one). */
export function lineStartOffsets(text: string): number[] {
  const starts = [0];
  if (!text.includes('\r')) {
    // Only \n breaks (the usual case): indexOf finds them many times faster than a loop over every character.
    for (let at = text.indexOf('\n'); at !== -1; at = text.indexOf('\n', at + 1)) starts.push(at + 1);
    return starts;
  }
  for (let i = 0; i < text.length; i++) {
    const ch = text.charCodeAt(i);
    if (ch === 10 /* \n */) {
      starts.push(i + 1);
    } else if (ch === 13 /* \r */) {
      if (text.charCodeAt(i + 1) === 10) i++;
      starts.push(i + 1);
    }
  }
  return starts;
}

/** Maps string offsets to line/character positions and back, in O(log lines). */
export class LineIndex {
  private readonly lineStarts: number[];

  constructor(readonly text: string) {
    this.lineStarts = lineStartOffsets(text);
  }

  get lineCount(): number {
    return this.lineStarts.length;
  }

  positionAt(offset: number): Position {
    const clamped = Math.max(0, Math.min(offset, this.text.length));
    let low = 0;
    let high = this.lineStarts.length - 1;
    while (low < high) {
      const mid = (low + high + 1) >> 1;
      if (this.lineStarts[mid] <= clamped) low = mid;
      else high = mid - 1;
    }
    // An offset inside a line break (between \r and \n) belongs to the end of the line's content.
    return { line: low, character: Math.min(clamped, this.lineEndOffset(low)) - this.lineStarts[low] };
  }

  offsetAt(position: Position): number {
    if (position.line < 0) return 0;
    if (position.line >= this.lineStarts.length) return this.text.length;
    const start = this.lineStarts[position.line];
    const end = this.lineEndOffset(position.line);
    return Math.max(start, Math.min(start + position.character, end));
  }

  range(start: number, end: number): Range {
    return { start: this.positionAt(start), end: this.positionAt(end) };
  }

  lineStartOffset(line: number): number {
    return this.lineStarts[Math.max(0, Math.min(line, this.lineStarts.length - 1))];
  }

  /** Offset of the end of the line's content, before its line break. */
  lineEndOffset(line: number): number {
    const next = line + 1 < this.lineStarts.length ? this.lineStarts[line + 1] : this.text.length;
    let end = next;
    if (end > this.lineStarts[line] && this.text.charCodeAt(end - 1) === 10) end--;
    if (end > this.lineStarts[line] && this.text.charCodeAt(end - 1) === 13) end--;
    return end;
  }

  lineText(line: number): string {
    return this.text.slice(this.lineStartOffset(line), this.lineEndOffset(line));
  }
}
