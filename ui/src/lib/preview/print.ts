// 打印: the sheets alone, 1:1 on A4 without margins, through the system's print dialog.
// The sheets are mounted in a root of their own beside the app; print CSS hides everything
// else, so no toolbar, pane or zoom reaches the paper.

import { mount, unmount } from 'svelte';
import type { Layout } from '../ipc/bindings/Layout';
import Sheets from './Sheets.svelte';

const PRINT_CSS = `
@page { size: A4; margin: 0; }
.nianbao-print-root { display: none; }
@media print {
  html, body { margin: 0 !important; padding: 0 !important; background: #fff !important; height: auto !important; overflow: visible !important; }
  body > :not(.nianbao-print-root) { display: none !important; }
  .nianbao-print-root { display: block; }
}`;

let mounted: { root: HTMLElement; component: ReturnType<typeof mount> } | null = null;

function cleanUp(): void {
  if (!mounted) return;
  void unmount(mounted.component);
  mounted.root.remove();
  mounted = null;
}

/** Prints the layout's sheets; the print root goes away once the dialog is done. */
export function printLayout(layout: Layout): void {
  if (!document.getElementById('nianbao-print-css')) {
    const style = document.createElement('style');
    style.id = 'nianbao-print-css';
    style.textContent = PRINT_CSS;
    document.head.append(style);
  }
  cleanUp();
  const root = document.createElement('div');
  root.className = 'nianbao-print-root';
  root.dataset.testid = 'print-root';
  document.body.append(root);
  mounted = { root, component: mount(Sheets, { target: root, props: { pages: layout.pages } }) };
  window.addEventListener('afterprint', cleanUp, { once: true });
  window.print();
}
