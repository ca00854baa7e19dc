// The window: its title, and saving before it closes.

import { getCurrentWindow } from '@tauri-apps/api/window';

/** Sets the window title; outside the app (tests, a browser) there is no window to title. */
export async function setWindowTitle(title: string): Promise<void> {
  try {
    await getCurrentWindow().setTitle(title);
  } catch {
    document.title = title;
  }
}

/**
 * Closing the window first saves what is pending: the close is held, `flush` runs, then the
 * window is destroyed. If saving fails, `confirmLoss` decides whether to close anyway.
 */
export async function saveBeforeClose(
  hasPending: () => boolean,
  flush: () => Promise<boolean>,
  confirmLoss: () => Promise<boolean>,
): Promise<() => void> {
  const win = getCurrentWindow();
  return win.onCloseRequested(async (event) => {
    if (!hasPending()) return;
    event.preventDefault();
    const saved = await flush();
    if (saved || (await confirmLoss())) await win.destroy();
  });
}
