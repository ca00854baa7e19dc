// 撤销 / 重做. Two kinds of entries:
// - text: one block's text and run-in body before and after; keystrokes in the same block
//   coalesce into one entry until the drafter pauses, leaves the block, or does anything else;
// - structure: the whole report before and after (insert, move, delete, level change),
//   restored with replace_report, which keeps the ids, so later text entries stay valid.

import type { Report } from '../ipc/bindings/Report';

export interface TextState {
  text: string;
  body: string;
}

export interface TextEntry {
  kind: 'text';
  blockId: number;
  before: TextState;
  after: TextState;
  /** When the last keystroke of this entry happened (ms). */
  at: number;
  /** Whether further keystrokes may still join this entry. */
  open: boolean;
}

export interface StructureEntry {
  kind: 'structure';
  before: Report;
  after: Report;
  /** The block that had the caret before the edit (focused again after undo). */
  focusBefore?: number;
  /** The block the edit put the caret in (focused again after redo). */
  focusAfter?: number;
}

export type HistoryEntry = TextEntry | StructureEntry;

export interface HistoryOptions {
  /** A pause longer than this starts a new text entry. */
  coalesceMs: number;
  /** Entries kept; the oldest are dropped. */
  limit: number;
}

export class History {
  private undoStack: HistoryEntry[] = [];
  private redoStack: HistoryEntry[] = [];
  private readonly options: HistoryOptions;

  constructor(
    private readonly onChange: () => void = () => {},
    options: Partial<HistoryOptions> = {},
  ) {
    this.options = { coalesceMs: 1500, limit: 300, ...options };
  }

  get canUndo(): boolean {
    return this.undoStack.length > 0;
  }

  get canRedo(): boolean {
    return this.redoStack.length > 0;
  }

  /** Records a text edit; joins the previous entry while the drafter keeps typing in the same block. */
  recordText(blockId: number, before: TextState, after: TextState, now: number): void {
    if (before.text === after.text && before.body === after.body) return;
    this.redoStack = [];
    const top = this.undoStack[this.undoStack.length - 1];
    if (
      top?.kind === 'text' &&
      top.open &&
      top.blockId === blockId &&
      now - top.at <= this.options.coalesceMs &&
      sameText(top.after, before)
    ) {
      top.after = { ...after };
      top.at = now;
    } else {
      this.push({ kind: 'text', blockId, before: { ...before }, after: { ...after }, at: now, open: true });
    }
    this.onChange();
  }

  /** Records a structure edit with the report before and after it. */
  recordStructure(before: Report, after: Report, focus: { before?: number; after?: number } = {}): void {
    this.redoStack = [];
    this.seal();
    this.push({ kind: 'structure', before, after, focusBefore: focus.before, focusAfter: focus.after });
    this.onChange();
  }

  /** Ends the current text entry: the next keystroke starts a new one. */
  seal(): void {
    const top = this.undoStack[this.undoStack.length - 1];
    if (top?.kind === 'text') top.open = false;
  }

  /** Takes the entry to undo (it moves to the redo stack). */
  undo(): HistoryEntry | undefined {
    const entry = this.undoStack.pop();
    if (!entry) return undefined;
    if (entry.kind === 'text') entry.open = false;
    this.redoStack.push(entry);
    this.onChange();
    return entry;
  }

  /** Takes the entry to redo (it moves back to the undo stack). */
  redo(): HistoryEntry | undefined {
    const entry = this.redoStack.pop();
    if (!entry) return undefined;
    this.undoStack.push(entry);
    this.onChange();
    return entry;
  }

  /** Puts back an entry whose undo could not be applied (the store refused or failed). */
  undoFailed(entry: HistoryEntry): void {
    if (this.redoStack[this.redoStack.length - 1] === entry) this.redoStack.pop();
    this.undoStack.push(entry);
    this.onChange();
  }

  /** Puts back an entry whose redo could not be applied. */
  redoFailed(entry: HistoryEntry): void {
    if (this.undoStack[this.undoStack.length - 1] === entry) this.undoStack.pop();
    this.redoStack.push(entry);
    this.onChange();
  }

  clear(): void {
    this.undoStack = [];
    this.redoStack = [];
    this.onChange();
  }

  private push(entry: HistoryEntry): void {
    this.undoStack.push(entry);
    if (this.undoStack.length > this.options.limit) this.undoStack.shift();
  }
}

function sameText(a: TextState, b: TextState): boolean {
  return a.text === b.text && a.body === b.body;
}
