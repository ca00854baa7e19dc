import type { IpcError } from './bindings/IpcError';

/** Whatever a command rejected with, as an `IpcError` the drafter can read. */
export function toIpcError(e: unknown): IpcError {
  if (typeof e === 'object' && e !== null && 'message' in e && typeof e.message === 'string') {
    const detail = 'detail' in e && typeof e.detail === 'string' ? e.detail : e.message;
    // A JS Error (a bug on this side, or the IPC bridge missing) has an English message:
    // the drafter gets a Chinese sentence, the log keeps the English one.
    if (e instanceof Error) {
      return { message: '程序内部出错，请重试；如果反复出现，请联系技术支持。', detail: `${e.name}: ${e.message}` };
    }
    return { message: e.message, detail };
  }
  if (typeof e === 'string') {
    // Tauri rejects with a plain string when a command's arguments do not deserialize.
    return { message: '程序内部出错，请重试；如果反复出现，请联系技术支持。', detail: e };
  }
  return { message: '程序内部出错，请重试。', detail: String(e) };
}

/** The Chinese sentence of any error. */
export function messageOf(e: unknown): string {
  return toIpcError(e).message;
}
