/**
 * What the pane's end-to-end tests share, in every host: Debian's Chromium, started as this machine allows
 * (headless, as root, with its background traffic off: the network is closed), a suite that is skipped with a
 * warning where the browser is missing but fails in CI, and the reads of the pane a person would make.
 */
import { existsSync } from 'node:fs';
import { chromium, type Browser, type Page } from 'playwright-core';

export const CHROMIUM = '/usr/bin/chromium';
export const HAVE_CHROMIUM = existsSync(CHROMIUM);

/** `describe` where the browser is (or CI is set, so that its absence fails); `describe.skip` with a warning else. */
export function browserSuite(name: string): jest.Describe {
  if (HAVE_CHROMIUM || process.env.CI) return describe;
  console.warn(`${name}: skipped, ${CHROMIUM} is missing (apt-get install chromium); CI runs it.`);
  return describe.skip;
}

export function launchChromium(): Promise<Browser> {
  if (!HAVE_CHROMIUM) throw new Error(`CI is set and ${CHROMIUM} is missing: the pane's E2E test cannot run`);
  return chromium.launch({
    executablePath: CHROMIUM,
    args: [
      '--headless',
      '--no-sandbox',
      '--disable-gpu',
      '--disable-quic',
      '--no-first-run',
      '--disable-background-networking',
      '--disable-component-update',
      '--disable-sync',
    ],
  });
}

/**
 * The findings as the pane shows them: per group its code, per item its cell and message; `within` narrows to
 * one part of the results (a sheet's section after a whole-workbook check).
 */
export function paneFindings(
  page: Page,
  within = '#results',
): Promise<{ code: string; items: string[][] }[]> {
  return page.$$eval(`${within} .group`, (groups) =>
    groups.map((g) => ({
      code: (g as HTMLElement).dataset.code ?? '',
      items: [...g.querySelectorAll('.finding')].map((f) => [
        (f as HTMLElement).dataset.cell ?? '',
        f.querySelector('.finding-message')?.textContent ?? '',
      ]),
    })),
  );
}

/** Waits until no flow runs: the buttons are back and the pane is no longer busy. */
export async function paneIdle(page: Page): Promise<void> {
  await page.waitForFunction(() => {
    const b = document.querySelector<HTMLButtonElement>('#check');
    return b !== null && !b.disabled && document.querySelector('#main')?.getAttribute('aria-busy') === null;
  });
}
