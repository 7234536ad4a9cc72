// The UI checks: the workbench driven through Chromium as a person would (keyboard, mouse, what is
// on screen), after the in-editor suite has run. Each check returns a short note or throws; a
// failed check leaves a screenshot named after it in test-results/.
import * as fs from 'node:fs';
import * as path from 'node:path';
import { hostileVictims, VICTIM_TEXT } from './workspace.mjs';

const CONTRIBUTOR_ID = 'b24988ac-6180-42a0-ab88-20f7382dd24c';
const BROKEN_CODES = ['offer-id-format', 'listing-name-emoji', 'plan-id-format', 'role-owner', 'role-name-instead-of-id'];
const XSS_MARKER = /OFFER-XSS-\d+/;
const RELOADED_NOTE = 'the webview stayed blank until Developer: Reload Webviews';
const TENANT_FIELD = '/plans/gold/technicalConfiguration/tenantId';

/**
 * What `read` shows once it includes every one of `needles` (read again every 300 ms for up to
 * 20 s); throws, naming `what`, the needles missing and what it showed, when it never does.
 */
export async function waitForText(page, read, needles, what) {
  const deadline = Date.now() + 20_000;
  let shown = '';
  while (Date.now() < deadline) {
    shown = await read().catch(() => '');
    if (needles.every((needle) => shown.includes(needle))) {
      return shown;
    }
    await page.waitForTimeout(300);
  }
  throw new Error(`${what} lacks ${JSON.stringify(needles.filter((needle) => !shown.includes(needle)))}; it shows:\n${shown.slice(0, 1500)}`);
}

