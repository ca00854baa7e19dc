// One open report: its reactive model, autosave, undo/redo and the structure edits.
//
// Typing changes one block of the model in place (fine-grained: only that block's views
// update) and queues that one row for autosave. Structure edits go to the store one at a
// time; the store answers with the report as stored (with the ids of new rows), which then
// replaces the model. Undo of a structure edit sends the snapshot from before it.

import { tick } from 'svelte';
import type { Block } from '../ipc/bindings/Block';
import type { Meta } from '../ipc/bindings/Meta';
import type { Report } from '../ipc/bindings/Report';
import * as ipc from '../ipc/commands';
import { messageOf } from '../ipc/errors';
import { IntervalSnapshots } from '../history/interval';
import { planDemote, planMoveDown, planMoveUp, planPromote, type Plan } from '../outline/moves';
import { childrenOf, cloneReport, documentOrder, emptyBlock, idOf, locate, positionOf, type Located } from '../report/tree';
import { notify } from '../shell/notices.svelte';
import { Autosave, type BlockText, type SaveStatus } from './autosave';
import { caretOffset, setCaret } from './caret';
import { History } from './history';
import { insertedId, planAddHeading, planAddParagraph, planEnter, type InsertResult } from './insertPlan';

export type Field = 'text' | 'body';
export type Caret = number | 'start' | 'end';

/** A block's editable node as the session indexes it. */
type Editable =
  | { kind: 'part'; node: { heading: string; body: string } }
  | { kind: 'heading'; node: { text: string; body: string } }
  | { kind: 'paragraph'; node: { text: string } };

export class EditorSession {
  report: Report = $state() as Report;
  saveStatus: SaveStatus = $state({ state: 'idle' });
  canUndo = $state(false);
  canRedo = $state(false);
  /** The block the toolbar acts on: the one focused last. */
  current: { id: number; field: Field } | null = $state(null);
  /** A structure edit is on its way to the store. */
  busy = $state(false);
  /** Counts restores of earlier versions: the views keyed on it start afresh. */
  generation = $state(0);
  /** Changes with every change to the report's text or structure: a cheap signal for views
   *  that recount the whole report later rather than on every keystroke. */
  textVersion = $state(0);
  /** Told of every text change as it happens, before autosave stores it (版面预览). */
  onText: (id: number, text: BlockText) => void = () => {};

  readonly reportId: number;
  readonly history: History;
  readonly autosave: Autosave;
  /** 每十分钟: a snapshot while there were edits. */
  readonly intervals: IntervalSnapshots;
  private nodes = new Map<number, Editable>();
  private editables = new Map<string, HTMLElement>();
  private lastPartId: number | undefined;
  private queue: Promise<unknown> = Promise.resolve();

  constructor(reportId: number, report: Report) {
    this.reportId = reportId;
    this.history = new History(() => {
      this.canUndo = this.history.canUndo;
      this.canRedo = this.history.canRedo;
    });
    this.autosave = new Autosave(reportId, (s) => {
      // Every keystroke reports "saving": assign only when it says something new.
      if (s.state !== this.saveStatus.state || s.state === 'error' || s.state === 'saved') this.saveStatus = s;
    });
    this.intervals = new IntervalSnapshots(() => ipc.takeSnapshot(reportId, 'interval'));
    this.applyReport(report);
  }

  // ---- text ------------------------------------------------------------------------------

  /** The drafter changed a block's text (or a heading's run-in body). */
  editText(id: number, field: Field, value: string): void {
    const e = this.nodes.get(id);
    if (!e) return;
    const before = textOf(e);
    this.write(e, field, value);
    const after = textOf(e);
    this.history.recordText(id, before, after, Date.now());
    this.autosave.block(id, after);
    this.onText(id, after);
    this.intervals.edited();
  }

  /** Whether a heading has neither run-in body nor anything under it. */
  isBare(id: number): boolean {
    const at = locate(this.report, id);
    return at?.kind === 'heading' && at.node.body === '' && at.node.children.length === 0;
  }

