// The hand-off view's only script (loaded with the page's nonce). A copy button posts its field's
// id, never a value: the extension looks the value up in the sheet it rendered and writes it to the
// clipboard, then says "copied" back. A tick posts its tick id; the extension keeps it for the
// offer. The script also keeps the counts, the folded sections, "hide ticked" and the scroll
// position across re-renders. Nothing from the offer is executed or parsed as markup here: text
// from the page is only ever read and written as text.
(function () {
  'use strict';
  const vscode = acquireVsCodeApi();
  const body = document.body;
  const labels = {
    copy: body.dataset.labelCopy || 'Copy',
    copied: body.dataset.labelCopied || 'Copied',
    progress: body.dataset.labelProgress || '{0} / {1}',
  };

  // What the webview remembers across re-renders: scroll, folded sections, "hide ticked". The
  // state outlives the page, so it counts only for the offer it was saved for: a page of another
  // offer starts as the extension renders it.
  const offer = document.documentElement.dataset.offerUri || '';
  const remembered = vscode.getState();
  const saved = remembered && remembered.offer === offer ? remembered : {};
  const state = {
    offer: offer,
    scrollY: typeof saved.scrollY === 'number' ? saved.scrollY : Number(body.dataset.scrollY) || 0,
    folded: saved.folded && typeof saved.folded === 'object' ? saved.folded : {},
    hideTicked: saved.hideTicked === true,
  };
  function save() {
    vscode.setState(state);
  }
  save();

  // Sections the reader opened or closed stay so; the others keep the page's default (a finished
  // section starts closed).
  const sections = Array.prototype.slice.call(document.querySelectorAll('details.section'));
  sections.forEach(function (section) {
    const id = section.getAttribute('data-section-id');
    if (Object.prototype.hasOwnProperty.call(state.folded, id)) {
      section.open = !state.folded[id];
    }
    section.addEventListener('toggle', function () {
      state.folded[id] = !section.open;
      save();
    });
  });

  const hideTicked = document.querySelector('.hide-ticked');
  function applyHideTicked() {
    body.classList.toggle('hiding-ticked', state.hideTicked);
    if (hideTicked) {
      hideTicked.checked = state.hideTicked;
    }
  }
  applyHideTicked();
  if (hideTicked) {
    hideTicked.addEventListener('change', function () {
      state.hideTicked = hideTicked.checked;
      applyHideTicked();
      save();
    });
  }

  // The contents and the pages' anchors sit below the sticky bar, whose height depends on the
  // panel's width (set through the CSSOM, which the page's CSP allows, unlike a style attribute).
  const toolbar = document.querySelector('.toolbar');
  if (toolbar && typeof ResizeObserver === 'function') {
    new ResizeObserver(function () {
      document.documentElement.style.setProperty('--toolbar-height', toolbar.offsetHeight + 'px');
    }).observe(toolbar);
  }

  if (state.scrollY > 0) {
    window.scrollTo(0, state.scrollY);
  }
  let scrollTimer;
  window.addEventListener('scroll', function () {
    clearTimeout(scrollTimer);
    scrollTimer = setTimeout(function () {
      state.scrollY = window.scrollY;
      save();
      vscode.postMessage({ type: 'scroll', scrollY: window.scrollY });
    }, 100);
  });

  // Counts: each badge holds its ticked and total numbers; a tick moves its section's, its page's
  // (in the page heading and the contents) and the overall one by one.
  const progressText = document.querySelector('[data-progress]');
  const progressBar = document.querySelector('[data-progress-bar]');
  function bump(badge, delta) {
    const ticked = Number(badge.getAttribute('data-ticked')) + delta;
    const total = Number(badge.getAttribute('data-total'));
    badge.setAttribute('data-ticked', String(ticked));
    badge.textContent = ticked + '/' + total;
    const finished = total > 0 && ticked === total;
    badge.classList.toggle('done', finished);
    return finished;
  }
  function pageBadges(page) {
    return Array.prototype.filter.call(document.querySelectorAll('[data-page-count]'), function (badge) {
      return badge.getAttribute('data-page-count') === page;
    });
  }
  function onTick(box) {
    const field = box.closest('.field');
    const section = box.closest('details.section');
    const delta = box.checked ? 1 : -1;
    field.classList.toggle('ticked', box.checked);
    if (section) {
      const badge = section.querySelector('[data-section-count]');
      section.classList.toggle('done', badge ? bump(badge, delta) : false);
      pageBadges(section.getAttribute('data-page')).forEach(function (badge) {
        const finished = bump(badge, delta);
        const owner = badge.closest('.page, .nav-link');
        if (owner) {
          owner.classList.toggle('done', finished);
        }
      });
    }
    if (progressBar && progressText) {
      const value = Number(progressBar.getAttribute('value')) + delta;
      progressBar.setAttribute('value', String(value));
      progressText.textContent = labels.progress.replace('{0}', String(value)).replace('{1}', progressBar.getAttribute('max'));
    }
    vscode.postMessage({ type: 'tick', tickId: box.getAttribute('data-tick-id'), ticked: box.checked });
  }

  document.addEventListener('change', function (event) {
    const target = event.target;
    if (target instanceof HTMLInputElement && target.classList.contains('tick')) {
      onTick(target);
    }
  });

  document.addEventListener('click', function (event) {
    const target = event.target instanceof Element ? event.target : null;
    const button = target && target.closest('button');
    if (!button) {
      return;
    }
    if (button.classList.contains('copy')) {
      vscode.postMessage({ type: 'copy', fieldId: button.getAttribute('data-field-id') });
    } else if (button.classList.contains('nav-link')) {
      const page = document.getElementById(button.getAttribute('data-target') || '');
      if (page) {
        page.scrollIntoView({ block: 'start' });
      }
    } else if (button.classList.contains('expand-all') || button.classList.contains('collapse-all')) {
      const open = button.classList.contains('expand-all');
      sections.forEach(function (section) {
        section.open = open;
        state.folded[section.getAttribute('data-section-id')] = !open;
      });
      save();
    } else if (button.classList.contains('clear-ticks')) {
      vscode.postMessage({ type: 'clearTicks' });
    }
  });

  // The extension's answer to a copy: the button says "Copied" for a moment, and its field stays
  // marked as the one last copied (to find it again after switching to the browser).
  const resetTimers = new Map();
  window.addEventListener('message', function (event) {
    const message = event.data;
    if (!message || message.type !== 'copied' || typeof message.fieldId !== 'string') {
      return;
    }
    Array.prototype.forEach.call(document.querySelectorAll('.field.last-copied'), function (field) {
      field.classList.remove('last-copied');
    });
    Array.prototype.forEach.call(document.querySelectorAll('button.copy'), function (button) {
      if (button.getAttribute('data-field-id') !== message.fieldId) {
        return;
      }
      button.textContent = labels.copied;
      button.classList.add('copied');
      const field = button.closest('.field');
      if (field) {
        field.classList.add('last-copied');
      }
      clearTimeout(resetTimers.get(button));
      resetTimers.set(
        button,
        setTimeout(function () {
          button.textContent = labels.copy;
          button.classList.remove('copied');
        }, 2000),
      );
    });
  });
})();