export async function runUiChecks(page, { workspace, screenshots, log, only }) {
  const ui = new Workbench(page, workspace);
  const events = watchPage(page);
  const results = [];
  const check = async (name, body) => {
    if (only && !new RegExp(only).test(name)) {
      return; // OFFER_E2E_UI_CHECKS: working on some checks only
    }
    log(`UI: ${name}`);
    try {
      await ui.reset();
      const note = await body();
      results.push({ name, passed: true, note });
    } catch (error) {
      results.push({ name, passed: false, error: error?.stack ?? String(error) });
      await page.screenshot({ path: path.join(screenshots, `failed-${slug(name)}.png`) }).catch(() => undefined);
    }
  };
  const shot = (name) => page.screenshot({ path: path.join(screenshots, name) });

  await check('the Problems panel lists the broken offer\'s codes', async () => {
    await ui.openFile('broken/offer.json');
    await ui.command('Problems: Focus on Problems View');
    const panel = page.locator('.markers-panel');
    await panel.waitFor({ state: 'visible', timeout: 10_000 });
    // The panel groups problems under a row per file: read the rows under broken/offer.json.
    const brokenProblems = async () =>
      panel.evaluate((element) => {
        const rows = [...element.querySelectorAll('.monaco-list-row')];
        const lines = [];
        let inBroken = false;
        for (const row of rows) {
          const text = row.textContent ?? '';
          if (row.getAttribute('aria-level') === '1') {
            inBroken = /offer\.json/.test(text) && /broken/.test(text);
          } else if (inBroken) {
            lines.push(text);
          }
        }
        return lines.join('\n');
      });
    await waitForText(page, brokenProblems, BROKEN_CODES, 'the Problems panel under broken/offer.json');
    await shot('editor-problems.png');
    return `${BROKEN_CODES.length} codes listed under broken/offer.json`;
  });

  await check('a hover over a role id shows the role name', async () => {
    const text = await ui.openFile('example/offer.json');
    const { line, column } = lineColumnOf(text, CONTRIBUTOR_ID);
    await ui.goTo(line, column + 8);
    // Point the mouse at the text under the cursor, as a person pointing at the GUID would.
    const cursor = await page.locator('.monaco-editor.focused .cursor').first().boundingBox();
    if (!cursor) {
      throw new Error('no cursor in the editor');
    }
    await page.mouse.move(cursor.x + 2, cursor.y + cursor.height / 2);
    const hover = page.locator('.monaco-hover:visible', { hasText: 'Contributor' });
    await hover.first().waitFor({ state: 'visible', timeout: 10_000 }).catch(async () => {
      const seen = await page.locator('.monaco-hover:visible').allInnerTexts().catch(() => []);
      throw new Error(`no hover with 'Contributor' over ${CONTRIBUTOR_ID}; hovers seen: ${JSON.stringify(seen)}`);
    });
    await shot('hover-role.png');
    return 'hover shows Contributor';
  });

  await check('the completion widget shows role names', async () => {
    const text = await ui.openFile('broken/offer.json');
    const { line, column } = lineColumnOf(text, '"roleDefinitionId": ""');
    await ui.goTo(line, column + '"roleDefinitionId": "'.length);
    await page.keyboard.press('Control+Space');
    const widget = page.locator('.suggest-widget.visible');
    await widget.waitFor({ state: 'visible', timeout: 10_000 });
    // Nothing typed yet: the roles come in the order publishers reach for them.
    await widget.locator('.monaco-list-row').first().waitFor({ state: 'visible', timeout: 10_000 });
    // Rows in the order shown (the list reuses its row elements: sort them by their index).
    const shown = await widget
      .locator('.monaco-list-row')
      .evaluateAll((rows) => rows.map((row) => ({ index: Number(row.getAttribute('data-index')), text: row.innerText })));
    const firstRows = shown
      .sort((a, b) => a.index - b.index)
      .slice(0, 3)
      .map((row) => row.text.split('\n')[0].trim());
    if (firstRows.join(' | ') !== 'Reader | Contributor | Managed Services Registration assignment Delete Role') {
      throw new Error(`the first roles offered are not Reader, Contributor and the delete role: ${JSON.stringify(firstRows)}`);
    }
    await shot('completion-roles-ranked.png');
    await page.keyboard.type('Contrib', { delay: 50 });
    const row = widget.locator('.monaco-list-row', { hasText: /^Contributor/ });
    await row.first().waitFor({ state: 'visible', timeout: 10_000 }).catch(async () => {
      throw new Error(`no 'Contributor' row; the widget shows: ${JSON.stringify(await widget.locator('.monaco-list-row').allInnerTexts())}`);
    });
    const rows = await widget.locator('.monaco-list-row').allInnerTexts();
    // The focused row shows its detail: the role's id, so these are role completions and not
    // words picked up from the file.
    if (!rows.some((r) => r.startsWith('Contributor') && r.includes(CONTRIBUTOR_ID.slice(0, 8)))) {
      throw new Error(`the Contributor row does not show its role id: ${JSON.stringify(rows)}`);
    }
    await shot('completion-roles.png');
    await page.keyboard.press('Escape');
    await ui.command('File: Revert File');
    return `${rows.length} rows for 'Contrib'`;
  });

  await check('the plans tree shows plan ids and "display name — role name" items', async () => {
    await ui.openFile('example/offer.json');
    const text = await ui.expandView('Offer Plans', (t) => /\bgold\b/.test(t) && t.includes('Tier 2 Operators — Contributor'));
    if (!/\bgold\b/.test(text) || !text.includes('Tier 2 Operators — Contributor')) {
      throw new Error(`the tree lacks 'gold' or 'Tier 2 Operators — Contributor'; it shows:\n${text.slice(0, 1500)}`);
    }
    await shot('plans-tree.png');
    return 'gold and Tier 2 Operators — Contributor shown';
  });

  await check('the listing preview shows the listing name', async () => {
    events.reset();
    await ui.openFile('example/offer.json');
    await ui.command('Marketplace Offer: Open Listing Preview');
    const { retried } = await ui.previewShowing('Contoso Sentinel Operations');
    await page.waitForTimeout(500);
    await shot('preview.png');
    return `preview shows Contoso Sentinel Operations${retried ? `; ${RELOADED_NOTE}` : ''}`;
  });

  await check('the listing preview shows terms written as text as the terms', async () => {
    events.reset();
    await ui.openFile('text-terms/offer.json');
    await ui.command('Marketplace Offer: Open Listing Preview');
    const { frame, retried } = await ui.previewShowing('CONTOSO MANAGED SERVICES TERMS');
    // The text can be in the page before its stylesheet is applied (the page is not painted until
    // it is, but a script can read it): wait for the preview's own style before reading the lines.
    await frame
      .waitForFunction(() => {
        const block = document.querySelector('.terms-text');
        return block !== null && getComputedStyle(block).whiteSpace === 'pre-wrap';
      }, null, { timeout: 10_000 })
      .catch(() => undefined);
    const terms = await frame.evaluate(() => {
      const block = document.querySelector('.terms');
      block?.scrollIntoView({ block: 'center' });
      return {
        label: block?.querySelector('.terms-label')?.textContent ?? '',
        text: block?.querySelector('.terms-text')?.textContent ?? '',
        lines: block?.querySelector('.terms-text')?.innerText.split('\n').length ?? 0,
        notUrl: document.body.innerText.includes('not an http or https URL'),
        whiteSpace: block ? getComputedStyle(block.querySelector('.terms-text') ?? block).whiteSpace : '',
      };
    });
    if (terms.label !== 'Terms and conditions' || !terms.text.startsWith('CONTOSO MANAGED SERVICES TERMS') || terms.notUrl) {
      throw new Error(`the terms are not shown as terms: ${JSON.stringify(terms)}`);
    }
    if (terms.lines < 5) {
      throw new Error(`the terms lost their line breaks: ${terms.lines} lines shown (white-space: ${terms.whiteSpace})`);
    }
    await page.waitForTimeout(300);
    await shot('preview-text-terms.png');
    return `the terms show under "Terms and conditions" on ${terms.lines} lines${retried ? `; ${RELOADED_NOTE}` : ''}`;
  });

  await check('the preview of an offer with script payloads runs none of them', async () => {
    events.reset();
    await ui.openFile('xss/offer.json');
    await ui.command('Marketplace Offer: Open Listing Preview');
    const { frame, retried } = await ui.previewShowing('Contoso XSS Probe');
    // Give event-handler payloads their chance: pointer over every part of the preview, and time.
    const box = await frame.frameElement().then((element) => element.boundingBox());
    if (box) {
      for (let y = box.y + 10; y < box.y + box.height; y += 40) {
        await page.mouse.move(box.x + box.width / 2, y, { steps: 2 });
      }
    }
    await page.waitForTimeout(2000);
    await shot('preview-xss.png');

    // The listeners must be able to see this frame's console, or a silent result means nothing.
    await frame.evaluate(() => console.log('OFFER-XSS-SELFTEST'));
    await page.waitForTimeout(300);
    if (!events.console.some((m) => m.text.includes('OFFER-XSS-SELFTEST'))) {
      throw new Error("the console listener does not see the preview frame's messages: the check would prove nothing");
    }
    const ran = events.console.filter((m) => XSS_MARKER.test(m.text) && !m.text.includes('SELFTEST'));
    if (events.dialogs.length > 0 || ran.length > 0) {
      throw new Error(`payloads ran: dialogs ${JSON.stringify(events.dialogs)}, console ${JSON.stringify(ran.map((m) => m.text))}`);
    }
    const dom = await frame.evaluate(() => {
      const all = [...document.querySelectorAll('*')];
      return {
        handlers: all.filter((el) => [...el.attributes].some((a) => /^on/i.test(a.name))).map((el) => el.outerHTML.slice(0, 120)),
        scriptUrls: all
          .filter((el) => ['href', 'src', 'action', 'data', 'formaction'].some((a) => /^\s*(javascript|data|vbscript):/i.test(el.getAttribute(a) ?? '')))
          .map((el) => el.outerHTML.slice(0, 120)),
        embeds: all.filter((el) => ['IFRAME', 'OBJECT', 'EMBED', 'FORM', 'INPUT'].includes(el.tagName)).map((el) => el.outerHTML.slice(0, 120)),
        payloadScripts: [...document.scripts].filter((s) => /OFFER-XSS/.test(s.textContent ?? '')).map((s) => s.outerHTML.slice(0, 120)),
      };
    });
    const leftovers = [...dom.handlers, ...dom.scriptUrls, ...dom.embeds, ...dom.payloadScripts];
    if (leftovers.length > 0) {
      throw new Error(`executable content from the offer is in the preview: ${JSON.stringify(leftovers, null, 1)}`);
    }
    const sanitizerReports = events.console.filter((m) => /Content Security Policy/i.test(m.text)).length;

    // Second line of defence: had the sanitizer let an inline script through, the preview's
    // Content-Security-Policy must refuse it and report the violation. Plant one and watch.
    await frame.evaluate(() => {
      const script = document.createElement('script');
      script.textContent = "console.log('OFFER-XSS-CSP-PROBE')";
      document.body.appendChild(script);
    });
    await page.waitForTimeout(500);
    if (events.console.some((m) => m.text.includes('OFFER-XSS-CSP-PROBE'))) {
      throw new Error("an inline script planted in the preview ran: its Content-Security-Policy does not forbid inline scripts");
    }
    const cspReports = events.console.filter((m) => /Content Security Policy/i.test(m.text)).length;
    if (cspReports === sanitizerReports) {
      throw new Error('the inline script planted in the preview was neither run nor reported as a CSP violation');
    }
    return `no dialog, no payload message; a planted inline script was refused by the CSP and reported${retried ? `; ${RELOADED_NOTE}` : ''}`;
  });

  await check('the Partner Center hand-off copies a value exactly and keeps a tick', async () => {
    events.reset();
    const text = await ui.openFile('example/offer.json');
    const tenantId = /"tenantId":\s*"([^"]+)"/.exec(text)?.[1];
    if (!tenantId) {
      throw new Error('example/offer.json has no tenantId');
    }
    const field = `li.field[data-field-id="${TENANT_FIELD}"]`;
    await ui.command('Marketplace Offer: Open Partner Center Hand-off');
    const { frame, retried } = await ui.previewShowing('fields ticked');
    await frame.locator(field).waitFor({ state: 'visible', timeout: 10_000 });
    const shown = (await frame.locator(`${field} .value`).innerText()).trim();
    if (shown !== tenantId) {
      throw new Error(`the hand-off shows the tenant id as ${JSON.stringify(shown)}, not ${tenantId}`);
    }
    await page.waitForTimeout(500);
    await shot('handoff.png');

    // Copy: the page names the field, the extension writes the value with vscode.env.clipboard,
    // the page says so. The clipboard is read back in the workbench's page, as a paste would.
    await page.context().grantPermissions(['clipboard-read', 'clipboard-write'], { origin: new URL(page.url()).origin });
    await page.evaluate(() => navigator.clipboard.writeText('nothing copied yet')).catch(() => undefined);
    const copy = frame.locator(`${field} button.copy`);
    await copy.scrollIntoViewIfNeeded();
    await copy.click();
    await frame.locator(`${field} button.copy.copied`).waitFor({ state: 'visible', timeout: 10_000 }).catch(async () => {
      throw new Error(`the copy button never said it copied: ${JSON.stringify(await copy.innerText())}`);
    });
    const label = (await copy.innerText()).trim();
    const clipboard = await clipboardText(page);
    if (clipboard !== tenantId) {
      throw new Error(`the clipboard holds ${JSON.stringify(clipboard)} after copying the tenant id ${tenantId}`);
    }
    await shot('handoff-copied.png');

    // Tick: the field and the counts change at once, and the tick is still there after the panel
    // is closed and opened again (kept in the workspace's state).
    const progress = async () => (await frame.locator('[data-progress]').innerText()).trim();
    const before = await progress();
    await frame.locator(`${field} input.tick`).check();
    await frame.locator(`${field}.ticked`).waitFor({ state: 'attached', timeout: 5000 });
    const after = await progress();
    if (!/^0 of \d+ fields ticked$/.test(before) || !/^1 of \d+ fields ticked$/.test(after)) {
      throw new Error(`the progress did not count the tick: ${JSON.stringify(before)} → ${JSON.stringify(after)}`);
    }
    await page.waitForTimeout(300);
    await shot('handoff-ticked.png');
    await ui.reset();
    await ui.openFile('example/offer.json');
    await ui.command('Marketplace Offer: Open Partner Center Hand-off');
    const reopened = (await ui.previewShowing('fields ticked')).frame;
    await reopened.locator(`${field}.ticked input.tick:checked`).waitFor({ state: 'attached', timeout: 10_000 }).catch(() => {
      throw new Error('the tick was lost when the hand-off was opened again');
    });
    // Leave the workspace as it was: Clear ticks, confirmed in the modal.
    await reopened.locator('button.clear-ticks').click();
    await ui.dialogButton("Clear the 1 tick of this offer's hand-off?", 'Clear ticks');
    // The panel renders the page again (a new frame): no tick on it any more.
    const deadline = Date.now() + 10_000;
    for (;;) {
      const cleared = await ui.webviewShowing('0 of ', 2000).catch(() => undefined);
      if (cleared && (await cleared.locator(`${field} input.tick:not(:checked)`).count().catch(() => 0)) === 1) {
        break;
      }
      if (Date.now() > deadline) {
        throw new Error('the tick is still there after Clear ticks');
      }
      await page.waitForTimeout(300);
    }
    return `the tenant id copied exactly (the button said "${label}"), ticked, kept after reopening, cleared${retried ? `; ${RELOADED_NOTE}` : ''}`;
  });

  await check('the hand-off of an offer with script payloads runs none of them', async () => {
    events.reset();
    await ui.openFile('xss/offer.json');
    await ui.command('Marketplace Offer: Open Partner Center Hand-off');
    const { frame, retried } = await ui.previewShowing('Contoso XSS Probe');
    // Every section open and every field shown, the pointer over all of it, every copy clicked.
    await frame.locator('button.expand-all').click();
    const copies = frame.locator('button.copy');
    const count = await copies.count();
    for (let i = 0; i < count; i++) {
      await copies.nth(i).click();
    }
    // Last, a value that is a payload: the clipboard gets its text, exactly as the page shows it.
    const summary = frame.locator('li.field[data-field-id="/listing/searchResultsSummary"]');
    await summary.locator('button.copy').click();
    await summary.locator('button.copy.copied').waitFor({ state: 'visible', timeout: 10_000 });
    const payload = (await summary.locator('.value').innerText()).trim();
    const box = await frame.frameElement().then((element) => element.boundingBox());
    if (box) {
      for (let y = box.y + 10; y < box.y + box.height; y += 40) {
        await page.mouse.move(box.x + box.width / 2, y, { steps: 2 });
      }
    }
    await page.waitForTimeout(1500);
    await shot('handoff-xss.png');
    await frame.evaluate(() => console.log('OFFER-XSS-SELFTEST'));
    await page.waitForTimeout(300);
    if (!events.console.some((m) => m.text.includes('OFFER-XSS-SELFTEST'))) {
      throw new Error("the console listener does not see the hand-off frame's messages: the check would prove nothing");
    }
    const ran = events.console.filter((m) => XSS_MARKER.test(m.text) && !m.text.includes('SELFTEST'));
    if (events.dialogs.length > 0 || ran.length > 0) {
      throw new Error(`payloads ran: dialogs ${JSON.stringify(events.dialogs)}, console ${JSON.stringify(ran.map((m) => m.text))}`);
    }
    const leftovers = await frame.evaluate(() =>
      [...document.querySelectorAll('*')]
        .filter(
          (el) =>
            [...el.attributes].some(
              (a) => /^on/i.test(a.name) || (a.name === 'href' && el.tagName !== 'LINK') || (a.name === 'src' && el.tagName !== 'SCRIPT'),
            ) ||
            ['IFRAME', 'OBJECT', 'EMBED', 'FORM', 'IMG', 'SVG', 'A'].includes(el.tagName.toUpperCase()) ||
            (el.tagName === 'SCRIPT' && /OFFER-XSS/.test(el.textContent ?? '')),
        )
        .map((el) => el.outerHTML.slice(0, 120)),
    );
    if (leftovers.length > 0) {
      throw new Error(`markup from the offer is in the hand-off: ${JSON.stringify(leftovers, null, 1)}`);
    }
    const clipboard = await clipboardText(page);
    if (!XSS_MARKER.test(payload) || clipboard !== payload) {
      throw new Error(`the clipboard holds ${JSON.stringify(clipboard.slice(0, 200))}, the page shows ${JSON.stringify(payload.slice(0, 200))}`);
    }
    return `${count} values copied, no dialog, no payload message, no markup from the offer${retried ? `; ${RELOADED_NOTE}` : ''}`;
  });

  // A repository written by someone else put links where the extension writes (scripts/e2e/workspace.mjs):
  // the commands must refuse, say why in a modal, and leave the files outside as they were.
  const victims = hostileVictims(workspace);
  const untouched = () => {
    for (const [name, file] of Object.entries(victims)) {
      if (fs.readFileSync(file, 'utf8') !== VICTIM_TEXT) {
        throw new Error(`${name} outside the workspace was written to: ${file}`);
      }
    }
  };

  await check('Record Published Baseline refuses offer.published.json that links to the user settings', async () => {
    await ui.openFile('hostile/offer.json');
    await ui.command('Marketplace Offer: Record Published Baseline');
    await ui.dialogButton('Record this offer as published?', 'Record');
    const refusal = await ui.dialogShowing('is a symbolic link: nothing is written through a link');
    if (!refusal.includes(path.join('hostile', 'offer.published.json'))) {
      throw new Error(`the refusal does not name the link: ${refusal}`);
    }
    await shot('refusal-baseline-symlink.png');
    await ui.closeDialog();
    untouched();
    if (!fs.lstatSync(path.join(workspace, 'hostile', 'offer.published.json')).isSymbolicLink()) {
      throw new Error('the link was replaced');
    }
    return 'modal refusal naming hostile/offer.published.json; the settings file outside is unchanged';
  });

  await check('Export refuses onboarding/gold.parameters.json that links to another project', async () => {
    await ui.openFile('hostile/offer.json');
    await ui.command('Marketplace Offer: Export Plan as Lighthouse Onboarding Template');
    await ui.pick('Subscription');
    await ui.pick(path.join('hostile', 'onboarding'));
    const refusal = await ui.dialogShowing('is a symbolic link: nothing is written through a link');
    if (!refusal.includes(path.join('hostile', 'onboarding', 'gold.parameters.json'))) {
      throw new Error(`the refusal does not name the link: ${refusal}`);
    }
    await shot('refusal-export-symlink.png');
    await ui.closeDialog();
    untouched();
    const written = fs.readdirSync(path.join(workspace, 'hostile', 'onboarding'));
    if (written.join() !== 'gold.parameters.json') {
      throw new Error(`files were written beside the link: ${written.join(', ')}`);
    }
    return 'modal refusal naming hostile/onboarding/gold.parameters.json; nothing written, the file outside is unchanged';
  });

  await check('overview screenshot: diagnostics, plans tree and preview together', async () => {
    await ui.openFile('broken/offer.json');
    await ui.command('Problems: Focus on Problems View');
    await ui.command('Marketplace Offer: Open Listing Preview');
    await ui.previewShowing('Contoso Sentinel');
    await ui.expandView('Offer Plans', (t) => t.includes('—')).catch(() => undefined);
    await page.waitForTimeout(800);
    await shot('overview.png');
    return 'test-results/overview.png';
  });

  events.stop();
  return results;
}