  /** The meta form saved a valid Meta. */
  editMeta(meta: Meta): void {
    this.report.meta = meta;
    this.textVersion += 1;
    this.autosave.meta($state.snapshot(meta) as Meta);
    this.intervals.edited();
  }

  /** Leaving the editor, closing the window: everything to the store now. */
  async flush(): Promise<boolean> {
    this.history.seal();
    await this.queue;
    return this.autosave.flush();
  }

  /** Ctrl+S: like flush, and the status line says so even when nothing was waiting. */
  async saveNow(): Promise<boolean> {
    const ok = await this.flush();
    if (ok) this.saveStatus = { state: 'saved', at: new Date() };
    return ok;
  }

  // ---- focus -----------------------------------------------------------------------------

  registerEditable(id: number, field: Field, el: HTMLElement): () => void {
    const key = `${id}:${field}`;
    this.editables.set(key, el);
    return () => {
      if (this.editables.get(key) === el) this.editables.delete(key);
    };
  }

  focused(id: number, field: Field): void {
    if (this.current?.id !== id) this.history.seal();
    this.current = { id, field };
    const part = locate(this.report, id)?.part;
    if (part?.id != null) this.lastPartId = part.id;
  }

  /** Puts the caret into a block once the DOM shows it. */
  async focusBlock(id: number, field: Field = 'text', caret: Caret = 'end'): Promise<void> {
    await tick();
    const el = this.editables.get(`${id}:${field}`) ?? this.editables.get(`${id}:text`);
    if (!el) return;
    el.focus({ preventScroll: true });
    setCaret(el, caret);
    el.scrollIntoView({ block: 'nearest', behavior: 'auto' });
  }

  /** The editable element of a block's text or run-in body, while the page shows it. */
  editableOf(id: number, field: Field): HTMLElement | undefined {
    return this.editables.get(`${id}:${field}`);
  }

  /** The neighbouring editable field in document order (for arrows and Backspace). */
  neighbour(id: number, field: Field, step: -1 | 1): { id: number; field: Field } | undefined {
    const fields: { id: number; field: Field }[] = [];
    for (const blockId of documentOrder(this.report)) {
      fields.push({ id: blockId, field: 'text' });
      if (this.editables.has(`${blockId}:body`)) fields.push({ id: blockId, field: 'body' });
    }
    const i = fields.findIndex((f) => f.id === id && f.field === field);
    return i < 0 ? undefined : fields[i + step];
  }

  // ---- structure -------------------------------------------------------------------------

  moveUp = (id = this.current?.id) => this.runPlan(id, (r, rid, bid) => planMoveUp(r, rid, bid));
  moveDown = (id = this.current?.id) => this.runPlan(id, (r, rid, bid) => planMoveDown(r, rid, bid));
  demote = (id = this.current?.id) => this.runPlan(id, (r, rid, bid) => planDemote(r, rid, bid));
  promote = (id = this.current?.id) => this.runPlan(id, (r, rid, bid) => planPromote(r, rid, bid));

  private runPlan(id: number | undefined, plan: (r: Report, reportId: number, blockId: number) => Plan) {
    if (id === undefined) {
      notify('请先点一下要调整的标题或段落。');
      return Promise.resolve(false);
    }
    const p = plan(this.report, this.reportId, id);
    if (!p.ok) {
      notify(p.reason);
      return Promise.resolve(false);
    }
    const field = this.current?.id === id ? this.current.field : 'text';
    const el = this.editables.get(`${id}:${field}`);
    const caret = (el && caretOffset(el)) ?? 'end';
    const a = p.action;
    return this.structureEdit(
      () =>
        a.op === 'move_part'
          ? ipc.movePart(this.reportId, a.partId, a.index)
          : ipc.moveBlock(this.reportId, a.blockId, a.to),
      () => ({ id, field, caret }),
    );
  }

