// Beside the editor, the sheets follow the block being edited: when none of its lines is in
// view (the caret moved to another block, or the text before it moved it), the pane scrolls
// its first line into view. A block already in view is left where the drafter sees it.

import type { Layout } from '../ipc/bindings/Layout';
import { MARGIN_TOP_MM, ROW_MM, STRIDE_PX } from './geometry';

const PX_PER_MM = 96 / 25.4;

/** Where a block prints, in CSS px from the top of the first sheet at zoom 1: the top of its
 *  first line and the bottom of its last; null when it prints nothing. */
export function blockExtent(layout: Layout, block: number): { top: number; bottom: number } | null {
  let top: number | null = null;
  let bottom = 0;
  for (const page of layout.pages) {
    for (const line of page.lines) {
      if (line.block !== block) continue;
      const at = (page.number - 1) * STRIDE_PX + (MARGIN_TOP_MM + line.row * ROW_MM) * PX_PER_MM;
      top ??= at;
      bottom = at + line.height * ROW_MM * PX_PER_MM;
    }
  }
  return top === null ? null : { top, bottom };
}

/** The scroll position that shows `extent` (px in the scrolled content), or null when part of
 *  it is in view already: its first line a third of the way down the view. */
export function scrollToShow(extent: { top: number; bottom: number }, view: { top: number; height: number }): number | null {
  const visible = extent.bottom > view.top && extent.top < view.top + view.height;
  if (visible) return null;
  return Math.max(0, extent.top - view.height / 3);
}
