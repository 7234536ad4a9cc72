// The listing preview's only script (loaded with the page's nonce). It keeps the scroll position
// across re-renders and hands link clicks to the extension, which asks before opening them: the
// webview itself never navigates. Nothing from the offer is executed here.
(function () {
  'use strict';
  const vscode = acquireVsCodeApi();

  // Restore where the reader was: the webview's own state survives a re-render; the extension's
  // copy (data-scroll-y) covers a panel that was re-created. The state outlives the page, so it
  // counts only for the offer it was saved for: a page of another offer starts at the extension's
  // position (the top).
  const offer = document.documentElement.dataset.offerUri || '';
  const saved = vscode.getState();
  const fromExtension = Number(document.body.dataset.scrollY);
  const scrollY =
    saved && saved.offer === offer && typeof saved.scrollY === 'number' ? saved.scrollY : Number.isFinite(fromExtension) ? fromExtension : 0;
  vscode.setState({ offer: offer, scrollY: scrollY });
  if (scrollY > 0) {
    window.scrollTo(0, scrollY);
  }

  let timer;
  window.addEventListener('scroll', function () {
    clearTimeout(timer);
    timer = setTimeout(function () {
      vscode.setState({ offer: offer, scrollY: window.scrollY });
      vscode.postMessage({ type: 'scroll', scrollY: window.scrollY });
    }, 100);
  });

  // Links carry their target in data-href (no href: the webview must never navigate or let VS Code
  // open a link on its own). A click, or Enter on a focused link, asks the extension.
  function openLink(event) {
    const link = event.target instanceof Element ? event.target.closest('a') : null;
    if (!link) {
      return;
    }
    event.preventDefault();
    const url = link.getAttribute('data-href');
    if (url) {
      vscode.postMessage({ type: 'openLink', url: url });
    }
  }
  document.addEventListener('click', openLink);
  document.addEventListener('keydown', function (event) {
    if (event.key === 'Enter') {
      openLink(event);
    }
  });
})();
