// The workbench in Korean (issue 18): a second code-server profile whose display language is
// Korean (codeServer.mjs, koreanSessionFolders), the broken offer open, and on one screen the
// Problems panel, a hover and the plans tree, each checked for Korean before the screenshot
// (test-results/korean.png) is taken.
import { execFileSync } from 'node:child_process';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { Workbench, lineColumnOf, waitForText } from './ui-checks.mjs';

const OWNER_ID = '8e3af657-a8ff-443c-a75c-2fe8c4bcb635';
const HANGUL = /[\uac00-\ud7a3]/;

/** What each part of the screen must say, in the Korean bundle's words. */
const EXPECTED = {
  // offer-id-format and role-owner of broken/offer.json, as the Problems panel lists them.
  problems: ['소문자여야 합니다', 'Owner(소유자) 역할을 지원하지 않습니다'],
  // The schema's description of roleDefinitionId, then the role with its Korean name.
  hover: ['부여할 Azure 기본 제공 역할의 ID(GUID)입니다', 'Owner (소유자)'],
  // Under the view's title from package.nls.ko.json, the tree's own labels.
  tree: ['게시 준비 상태', '비공개', '오류'],
};

export async function runKoreanUiCheck(page, { workspace, screenshots, log }) {
  // Without a font for Hangul, Chromium draws the Korean text as boxes: the screenshot would show nothing.
  const koreanFonts = (() => {
    try {
      return execFileSync('fc-list', [':lang=ko', 'family'], { encoding: 'utf8' }).trim();
    } catch {
      return '';
    }
  })();
  if (koreanFonts === '') {
    throw new Error('no font with Hangul is installed (fc-list :lang=ko): run scripts/e2e/install-system-packages.sh (fonts-nanum)');
  }
  const ui = new Workbench(page, workspace);
  log('Korean: the broken offer, the Problems panel, a hover and the plans tree');
  const language = await page.evaluate(() => globalThis._VSCODE_NLS_LANGUAGE);
  if (language !== 'ko') {
    throw new Error(`the workbench's language is ${JSON.stringify(language)}, not ko`);
  }
  const text = await ui.openFile('broken/offer.json');
  await ui.command('Problems: Focus on Problems View');
  const panel = page.locator('.markers-panel');
  await panel.waitFor({ state: 'visible', timeout: 10_000 });
  const problems = await waitForText(page, () => panel.innerText(), EXPECTED.problems, 'the Problems panel');

  const tree = await ui.expandView('제품 플랜', (t) => EXPECTED.tree.every((needle) => t.includes(needle)) && t.includes('—'));
  if (!EXPECTED.tree.every((needle) => tree.includes(needle))) {
    throw new Error(`the plans tree lacks ${JSON.stringify(EXPECTED.tree)}; it shows:\n${tree.slice(0, 1500)}`);
  }

  // Back in the editor, the mouse on Owner's role ID, as a person pointing at it.
  await ui.openFile('broken/offer.json');
  const { line, column } = lineColumnOf(text, OWNER_ID);
  await ui.goTo(line, column + 8);
  const cursor = await page.locator('.monaco-editor.focused .cursor').first().boundingBox();
  if (!cursor) {
    throw new Error('no cursor in the editor');
  }
  await page.mouse.move(cursor.x + 2, cursor.y + cursor.height / 2);
  const hover = page.locator('.monaco-hover:visible', { hasText: '소유자' });
  await hover.first().waitFor({ state: 'visible', timeout: 10_000 }).catch(async () => {
    const seen = await page.locator('.monaco-hover:visible').allInnerTexts().catch(() => []);
    throw new Error(`no Korean hover over ${OWNER_ID}; hovers seen: ${JSON.stringify(seen)}`);
  });
  const hoverText = await waitForText(page, () => hover.first().innerText(), EXPECTED.hover, 'the hover');
  await page.waitForTimeout(300);
  await page.screenshot({ path: path.join(screenshots, 'korean.png') });
  fs.writeFileSync(
    path.join(screenshots, 'korean.txt'),
    `Problems panel:\n${problems}\n\nHover:\n${hoverText}\n\nPlans tree (제품 플랜):\n${tree}\n`,
  );
  for (const [part, shown] of Object.entries({ problems, hover: hoverText, tree })) {
    if (!HANGUL.test(shown)) {
      throw new Error(`the ${part} shows no Korean: ${shown.slice(0, 500)}`);
    }
  }
  return 'test-results/korean.png (and korean.txt: what each part says)';
}