/** Collects dialogs and console messages of the page and all its frames. */
function watchPage(page) {
  const events = {
    dialogs: [],
    console: [],
    reset() {
      this.dialogs.length = 0;
      this.console.length = 0;
    },
    stop() {
      page.off('dialog', onDialog);
      page.off('console', onConsole);
    },
  };
  const onDialog = (dialog) => {
    events.dialogs.push({ type: dialog.type(), message: dialog.message() });
    void dialog.dismiss().catch(() => undefined);
  };
  const onConsole = (message) => events.console.push({ type: message.type(), text: message.text() });
  page.on('dialog', onDialog);
  page.on('console', onConsole);
  return events;
}

/** The workbench as a user drives it. */
export class Workbench {
  constructor(page, workspace) {
    this.page = page;
    this.workspace = workspace;
  }

  /** Closes popups and editors, so that each check starts from the same screen. */
  async reset() {
    await this.page.keyboard.press('Escape');
    await this.page.keyboard.press('Escape');
    await this.command('View: Close All Editors');
    // An editor left unsaved by an earlier check asks whether to save: it must not be.
    const dontSave = this.page.locator('.monaco-dialog-box .monaco-button', { hasText: "Don't Save" });
    if (await dontSave.first().isVisible({ timeout: 1000 }).catch(() => false)) {
      await dontSave.first().click();
    }
  }

