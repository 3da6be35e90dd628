// Webview script of the "Topology Lessons" panel. Runs under a strict CSP (nonce, no eval, no inline
// handlers). It builds the navigation with DOM APIs (textContent only), inserts the lesson HTML the
// extension rendered and escaped, and posts small messages back; the extension validates every one.
// The messages both ways are declared in shared/webview/lessonsPanelMessages.ts; this script names
// them in JSDoc and is type-checked against them (tsconfig.webview.json, npm run typecheck). It loads
// no module: it is a classic script.
// @ts-check
/** @typedef {import('../shared/webview/lessonsPanelMessages').FromWebview} FromWebview */
/** @typedef {import('../shared/webview/lessonsPanelMessages').ToWebview} ToWebview */
/** @typedef {import('../shared/webview/lessonsPanelMessages').PanelView} PanelView */
/** @typedef {import('../shared/webview/lessonsPanelMessages').DomSnapshot} DomSnapshot */
/** @typedef {{ lesson: string, scrollY: number }} SavedState */
(function () {
  'use strict';
  /** @type {import('../shared/webview/webviewApi').WebviewApi<FromWebview, SavedState>} */
  const vscode = acquireVsCodeApi();
  const nav = /** @type {HTMLElement} */ (document.getElementById('nav'));
  const header = /** @type {HTMLElement} */ (document.getElementById('lesson-header'));
  const article = /** @type {HTMLElement} */ (document.getElementById('lesson'));
  const footer = /** @type {HTMLElement} */ (document.getElementById('lesson-footer'));
  /** @type {PanelView | undefined} */
  let view;
  /** @type {string | undefined} */
  let scrolledTo;
  /** @type {string | undefined} */
  let shownLesson;
  let savedScroll = 0;
  let lastSectionSeq = -1;

  /**
   * @param {string} tag
   * @param {Record<string, string | number | boolean | null | undefined>} [attrs] `text` and `className` set those properties
   * @param {(Node | null | undefined)[]} [children]
   */
  function el(tag, attrs, children) {
    const node = document.createElement(tag);
    for (const [k, v] of Object.entries(attrs || {})) {
      if (v === undefined || v === null || v === false) continue;
      if (k === 'text') node.textContent = String(v);
      else if (k === 'className') node.className = String(v);
      else node.setAttribute(k, String(v));
    }
    for (const child of children || []) if (child) node.appendChild(child);
    return node;
  }

  /**
   * @param {string} action
   * @param {string} label
   * @param {Record<string, string>} [data]
   */
  function button(action, label, data) {
    const b = el('button', Object.assign({ type: 'button', 'data-action': action, text: label }, data || {}));
    return b;
  }

  /** @param {PanelView} v */
  function render(v) {
    savedScroll = window.scrollY;
    view = v;
    // Navigation: tracks and lessons with minutes and a done mark.
    nav.replaceChildren(
      ...v.tracks.map((track) =>
        el('section', { className: 'track' }, [
          el('h2', { text: track.title }),
          el('ol', {}, track.lessons.map((l) =>
            el('li', { className: l.id === v.lesson.id ? 'current' : '' }, [
              el('a', {
                href: '#',
                'data-lesson': l.id,
                'data-done': l.done ? 'true' : 'false',
                'aria-current': l.id === v.lesson.id ? 'page' : undefined,
              }, [
                el('span', { className: 'mark', 'aria-label': l.done ? 'done' : 'not done', text: l.done ? '✓' : '○' }),
                el('span', { className: 'title', text: l.title }),
                el('span', { className: 'minutes', text: `${l.minutes} min` }),
              ]),
            ]))),
        ])),
    );
    const lesson = v.lesson;
    header.replaceChildren(
      el('div', { className: 'meta', text: `${lesson.trackTitle} · ${lesson.minutes} min` }),
      el('div', { className: 'actions' }, [
        button('done', lesson.done ? '✓ Done' : 'Mark as done', { 'aria-pressed': lesson.done ? 'true' : 'false', className: lesson.done ? 'secondary' : '' }),
        lesson.hasTryIt ? button('tryIt', 'Try it') : null,
      ]),
    );
    // The lesson body was rendered and escaped by the extension (client/src/markdown.ts).
    article.innerHTML = lesson.html;
    article.setAttribute('data-lesson', lesson.id);
    const next = lesson.next;
    footer.replaceChildren(
      el('div', { className: 'pager' }, [
        lesson.previous ? button('previous', `← ${lesson.previous.title}`, { 'data-lesson': lesson.previous.id, className: 'secondary' }) : el('span'),
        next ? button('next', `What's next: ${next.title} →`, { 'data-lesson': next.id }) : el('span', { className: 'end', text: 'You have reached the last lesson.' }),
      ]),
    );
    // Scroll: to the requested section; else keep the place when the same lesson re-renders (a done
    // mark changed), restore it after a reload, or start at the top of a new lesson.
    const saved = vscode.getState();
    if (v.section && v.seq !== lastSectionSeq) {
      lastSectionSeq = v.seq;
      scrollToSection(v.section);
    } else if (shownLesson === lesson.id) {
      window.scrollTo(0, savedScroll);
    } else if (shownLesson === undefined && saved !== undefined && saved.lesson === lesson.id && typeof saved.scrollY === 'number') {
      window.scrollTo(0, saved.scrollY);
    } else {
      scrolledTo = undefined;
      window.scrollTo(0, 0);
    }
    shownLesson = lesson.id;
    vscode.setState({ lesson: lesson.id, scrollY: window.scrollY });
  }

  /** @param {string} section */
  function scrollToSection(section) {
    const target = document.getElementById(section);
    if (!target) return;
    target.scrollIntoView({ block: 'start' });
    target.classList.add('flash');
    setTimeout(() => target.classList.remove('flash'), 1200);
    scrolledTo = section;
  }

  /** @returns {DomSnapshot} */
  function domSnapshot() {
    const h1 = article.querySelector('h1');
    return {
      title: (h1 ? h1.textContent : '') || '',
      headings: [...article.querySelectorAll('h2, h3')].map((h) => h.textContent || ''),
      lessonList: [...nav.querySelectorAll('a[data-lesson]')].map((a) => ({
        id: a.getAttribute('data-lesson') || '',
        done: a.getAttribute('data-done') === 'true',
      })),
      section: scrolledTo,
    };
  }

  /**
   * @param {string | null} action
   * @param {Element} node
   */
  function onAction(action, node) {
    if (!view) return;
    const lesson = view.lesson;
    switch (action) {
      case 'done':
        vscode.postMessage({ type: 'setDone', lesson: lesson.id, done: !lesson.done });
        break;
      case 'tryIt':
        vscode.postMessage({ type: 'tryIt', lesson: lesson.id });
        break;
      case 'previous':
      case 'next': {
        const target = node.getAttribute('data-lesson');
        if (target) vscode.postMessage({ type: 'openLesson', lesson: target });
        break;
      }
    }
  }

  document.addEventListener('click', (event) => {
    const t = /** @type {Element | null} */ (event.target instanceof Element ? event.target : null);
    if (!t) return;
    const actionNode = t.closest('[data-action]');
    if (actionNode) {
      event.preventDefault();
      onAction(actionNode.getAttribute('data-action'), actionNode);
      return;
    }
    const link = t.closest('a');
    if (!link) return;
    event.preventDefault();
    const lesson = link.getAttribute('data-lesson');
    const section = link.getAttribute('data-section');
    if (lesson) {
      vscode.postMessage(section ? { type: 'openLesson', lesson, section } : { type: 'openLesson', lesson });
    } else if (section) {
      scrollToSection(section);
    }
  });

  window.addEventListener('message', (event) => {
    /** @type {ToWebview | null | undefined} From the extension (our own code), still checked before use. */
    const msg = event.data;
    if (!msg || typeof msg !== 'object') return;
    switch (msg.type) {
      case 'render':
        if (msg.view && msg.view.lesson) render(msg.view);
        break;
      case 'requestDom':
        vscode.postMessage({ type: 'dom', requestId: msg.requestId, dom: domSnapshot() });
        break;
      case 'click': {
        const node = document.querySelector(`[data-action="${String(msg.action).replace(/[^A-Za-z]/g, '')}"]`);
        if (node instanceof HTMLElement) node.click();
        vscode.postMessage({ type: 'clicked', requestId: msg.requestId, ok: node instanceof HTMLElement });
        break;
      }
    }
  });

  window.addEventListener('scroll', () => {
    if (view) vscode.setState({ lesson: view.lesson.id, scrollY: window.scrollY });
  }, { passive: true });

  vscode.postMessage({ type: 'getState' });
})();