  /** The first 导语 paragraph, for a report that has none. */
  addPreface = () =>
    this.insert({ ok: true, kind: 'paragraph', at: { in: 'preface', report_id: this.reportId, index: 0 }, container: { in: 'preface' }, index: 0 });

  addHeading = () => this.insert(planAddHeading(this.report, this.reportId, this.current?.id, this.lastPartId));
  addParagraph = () => this.insert(planAddParagraph(this.report, this.reportId, this.current?.id, this.lastPartId));

  /** Enter: a new sibling after the block; a paragraph is split at the caret. */
  enter(id: number, field: Field, caret: number): Promise<boolean> {
    const p = planEnter(this.report, this.reportId, id);
    const e = this.nodes.get(id);
    if (!p.ok || !e) return this.insert(p);
    if (e.kind === 'paragraph' && field === 'text' && caret < e.node.text.length) {
      const head = e.node.text.slice(0, caret);
      const tail = e.node.text.slice(caret);
      return this.insert(p, { kind: 'paragraph', text: tail }, async (after) => {
        await ipc.updateBlock(id, head, '');
        const node = locate(after, id)?.node;
        if (node && 'text' in node) node.text = head;
      }, 'start');
    }
    return this.insert(p);
  }

  /**
   * Paste of several paragraphs into a paragraph: the first joins the text at the caret, the
   * others become paragraphs after it (the text after the caret ends the last). One undo step.
   */
  pasteParagraphs(id: number, caret: number, lines: string[]): Promise<boolean> {
    const at = locate(this.report, id);
    if (!at || (at.kind !== 'paragraph' && at.kind !== 'preface') || lines.length < 2) return Promise.resolve(false);
    const text = at.node.text;
    const head = text.slice(0, caret) + lines[0];
    const rest = lines.slice(1);
    const last = rest.length - 1;
    const tail = text.slice(caret);
    const ids = { first: idOf(at.node), lastInserted: undefined as number | undefined };
    return this.structureEdit(
      async () => {
        await ipc.updateBlock(ids.first, head, '');
        let after: Report | undefined;
        for (const [i, line] of rest.entries()) {
          const position = positionOf(this.reportId, at.container, at.index + 1 + i);
          after = await ipc.insertBlock(this.reportId, position, { kind: 'paragraph', text: i === last ? line + tail : line });
        }
        const report = after ?? (await ipc.loadReport(this.reportId));
        const again = locate(report, ids.first);
        if (again) {
          ids.lastInserted = childIdAt(report, again, again.index + rest.length);
          if (again.kind === 'paragraph' || again.kind === 'preface') again.node.text = head;
        }
        return report;
      },
      () => (ids.lastInserted === undefined ? undefined : { id: ids.lastInserted, field: 'text', caret: (rest[last] ?? '').length }),
    );
  }

  private insert(
    p: InsertResult,
    block: Block = emptyBlock(p.ok ? p.kind : 'paragraph'),
    alsoDo?: (after: Report) => Promise<void>,
    caret: Caret = 'end',
  ): Promise<boolean> {
    if (!p.ok) {
      notify(p.reason);
      return Promise.resolve(false);
    }
    let newId: number | undefined;
    return this.structureEdit(
      async () => {
        const after = await ipc.insertBlock(this.reportId, p.at, block);
        newId = insertedId(after, p);
        if (alsoDo) await alsoDo(after);
        return after;
      },
      () => (newId === undefined ? undefined : { id: newId, field: 'text', caret }),
    );
  }

  /** Deletes a block with everything under it (Backspace in an empty one, or 删除). */
  deleteBlock(id = this.current?.id, focus: 'previous' | 'none' = 'previous'): Promise<boolean> {
    if (id === undefined) {
      notify('请先点一下要删除的标题或段落。');
      return Promise.resolve(false);
    }
    const before = this.neighbour(id, 'text', -1);
    const target = focus === 'previous' && before ? { ...before, caret: 'end' as const } : undefined;
    return this.structureEdit(
      () => ipc.deleteBlock(this.reportId, id),
      () => target,
    ).then((ok) => {
      if (ok) notify('已删除。按 Ctrl+Z 可以撤销。');
      return ok;
    });
  }