  /** Waits for a modal dialog whose text includes `needle`; returns its whole text. */
  async dialogShowing(needle, timeoutMs = 15_000) {
    const dialog = this.page.locator('.monaco-dialog-box', { hasText: needle }).first();
    await dialog.waitFor({ state: 'visible', timeout: timeoutMs }).catch(async () => {
      const seen = await this.page.locator('.monaco-dialog-box').allInnerTexts().catch(() => []);
      const toasts = await this.page.locator('.notification-toast').allInnerTexts().catch(() => []);
      throw new Error(`no dialog with '${needle}'; dialogs: ${JSON.stringify(seen)}; notifications: ${JSON.stringify(toasts)}`);
    });
    return dialog.innerText();
  }

  /** Answers the modal dialog that asks `question` with the button `label`. */
  async dialogButton(question, label) {
    await this.dialogShowing(question);
    await this.page.locator('.monaco-dialog-box', { hasText: question }).locator('.monaco-button', { hasText: label }).first().click();
    await this.page.locator('.monaco-dialog-box', { hasText: question }).waitFor({ state: 'hidden', timeout: 10_000 });
  }

  /** Closes the modal dialog in front (Escape, as a person dismisses it). */
  async closeDialog() {
    await this.page.keyboard.press('Escape');
    await this.page.locator('.monaco-dialog-box').first().waitFor({ state: 'hidden', timeout: 10_000 });
  }

