// The layout a delta from the engine leads to: the held pages, the changed ones put in by
// number, cut to the new page count. Unchanged pages keep their objects, so the sheets that
// show them are not touched.

import type { Layout } from '../ipc/bindings/Layout';
import type { LayoutDelta } from '../ipc/bindings/LayoutDelta';
import type { LayoutWarning } from '../ipc/bindings/LayoutWarning';

/** The layout after `delta`, given the layout held at revision `heldRevision`; null when the
 *  delta is based on another revision than the one held (ask for every page then). */
export function applyDelta(held: Layout | null, heldRevision: number | null, delta: LayoutDelta): Layout | null {
  const warnings = sameWarnings(held?.warnings, delta.warnings) ? held!.warnings : delta.warnings;
  if (delta.base === null) return { pages: delta.pages, warnings };
  if (!held || delta.base !== heldRevision) return null;
  if (delta.pages.length === 0 && delta.page_count === held.pages.length && warnings === held.warnings) return held;
  const pages = held.pages.slice(0, delta.page_count);
  for (const page of delta.pages) pages[page.number - 1] = page;
  // A page past the held ones that the delta left out would be a hole: refuse it whole.
  for (let i = 0; i < delta.page_count; i++) if (pages[i] === undefined) return null;
  return { pages, warnings };
}

function sameWarnings(a: LayoutWarning[] | undefined, b: LayoutWarning[]): boolean {
  return (
    a !== undefined &&
    a.length === b.length &&
    a.every((w, i) => {
      const v = b[i];
      return v !== undefined && w.kind === v.kind && w.page === v.page && w.message_zh === v.message_zh;
    })
  );
}
