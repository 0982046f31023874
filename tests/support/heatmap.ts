/** Reading the overview's heat maps from a browser test: how many rigs they show, over every site. */
import type { Page } from 'playwright';

/** Rigs on the page's heat maps (each site's map says how many cells it draws); 0 before they load. */
export function heatmapRigs(page: Page): Promise<number> {
  return page
    .locator('[data-testid="heatmap"]')
    .evaluateAll((els) => els.reduce((sum, e) => sum + Number(e.getAttribute('data-rigs') ?? 0), 0));
}
