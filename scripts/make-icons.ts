/**
 * Draws the add-in's icons (assets/*.png) from the SVG below with headless Chromium.
 *
 *   npx tsx scripts/make-icons.ts
 *
 * Four pictures: the add-in itself and the 检查合规 button (a shield with a check mark over a
 * worksheet grid), 月度汇总 (a sheet with a bar chart), 清除标记 (coloured rows and an eraser) and
 * 打开面板 (a window with a side pane). Sizes of 20 px and less use a separate drawing on a
 * 16-unit grid with lines on pixel centres (crisp edges), so they stay sharp at 16 px; larger sizes use a
 * 32-unit drawing. Colours are Excel's greens.
 */
import * as fs from 'fs';
import * as path from 'path';
import { chromium } from 'playwright-core';

const GREEN = '#217346';
const DARK = '#185C37';
const LIGHT = '#A9D3B9';

type Drawing = (small: boolean) => string;

/** A worksheet: white page, green frame, a filled header row and grid lines. */
function grid(small: boolean, opts: { width?: number } = {}): string {
  if (small) {
    const w = opts.width ?? 10;
    return `<g shape-rendering="crispEdges">
      <rect x="1.5" y="2.5" width="${w}" height="11" fill="#fff" stroke="${GREEN}"/>
      <rect x="2" y="3" width="${w - 1}" height="2" fill="${GREEN}"/>
      <path d="M1.5 8.5H${1.5 + w}M5.5 5V13" stroke="${LIGHT}"/></g>`;
  }
  const w = opts.width ?? 21;
  return `
    <rect x="2" y="4" width="${w}" height="23" rx="1" fill="#fff" stroke="${GREEN}" stroke-width="2"/>
    <rect x="3" y="5" width="${w - 2}" height="4" fill="${GREEN}"/>
    <path d="M3 14.5H${2 + w}M3 20.5H${2 + w}M9.5 9V26" stroke="${LIGHT}" stroke-width="1.5"/>`;
}

const shieldCheck: Drawing = (small) =>
  small
    ? `${grid(true)}
       <path d="M11.5 6.2L15.5 7.7V11C15.5 13.2 13.8 14.8 11.5 15.6C9.2 14.8 7.5 13.2 7.5 11V7.7Z"
             fill="${GREEN}" stroke="#fff" stroke-width="1" stroke-linejoin="round"/>
       <path d="M9.4 10.9L11 12.5L13.7 9.6" fill="none" stroke="#fff" stroke-width="1.6"
             stroke-linecap="round" stroke-linejoin="round"/>`
    : `${grid(false)}
       <path d="M22.5 11L30.5 14V20.5C30.5 25 27.2 28.4 22.5 30.2C17.8 28.4 14.5 25 14.5 20.5V14Z"
             fill="${GREEN}" stroke="#fff" stroke-width="1.6" stroke-linejoin="round"/>
       <path d="M18.4 20.6L21.4 23.6L26.8 17.6" fill="none" stroke="#fff" stroke-width="2.6"
             stroke-linecap="round" stroke-linejoin="round"/>`;

const barChart: Drawing = (small) =>
  small
    ? `<g shape-rendering="crispEdges">
       <rect x="1.5" y="1.5" width="13" height="13" fill="#fff" stroke="${GREEN}"/>
       <rect x="4" y="9" width="2" height="4" fill="${LIGHT}"/>
       <rect x="7" y="6" width="2" height="7" fill="${GREEN}"/>
       <rect x="10" y="4" width="2" height="9" fill="${DARK}"/></g>`
    : `<rect x="3" y="3" width="26" height="26" rx="1" fill="#fff" stroke="${GREEN}" stroke-width="2"/>
       <path d="M7 25.5H25" stroke="${GREEN}" stroke-width="1.5"/>
       <rect x="8" y="17" width="4" height="8" fill="${LIGHT}"/>
       <rect x="14" y="11" width="4" height="14" fill="${GREEN}"/>
       <rect x="20" y="7" width="4" height="18" fill="${DARK}"/>`;

