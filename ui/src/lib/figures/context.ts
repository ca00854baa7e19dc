// How the editor's texts reach what their chips show: the open report's figure quotes are
// put in the component context by the editor view and read by every Editable.

import { getContext, setContext } from 'svelte';
import type { LookUp } from './chips';

/** What an Editable needs to paint its chips. */
export interface ChipSource {
  /** What a placeholder shows; undefined while Rust is asked (the chip repaints when told). */
  look: LookUp;
  /** Changes whenever what some chip shows may have changed (reactive). */
  readonly version: number;
}

/** The event an Editable listens to for 插入: put `token` at model offset `offset`. */
export const INSERT_EVENT = 'nianbao-insert-token';

/** What 插入 sends to an Editable. */
export interface InsertDetail {
  token: string;
  offset: number | null;
}

const KEY = Symbol('figure-chips');

/** Makes `source` the chips' source for the components below. */
export const provideChips = (source: ChipSource) => setContext(KEY, source);

/** The chips' source, if the editor provides one. */
export const chipSource = () => getContext<ChipSource | undefined>(KEY);
