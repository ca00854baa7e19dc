// Whether the 快捷键 panel (F1) is open.

export const help = $state({ open: false });