  /** Picks the item `label` in the open quick pick. */
  async pick(label) {
    const row = this.page.locator('.quick-input-widget .monaco-list-row', { hasText: label }).first();
    await row.waitFor({ state: 'visible', timeout: 10_000 }).catch(async () => {
      const rows = await this.page.locator('.quick-input-widget .monaco-list-row').allInnerTexts().catch(() => []);
      throw new Error(`the quick pick has no '${label}': ${JSON.stringify(rows)}`);
    });
    await row.click();
  }

  /** Runs a command from the command palette (F1), by its title. */
  async command(title) {
    await this.page.keyboard.press('F1');
    const input = this.page.locator('.quick-input-widget input.input');
    await input.waitFor({ state: 'visible', timeout: 10_000 });
    await input.fill(`>${title}`);
    // Enter picks the focused row: wait until filtering has put the command there.
    const row = this.page.locator('.quick-input-widget .monaco-list-row.focused', { hasText: title });
    await row.first().waitFor({ state: 'visible', timeout: 10_000 }).catch(() => {
      throw new Error(`the command palette has no '${title}'`);
    });
    await this.page.keyboard.press('Enter');
    await this.page.locator('.quick-input-widget').waitFor({ state: 'hidden', timeout: 10_000 }).catch(() => undefined);
  }

