// How long the preview takes to show a change, kept for the figures test
// (tests/e2e/tests/figures.rs reads `window.__nianbaoPreview`).

/** Milliseconds, oldest first: from an edit event to the sheets repainted with it (`edit`),
 *  from asking the engine to the repaint (`samples`, every re-pagination), the IPC round
 *  trip (`ipc`), the part after the layout arrived (`render`), and of that the DOM update
 *  (`dom`), the wait for the frame (`wait`: DOM updated → the frame's callback) and the
 *  frame's own style, layout and paint (`frame`); `engine`: where the layout is made (the
 *  WebAssembly engine in the window, or the app over IPC). */
export interface PreviewTimings {
  engine: 'window' | 'app';
  edit: number[];
  samples: number[];
  ipc: number[];
  render: number[];
  dom: number[];
  wait: number[];
  frame: number[];
  last: number;
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
  private readonly t: PreviewTimings = { engine: 'app', edit: [], samples: [], ipc: [], render: [], dom: [], wait: [], frame: [], last: 0, pages: 0 };

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
    if (m.since !== null) push(this.t.edit, m.painted - m.since);
    push(this.t.samples, m.painted - m.asked);
    push(this.t.ipc, m.arrived - m.asked);
    push(this.t.render, m.painted - m.arrived);
    push(this.t.dom, m.updated - m.arrived);
    push(this.t.wait, m.framed - m.updated);
    push(this.t.frame, m.painted - m.framed);
    this.t.last = m.painted - m.asked;
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
