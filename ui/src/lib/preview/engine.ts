// The pagination engine inside the window: crates/nianbao-layout compiled to WebAssembly
// (crates/nianbao-layout-wasm, built by scripts/build-wasm.sh into ui/wasm/). A keystroke is
// laid out within its input event, so the next frame shows its page, with no IPC on the way.
// Requests and answers cross as JSON in the module's memory (see that crate's abi.rs).

import type { LayoutDelta } from '../ipc/bindings/LayoutDelta';
import type { Report } from '../ipc/bindings/Report';
import type { TextEdit } from '../ipc/bindings/TextEdit';

/** What the engine answers: the change to the layout, a request to load the report afresh
 *  (an edit to a block it does not hold), or why it could not. */
export type EngineAnswer = { ok: LayoutDelta } | { reload: true } | { error: string };

interface Exports {
  memory: WebAssembly.Memory;
  nb_alloc(len: number): number;
  nb_output(): number;
  nb_load(ptr: number, len: number, base: number): number;
  nb_edit(ptr: number, len: number, base: number): number;
}

const encoder = new TextEncoder();
const decoder = new TextDecoder();

export class WasmEngine {
  private constructor(private readonly x: Exports) {}

  /** The engine from the module's bytes. */
  static async instantiate(bytes: BufferSource): Promise<WasmEngine> {
    const { instance } = await WebAssembly.instantiate(bytes, {});
    return new WasmEngine(instance.exports as unknown as Exports);
  }

  /** Takes the stored report with the typing not stored yet; `base`: the revision held. */
  load(report: Report, edits: TextEdit[], base: number | null): EngineAnswer {
    return this.call(this.x.nb_load, { report, edits }, base);
  }

  /** One block's text changed. */
  edit(edit: TextEdit, base: number | null): EngineAnswer {
    return this.call(this.x.nb_edit, edit, base);
  }

  private call(f: (ptr: number, len: number, base: number) => number, request: unknown, base: number | null): EngineAnswer {
    const bytes = encoder.encode(JSON.stringify(request));
    const ptr = this.x.nb_alloc(bytes.length);
    // Views are made after each call into the module: its memory may have grown.
    new Uint8Array(this.x.memory.buffer, ptr, bytes.length).set(bytes);
    const len = f(ptr, bytes.length, base ?? -1);
    return JSON.parse(decoder.decode(new Uint8Array(this.x.memory.buffer, this.x.nb_output(), len))) as EngineAnswer;
  }
}

/** The engine as the app ships it (fetched from the app's own assets). */
export async function loadEngine(): Promise<WasmEngine> {
  const response = await fetch(new URL('../../../wasm/nianbao-layout.wasm', import.meta.url));
  if (!response.ok) throw new Error(`排版引擎未能加载（${response.status}）`);
  return WasmEngine.instantiate(await response.arrayBuffer());
}