  /** Opens a workspace file with Quick Open (Ctrl+P); returns its text on disk. */
  async openFile(relativePath) {
    await this.page.keyboard.press('Control+P');
    const input = this.page.locator('.quick-input-widget input.input');
    await input.waitFor({ state: 'visible', timeout: 10_000 });
    await input.fill(relativePath);
    const folder = path.dirname(relativePath);
    // Enter picks the focused row, which is a recently opened file until filtering catches up.
    await this.page
      .locator('.quick-input-widget .monaco-list-row.focused', { hasText: folder })
      .first()
      .waitFor({ state: 'visible', timeout: 10_000 });
    await this.page.keyboard.press('Enter');
    // The breadcrumbs name the file's folder once its editor is active.
    await this.page
      .locator('.breadcrumbs-control .monaco-breadcrumb-item', { hasText: folder })
      .first()
      .waitFor({ state: 'visible', timeout: 10_000 });
    await this.page.locator('.monaco-editor.focused').waitFor({ state: 'visible', timeout: 10_000 });
    return fs.readFileSync(path.join(this.workspace, relativePath), 'utf8');
  }

  /** Moves the cursor with Go to Line (Ctrl+G), 1-based, revealing the line. */
  async goTo(line, column) {
    await this.page.keyboard.press('Control+G');
    const input = this.page.locator('.quick-input-widget input.input');
    await input.waitFor({ state: 'visible', timeout: 10_000 });
    await input.fill(`:${line}:${column}`);
    await this.page.keyboard.press('Enter');
    await this.page.locator('.monaco-editor.focused').waitFor({ state: 'visible', timeout: 10_000 });
    await this.page.waitForTimeout(300);
  }

