// Where a virtual table's drawn rows sit, top to bottom: RecycledList places
// each row by its kind's measured height, so a wrong height shows as a gap or
// an overlap between two rows.
import type { Locator } from '@playwright/test';

/** The drawn rows' top and bottom edges in the page, sorted from the top. */
export async function rowEdges(table: Locator): Promise<Array<readonly [number, number]>> {
  return table.locator('li').evaluateAll((items) => items.map((item) => item.getBoundingClientRect()).map((rect) => [rect.top, rect.bottom] as const).sort((a, b) => a[0] - b[0]));
}

/** The largest gap or overlap between one row's bottom and the next row's top, in px. */
export function worstSeam(edges: ReadonlyArray<readonly [number, number]>): number {
  let worst = 0;
  for (let at = 1; at < edges.length; at++) worst = Math.max(worst, Math.abs(edges[at]![0] - edges[at - 1]![1]));
  return worst;
}
