// How long the preview takes to show a change, kept for the figures test
// (tests/e2e/tests/figures.rs reads `window.__nianbaoPreview`).

/** Milliseconds, oldest first, for every re-pagination: asking the engine until its answer is
 *  in hand (`layout`: in the window, or a load of the stored report over IPC), the DOM update
 *  (`dom`), the wait for the frame (`wait`: DOM updated → the frame's callback) and the frame's
 *  own style, layout and paint (`frame`); `engine`: where the layout is made (the WebAssembly
 *  engine in the window, or the app over IPC). The time from a keystroke to its page is
 *  measured by the test itself, from before the input event. */
export interface PreviewTimings {
  engine: 'window' | 'app';
  layout: number[];
  dom: number[];
  wait: number[];
  frame: number[];
}

declare global {
  interface Window {
    __nianbaoPreview?: PreviewTimings;
  }
}

const KEEP = 200;

/** The moments of one re-pagination (performance.now()). */
export interface Moments {
  asked: number;
  arrived: number;
  updated: number;
  /** The frame's callback ran. */
  framed: number;
  painted: number;
}

export class PreviewClock {
  private readonly t: PreviewTimings = { engine: 'app', layout: [], dom: [], wait: [], frame: [] };

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
    push(this.t.layout, m.arrived - m.asked);
    push(this.t.dom, m.updated - m.arrived);
    push(this.t.wait, m.framed - m.updated);
    push(this.t.frame, m.painted - m.framed);
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