  /**
   * Opens a side-bar view by its title, gives it the side bar's room (the other views collapse),
   * and expands its tree until the text of the rows seen so far satisfies `done`. The tree is a
   * virtual list that renders only the rows in sight, so it is scrolled as it grows.
   */
  async expandView(title, done, timeoutMs = 30_000) {
    const header = this.page.locator('.pane-header', { hasText: title }).first();
    await header.waitFor({ state: 'visible', timeout: 10_000 }).catch(() => {
      throw new Error(`no '${title}' view in the side bar`);
    });
    const others = this.page.locator('.sidebar .pane-header[aria-expanded="true"]').filter({ hasNotText: title });
    for (let i = (await others.count()) - 1; i >= 0; i--) {
      await others.nth(i).click();
    }
    if ((await header.getAttribute('aria-expanded')) === 'false') {
      await header.click();
    }
    const body = this.page.locator('.pane', { has: header }).locator('.pane-body');
    const seen = new Set();
    const deadline = Date.now() + timeoutMs;
    while (Date.now() < deadline) {
      for (const row of await body.locator('.monaco-list-row').allInnerTexts().catch(() => [])) {
        seen.add(row.replace(/\s+/g, ' ').trim());
      }
      const text = [...seen].join('\n');
      if (done(text)) {
        return text;
      }
      const collapsed = body.locator('.monaco-list-row[aria-expanded="false"]');
      if ((await collapsed.count()) > 0) {
        await collapsed.first().locator('.monaco-tl-twistie').click();
      } else {
        const box = await body.boundingBox();
        if (!box) {
          break;
        }
        await this.page.mouse.move(box.x + box.width / 2, box.y + box.height / 2);
        await this.page.mouse.wheel(0, box.height / 2);
      }
      await this.page.waitForTimeout(250);
    }
    return [...seen].join('\n');
  }