  /**
   * Runs one structure edit: saves pending text first (so the snapshot and the store agree),
   * applies the report the store returns and records the undo entry.
   */
  private structureEdit(
    run: () => Promise<Report>,
    focusAfter: () => { id: number; field: Field; caret: Caret } | undefined,
  ): Promise<boolean> {
    return this.serial(async () => {
      if (!(await this.autosave.flush())) {
        notify('有修改还没能保存，暂时不能调整结构。请等“已保存”出现后再试。', 'error');
        return false;
      }
      const before = this.snapshot();
      const focusBefore = this.current?.id;
      this.busy = true;
      this.saveStatus = { state: 'saving' };
      try {
        const after = await run();
        this.applyReport(after);
        this.structureSaved();
        const target = focusAfter();
        this.history.recordStructure(before, cloneReport(after), { before: focusBefore, after: target?.id ?? focusBefore });
        this.intervals.edited();
        if (target) await this.focusBlock(target.id, target.field, target.caret);
        return true;
      } catch (e) {
        notify(messageOf(e), 'error');
        // A multi-step edit may have stopped half-way: show what the store holds.
        await this.reload();
        this.saveStatus = this.autosave.status();
        return false;
      } finally {
        this.busy = false;
      }
    });
  }

  /**
   * A change the store makes to the text (一键修正): pending text is saved first, the store
   * answers with the report, and the change is one undo step.
   */
  storedChange(run: () => Promise<Report>): Promise<boolean> {
    return this.structureEdit(run, () => undefined);
  }

  // ---- undo / redo -----------------------------------------------------------------------

  undo = () => this.travel('undo');
  redo = () => this.travel('redo');

  private travel(direction: 'undo' | 'redo'): Promise<void> {
    return this.serial(async () => {
      this.history.seal();
      const entry = direction === 'undo' ? this.history.undo() : this.history.redo();
      if (!entry) return;
      const failed = () => (direction === 'undo' ? this.history.undoFailed(entry) : this.history.redoFailed(entry));
      if (entry.kind === 'text') {
        const e = this.nodes.get(entry.blockId);
        if (!e) {
          failed();
          notify('找不到要撤销的段落。', 'error');
          return;
        }
        const state = direction === 'undo' ? entry.before : entry.after;
        this.write(e, 'text', state.text);
        if (e.kind !== 'paragraph') this.write(e, 'body', state.body);
        this.autosave.block(entry.blockId, state);
        this.onText(entry.blockId, state);
        void this.autosave.flush();
        await this.focusBlock(entry.blockId, 'text', 'end');
        return;
      }
      if (!(await this.autosave.flush())) {
        failed();
        notify('有修改还没能保存，暂时不能撤销。请稍后再试。', 'error');
        return;
      }
      // Meta is not part of undo: the snapshot carries the form as it is now.
      const target = { ...(direction === 'undo' ? entry.before : entry.after), meta: this.snapshot().meta };
      this.busy = true;
      this.saveStatus = { state: 'saving' };
      try {
        this.applyReport(await ipc.replaceReport(this.reportId, target));
        this.structureSaved();
        this.intervals.edited();
        const focus = direction === 'undo' ? entry.focusBefore : entry.focusAfter;
        if (focus !== undefined && this.nodes.has(focus)) await this.focusBlock(focus);
      } catch (e) {
        failed();
        this.saveStatus = this.autosave.status();
        notify(messageOf(e), 'error');
      } finally {
        this.busy = false;
      }
    });
  }

  // ---- 历史版本 --------------------------------------------------------------------------

