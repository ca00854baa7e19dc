// The editor that is open, so closing the window can save its last edits first.

import type { EditorSession } from './session.svelte';

export const activeEditor: { session: EditorSession | null } = { session: null };
