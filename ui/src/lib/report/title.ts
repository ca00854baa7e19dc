// The generated title and the 写作提示 of the template (assets/templates/fazhi-zhengfu.toml).

import type { Hint } from '../ipc/bindings/Hint';
import type { Meta } from '../ipc/bindings/Meta';

/** The template's title pattern `{机关全称}{年度}年法治政府建设年度情况报告`. */
export function generatedTitle(meta: Pick<Meta, 'issuer' | 'year'>): string {
  return `${meta.issuer}${meta.year}年法治政府建设年度情况报告`;
}

/** The title as printed: the drafter's, or the generated one. */
export function displayTitle(meta: Pick<Meta, 'issuer' | 'year' | 'title'>): string {
  return meta.title?.trim() ? meta.title : generatedTitle(meta);
}

/** Fills the template placeholders of a hint for the report's year. */
export function fillPlaceholders(text: string, meta: Pick<Meta, 'issuer' | 'year'>): string {
  return text
    .replaceAll('{年度}', String(meta.year))
    .replaceAll('{下一年度}', String(meta.year + 1))
    .replaceAll('{机关全称}', meta.issuer);
}

/** The hint texts by key (statutory part key, or `preface`). */
export function hintMap(hints: readonly Hint[]): Map<string, string> {
  return new Map(hints.map((h) => [h.key, h.text]));
}
