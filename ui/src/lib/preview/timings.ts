// How long the preview takes to show a change, kept for the figures test
// (tests/e2e/tests/figures.rs reads `window.__nianbaoPreview`).

/** Milliseconds, oldest first: from an edit to the sheets' DOM holding it (`edit`, the
 *  re-pagination as the window sees it) and to the frame painted with it (`shown`); for every
 *  re-pagination, asking the engine until its answer is in hand (`layout`: in the window, or
 *  a load of the stored report over IPC), the DOM update (`dom`), the wait for the frame
 *  (`wait`: DOM updated → the frame's callback) and the frame's own style, layout and paint
 *  (`frame`); `engine`: where the layout is made (the WebAssembly engine in the window, or the
 *  app over IPC). */
export interface PreviewTimings {
  engine: 'window' | 'app';
  edit: number[];
  shown: number[];
  layout: number[];
  dom: number[];
  wait: number[];
  frame: number[];
  pages: number;
}

declare global {
  interface Window {
    __nianbaoPreview?: PreviewTimings;
  }
}

const KEEP = 200;

/** The moments of one re-pagination (performance.now()); `since` is the edit's, if any. */
export interface Moments {
  since: number | null;
  asked: number;
  arrived: number;
  updated: number;
  /** The frame's callback ran. */
  framed: number;
  painted: number;
  pages: number;
}

export class PreviewClock {
  private readonly t: PreviewTimings = { engine: 'app', edit: [], shown: [], layout: [], dom: [], wait: [], frame: [], pages: 0 };

  constructor() {
    window.__nianbaoPreview = this.t;
  }

  /** Where the layouts come from from now on. */
  engine(where: PreviewTimings['engine']): void {
    this.t.engine = where;
  }

  record(m: Moments): void {
    const push = (list: number[], ms: number) => {
      list.push(ms);
      if (list.length > KEEP) list.shift();
    };
    if (m.since !== null) {
      push(this.t.edit, m.updated - m.since);
      push(this.t.shown, m.painted - m.since);
    }
    push(this.t.layout, m.arrived - m.asked);
    push(this.t.dom, m.updated - m.arrived);
    push(this.t.wait, m.framed - m.updated);
    push(this.t.frame, m.painted - m.framed);
    this.t.pages = m.pages;
  }
}

/** Resolves once the next frame has been rendered, with the moment its callback ran: a task
 *  queued from the frame's callback runs after that frame's style, layout and paint. A hidden
 *  window has no frames: after 200 ms it resolves anyway, or no later edit would be laid out. */
export function nextPaint(): Promise<number> {
  return new Promise((done) => {
    const late = setTimeout(() => done(performance.now()), 200);
    requestAnimationFrame(() => {
      clearTimeout(late);
      const framed = performance.now();
      const channel = new MessageChannel();
      channel.port1.onmessage = () => done(framed);
      channel.port2.postMessage(null);
    });
  });
}