  /**
   * 恢复此版本: the store keeps the current state as a 恢复前 version, then puts the earlier one
   * back. Undo starts afresh: its entries describe a tree that is no longer there.
   */
  restoreVersion(snapshotId: number): Promise<boolean> {
    return this.serial(async () => {
      this.history.seal();
      if (!(await this.autosave.flush())) {
        notify('有修改还没能保存，暂时不能恢复。请等“已保存”出现后再试。', 'error');
        return false;
      }
      this.busy = true;
      this.saveStatus = { state: 'saving' };
      try {
        this.applyReport(await ipc.restoreSnapshot(this.reportId, snapshotId));
        this.history.clear();
        this.intervals.reset();
        this.current = null;
        this.generation += 1;
        this.structureSaved();
        return true;
      } catch (e) {
        notify(messageOf(e), 'error');
        this.saveStatus = this.autosave.status();
        return false;
      } finally {
        this.busy = false;
      }
    });
  }

  // ---- internals -------------------------------------------------------------------------

  /** Re-reads the report from the store (after a failed edit); keeps text typed meanwhile. */
  private async reload(): Promise<void> {
    try {
      this.applyReport(await ipc.loadReport(this.reportId));
    } catch {
      // The store is unreachable: the window keeps what it shows, and autosave retries.
    }
  }

  /** A structure edit is stored (it is one transaction): 已保存, unless text is still waiting. */
  private structureSaved(): void {
    const text = this.autosave.status();
    this.saveStatus = text.state === 'idle' || text.state === 'saved' ? { state: 'saved', at: new Date() } : text;
  }

  /** The model as plain data (no proxies), for snapshots. */
  snapshot(): Report {
    return cloneReport($state.snapshot(this.report) as Report);
  }

  /** Replaces the model with a report from the store, keeping text typed meanwhile. */
  private applyReport(report: Report): void {
    const pending = this.autosave?.pendingBlocks() ?? new Map<number, BlockText>();
    this.report = report;
    this.textVersion += 1;
    this.nodes = indexNodes(this.report);
    if (this.current && !this.nodes.has(this.current.id)) this.current = null;
    for (const [id, text] of pending) {
      const e = this.nodes.get(id);
      if (!e) continue;
      this.write(e, 'text', text.text);
      if (e.kind !== 'paragraph') this.write(e, 'body', text.body);
    }
  }

  private write(e: Editable, field: Field, value: string): void {
    writeField(e, field, value);
    this.textVersion += 1;
  }

  /** Structure edits and undo run one at a time, in order. */
  private serial<T>(fn: () => Promise<T>): Promise<T> {
    const result = this.queue.then(fn);
    this.queue = result.catch(() => undefined);
    return result;
  }
}

/** The id of the sibling at `index` in the list that holds `at`. */
function childIdAt(report: Report, at: Located, index: number): number | undefined {
  const node = childrenOf(report, at.container)[index];
  return node?.id ?? undefined;
}

function indexNodes(report: Report): Map<number, Editable> {
  const nodes = new Map<number, Editable>();
  for (const p of report.preface) if (p.id != null) nodes.set(p.id, { kind: 'paragraph', node: p });
  const walk = (blocks: Block[]) => {
    for (const b of blocks) {
      if (b.id == null) continue;
      if (b.kind === 'heading') {
        nodes.set(b.id, { kind: 'heading', node: b });
        walk(b.children);
      } else {
        nodes.set(b.id, { kind: 'paragraph', node: b });
      }
    }
  };
  for (const part of report.parts) {
    if (part.id != null) nodes.set(part.id, { kind: 'part', node: part });
    walk(part.blocks);
  }
  return nodes;
}

function textOf(e: Editable): BlockText {
  switch (e.kind) {
    case 'part':
      return { text: e.node.heading, body: e.node.body };
    case 'heading':
      return { text: e.node.text, body: e.node.body };
    case 'paragraph':
      return { text: e.node.text, body: '' };
  }
}

function writeField(e: Editable, field: Field, value: string): void {
  if (e.kind === 'part') {
    if (field === 'text') e.node.heading = value;
    else e.node.body = value;
  } else if (e.kind === 'heading') {
    if (field === 'text') e.node.text = value;
    else e.node.body = value;
  } else if (field === 'text') {
    e.node.text = value;
  }
}