const eraser: Drawing = (small) =>
  small
    ? `<g shape-rendering="crispEdges">
       <rect x="1.5" y="1.5" width="12" height="10" fill="#fff" stroke="${GREEN}"/>
       <rect x="2" y="4" width="11" height="2" fill="#FFC7CE"/>
       <rect x="2" y="7" width="11" height="2" fill="#FFEB9C"/>
       <rect x="5.5" y="10.5" width="10" height="5" fill="#fff" stroke="${DARK}"/>
       <rect x="10" y="11" width="5" height="4" fill="${GREEN}"/></g>`
    : `<rect x="2" y="3" width="23" height="20" rx="1" fill="#fff" stroke="${GREEN}" stroke-width="2"/>
       <rect x="3" y="8" width="21" height="4" fill="#FFC7CE"/>
       <rect x="3" y="14" width="21" height="4" fill="#FFEB9C"/>
       <path d="M17 30L12.5 25.5L22.5 15.5L29.5 22.5L22 30Z" fill="#fff" stroke="${DARK}"
             stroke-width="1.6" stroke-linejoin="round"/>
       <path d="M17.6 20.4L24.6 27.4L29.5 22.5L22.5 15.5Z" fill="${GREEN}" stroke="${DARK}"
             stroke-width="1.6" stroke-linejoin="round"/>
       <path d="M12 30.2H29" stroke="${DARK}" stroke-width="1.4" stroke-linecap="round"/>`;

const sidePane: Drawing = (small) =>
  small
    ? `<g shape-rendering="crispEdges">
       <rect x="1.5" y="2.5" width="13" height="11" fill="#fff" stroke="${GREEN}"/>
       <rect x="9" y="3" width="5" height="10" fill="${GREEN}"/>
       <path d="M3 5.5H7.5M3 8.5H7.5M3 11.5H7.5" stroke="${LIGHT}"/>
       <path d="M10 5.5H13M10 7.5H13" stroke="#fff"/></g>`
    : `<rect x="2" y="4" width="28" height="24" rx="1" fill="#fff" stroke="${GREEN}" stroke-width="2"/>
       <rect x="18" y="5" width="11" height="22" fill="${GREEN}"/>
       <path d="M5 10.5H15M5 15.5H15M5 20.5H15M10 8V25" stroke="${LIGHT}" stroke-width="1.5"/>
       <path d="M20.5 9.5H26.5M20.5 13.5H26.5M20.5 17.5H24.5" stroke="#fff" stroke-width="1.5"
             stroke-linecap="round"/>`;

/** File stem → drawing and sizes. The add-in icon (icon-*) doubles as the 检查合规 button. */
const ICONS: Array<{ stem: string; draw: Drawing; sizes: number[] }> = [
  { stem: 'icon', draw: shieldCheck, sizes: [16, 32, 64, 80, 128] },
  { stem: 'check', draw: shieldCheck, sizes: [16, 32, 80] },
  { stem: 'summary', draw: barChart, sizes: [16, 32, 80] },
  { stem: 'clear', draw: eraser, sizes: [16, 32, 80] },
  { stem: 'pane', draw: sidePane, sizes: [16, 32, 80] },
];

function svg(draw: Drawing, size: number): string {
  const small = size <= 20;
  const units = small ? 16 : 32;
  return `<svg xmlns="http://www.w3.org/2000/svg" width="${size}" height="${size}" viewBox="0 0 ${units} ${units}">${draw(small)}</svg>`;
}

async function main(): Promise<void> {
  const outDir = path.join(__dirname, '..', 'assets');
  fs.mkdirSync(outDir, { recursive: true });
  const browser = await chromium.launch({
    executablePath: '/usr/bin/chromium',
    args: ['--headless', '--no-sandbox', '--disable-gpu', '--disable-background-networking',
      '--disable-component-update', '--disable-sync'],
  });
  try {
    const page = await browser.newPage({ deviceScaleFactor: 1 });
    const sheet: string[] = [];
    for (const icon of ICONS) {
      for (const size of icon.sizes) {
        const markup = svg(icon.draw, size);
        await page.setViewportSize({ width: size, height: size });
        await page.setContent(`<html><body style="margin:0;background:transparent">${markup}</body></html>`);
        const file = path.join(outDir, `${icon.stem}-${size}.png`);
        await page.screenshot({ path: file, omitBackground: true, clip: { x: 0, y: 0, width: size, height: size } });
        sheet.push(markup);
      }
    }
    // A contact sheet to look at every icon at once, on white and on the ribbon's grey.
    const row = (bg: string) => `<div style="background:${bg};padding:8px;display:flex;gap:12px;align-items:end">${sheet.join('')}</div>`;
    await page.setViewportSize({ width: 900, height: 320 });
    await page.setContent(`<html><body style="margin:0">${row('#fff')}${row('#f3f2f1')}${row('#292929')}</body></html>`);
    await page.screenshot({ path: path.join(__dirname, '..', 'test', '.artifacts', 'icons-contact-sheet.png'), fullPage: true }).catch(() => undefined);
  } finally {
    await browser.close();
  }
}

main().catch((err) => {
  console.error(err);
  process.exit(1);
});
