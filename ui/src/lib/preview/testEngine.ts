/// <reference types="node" />
// For the preview's unit tests: the built engine (make wasm), the published sample with its
// ids, and the text a block prints. Node's own URL: jsdom's takes no file: URLs.

import { readFileSync } from 'node:fs';
import { URL as FileUrl } from 'node:url';
import type { Page } from '../ipc/bindings/Page';
import type { Report } from '../ipc/bindings/Report';

export const wasm = readFileSync(new FileUrl('../../../wasm/nianbao-layout.wasm', import.meta.url));

export const sample = (): Report =>
  JSON.parse(readFileSync(new FileUrl('../../../../crates/nianbao-layout/fixtures/changziying-2023.json', import.meta.url), 'utf8')) as Report;

/** The printed text of one block, across its lines and pages. */
export function printed(pages: Page[], block: number): string {
  return pages
    .flatMap((p) => p.lines)
    .filter((l) => l.block === block)
    .flatMap((l) => l.spans.map((s) => s.text))
    .join('');
}