  /**
   * Waits for the listing preview to show `needle`. In code-server a new webview now and then stays
   * blank: its host frame waits for a service-worker update and never creates the content frame,
   * with the extension's HTML already set (reloading the webviews shows it). It was seen after
   * a webview had been closed while still loading, which the suite now avoids. That is the
   * workbench's doing, not the extension's, so the check reloads the webviews once and says so in
   * its note; a preview that is still blank after that fails.
   */
  async previewShowing(needle) {
    try {
      return { frame: await this.webviewShowing(needle, 15_000), retried: false };
    } catch {
      await this.command('Developer: Reload Webviews');
      return { frame: await this.webviewShowing(needle, 15_000), retried: true };
    }
  }

  /**
   * Waits for a webview frame (not the workbench itself) whose text includes `needle`, once its
   * stylesheets are applied: the text is in the page before them, and what the checks read of it
   * (line breaks, sizes) depends on them. The page is not painted before that either.
   */
  async webviewShowing(needle, timeoutMs = 20_000) {
    const deadline = Date.now() + timeoutMs;
    while (Date.now() < deadline) {
      for (const frame of this.page.frames()) {
        if (frame === this.page.mainFrame()) {
          continue;
        }
        const text = await frame
          .evaluate(() => ([...document.querySelectorAll('link[rel="stylesheet"]')].every((link) => link.sheet !== null) ? document.body?.innerText ?? '' : ''))
          .catch(() => '');
        if (text.includes(needle)) {
          return frame;
        }
      }
      await this.page.waitForTimeout(300);
    }
    const frames = await Promise.all(
      this.page.frames().map(async (frame) => {
        const html = await frame.evaluate(() => document.documentElement?.outerHTML.length ?? 0).catch(() => -1);
        const text = await frame.evaluate(() => document.body?.innerText.slice(0, 80) ?? '').catch(() => '');
        return `${frame.name() || '(unnamed)'} ${frame.url().slice(0, 160)} html=${html} text=${JSON.stringify(text)}`;
      }),
    );
    throw new Error(`no webview shows '${needle}'; frames: ${JSON.stringify(frames, null, 1)}`);
  }
}

/**
 * The text on the clipboard, as the workbench's page reads it (the extension wrote it through
 * vscode.env.clipboard, which in code-server is the browser's clipboard).
 */
async function clipboardText(page) {
  return page.evaluate(() => navigator.clipboard.readText()).catch((error) => {
    throw new Error(`the clipboard cannot be read in the workbench: ${error.message}`);
  });
}

/** 1-based line and column of the first occurrence of `needle` in `text`. */
export function lineColumnOf(text, needle) {
  const index = text.indexOf(needle);
  if (index < 0) {
    throw new Error(`'${needle}' is not in the file`);
  }
  const before = text.slice(0, index).split('\n');
  return { line: before.length, column: before[before.length - 1].length + 1 };
}

function slug(name) {
  return name.toLowerCase().replace(/[^a-z0-9]+/g, '-').replace(/^-|-$/g, '').slice(0, 60);
}
