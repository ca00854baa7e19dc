// Short messages at the bottom of the window (已导出…, 已移到回收站 [撤销], refusals, errors).
// Non-blocking: the drafter keeps typing while they show.

export interface NoticeAction {
  label: string;
  testId?: string;
  run: () => void | Promise<void>;
}

export interface Notice {
  id: number;
  kind: 'info' | 'success' | 'error';
  text: string;
  detail?: string;
  action?: NoticeAction;
}

let nextId = 1;
const timers = new Map<number, ReturnType<typeof setTimeout>>();

export const notices = $state<{ list: Notice[] }>({ list: [] });

/** Shows a notice; errors and notices with an action stay longer. Returns its id. */
export function notify(text: string, kind: Notice['kind'] = 'info', options: { action?: NoticeAction; detail?: string; ms?: number } = {}): number {
  const id = nextId++;
  // One refusal at a time: pressing Alt+↑ at the top again should not stack copies.
  notices.list = notices.list.filter((n) => n.text !== text).slice(-3);
  notices.list.push({ id, kind, text, detail: options.detail, action: options.action });
  const ms = options.ms ?? (kind === 'error' ? 10000 : options.action ? 10000 : 5000);
  timers.set(
    id,
    setTimeout(() => dismiss(id), ms),
  );
  return id;
}

export function dismiss(id: number): void {
  clearTimeout(timers.get(id));
  timers.delete(id);
  notices.list = notices.list.filter((n) => n.id !== id);
}

/** Removes the notices whose action has this test id (e.g. 撤销 once it can no longer work). */
export function dismissAction(testId: string): void {
  for (const n of notices.list) if (n.action?.testId === testId) dismiss(n.id);
}

/** Clears every notice (the drafter moved to another view, where they no longer apply). */
export function dismissAll(): void {
  for (const n of notices.list) dismiss(n.id);
}
