// Webview script of the "Topology Lessons" panel. Runs under a strict CSP (nonce, no eval, no inline
// handlers). It builds the navigation and the "In your fabric" figures with DOM APIs (textContent
// only: switch names come from the user's file), inserts the lesson HTML the extension rendered and
// escaped, and posts small messages back; the extension validates every one. Messages from the
// extension are checked for their shape before use.
// The messages both ways are declared in shared/webview/lessonsPanelMessages.ts; this script names
// them in JSDoc and is type-checked against them (tsconfig.webview.json, npm run typecheck). It loads
// no module: it is a classic script.
// @ts-check
/** @typedef {import('../shared/webview/lessonsPanelMessages').FromWebview} FromWebview */
/** @typedef {import('../shared/webview/lessonsPanelMessages').ToWebview} ToWebview */
/** @typedef {import('../shared/webview/lessonsPanelMessages').PanelView} PanelView */
/** @typedef {import('../shared/webview/lessonsPanelMessages').DomSnapshot} DomSnapshot */
/** @typedef {import('../shared/webview/lessonsPanelMessages').FabricPart} FabricPart */
/** @typedef {import('../shared/webview/lessonsPanelMessages').FabricDom} FabricDom */
/** @typedef {import('../shared/webview/lessonsPanelMessages').SavedPanelState} SavedState */
(function () {
  'use strict';
  /** @type {import('../shared/webview/webviewApi').WebviewApi<FromWebview, SavedState>} */
  const vscode = acquireVsCodeApi();
  const nav = /** @type {HTMLElement} */ (document.getElementById('nav'));
  const header = /** @type {HTMLElement} */ (document.getElementById('lesson-header'));
  const article = /** @type {HTMLElement} */ (document.getElementById('lesson'));
  const footer = /** @type {HTMLElement} */ (document.getElementById('lesson-footer'));
  const fabric = /** @type {HTMLElement} */ (document.getElementById('fabric'));
  /** @type {PanelView | undefined} */
  let view;
  /** @type {FabricPart | undefined} */
  let fabricPart;
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

  /** Text with `code` spans as <code> elements, all through textContent. @param {string} text */
  function richText(text) {
    const span = el('span', { className: 'text' });
    String(text).split('`').forEach((part, i) => {
      if (part === '') return;
      span.appendChild(i % 2 === 1 ? el('code', { text: part }) : document.createTextNode(part));
    });
    return span;
  }

  /** @param {unknown} value */
  function isLinkNumber(value) {
    return typeof value === 'number' && Number.isSafeInteger(value) && value >= 0;
  }

  /** @param {{ name: string, link: number } | undefined} tryIt */
  function tryItButton(tryIt) {
    if (!tryIt || !isLinkNumber(tryIt.link)) return null;
    return el('button', { type: 'button', 'data-action': 'fabricLink', 'data-link': tryIt.link, className: 'secondary try-file', text: `Open the try-it file ${String(tryIt.name)}` });
  }

  /**
   * One "In your fabric" group: the figures of one lesson section, placed right after that section's
   * heading (beside the idea it shows). Titles are no headings, so the lesson's outline stays its own.
   * @param {import('../shared/webview/lessonsPanelMessages').FabricGroupView} g
   * @param {string} file
   */
  function groupBox(g, file) {
    const items = (Array.isArray(g.figures) ? g.figures : []).map((f) => {
      const status = f.status === 'over' || f.status === 'ok' ? f.status : 'info';
      const label = isLinkNumber(f.link)
        ? el('a', { href: '#', 'data-action': 'fabricLink', 'data-link': f.link, className: 'figure-label', title: 'Show it in the editor', text: f.label })
        : el('span', { className: 'figure-label', text: f.label });
      return el('li', { className: `figure ${status}`, 'data-status': status }, [label, richText(f.text)]);
    });
    return el('section', { className: 'fabric-group', 'aria-label': `In your fabric: ${String(g.title)}` }, [
      el('div', { className: 'fabric-caption' }, [
        el('span', { className: 'fabric-kicker', text: 'In your fabric' }),
        el('span', { className: 'fabric-group-title', text: g.title }),
        el('span', { className: 'fabric-file', text: file }),
      ]),
      g.note ? el('p', { className: 'note' }, [richText(g.note)]) : null,
      items.length > 0 ? el('ul', { className: 'figures' }, items) : null,
      g.more > 0 ? el('p', { className: 'more', text: `… and ${g.more} more` }) : null,
      tryItButton(g.tryIt),
    ]);
  }

  /**
   * "In your fabric": the figures of the open topology file for this lesson, each group after the
   * heading of its section (the box at the top says which file, and links to each group); or the
   * try-it file to open instead. Every figure with a link reveals its switch in the editor.
   * @param {FabricPart | undefined} part
   */
  function renderFabric(part) {
    fabricPart = part;
    for (const old of article.querySelectorAll('.fabric-group')) old.remove();
    if (!part || !part.view || typeof part.view !== 'object') {
      fabric.replaceChildren();
      fabric.hidden = true;
      return;
    }
    fabric.hidden = false;
    const v = part.view;
    /** @type {(HTMLElement | null)[]} */
    const body = [];
    let heading = 'In your fabric';
    switch (v.kind) {
      case 'noFile':
        body.push(el('p', { className: 'note', text: 'Open a topology file to see where this lesson\'s ideas live in it: its figures show beside each section, each a link to the switch.' }));
        body.push(tryItButton(v.tryIt));
        break;
      case 'loading':
        heading = `In your fabric: ${String(v.file)}`;
        body.push(el('p', { className: 'note', text: 'Reading the file…' }));
        break;
      case 'unavailable':
        heading = `In your fabric: ${String(v.file)}`;
        body.push(el('p', { className: 'note', text: String(v.reason) }));
        break;
      case 'figures': {
        heading = `In your fabric: ${String(v.file)}`;
        if (v.note) body.push(el('p', { className: 'note', text: v.note }));
        const groups = Array.isArray(v.groups) ? v.groups : [];
        /** @type {Node[]} */
        const index = [];
        for (const g of groups) {
          const box = groupBox(g, String(v.file));
          // getElementById takes the anchor as data (no selector); only a heading of the lesson counts.
          const target = typeof g.section === 'string' ? document.getElementById(g.section) : null;
          if (target && article.contains(target) && /^H[1-6]$/.test(target.tagName)) target.insertAdjacentElement('afterend', box);
          else body.push(box);
          if (index.length > 0) index.push(document.createTextNode(' · '));
          index.push(el('a', { href: '#', 'data-section': g.section, text: g.title }));
        }
        if (index.length > 0) body.unshift(el('p', { className: 'fabric-index' }, [document.createTextNode('Beside the sections: '), ...index]));
        break;
      }
    }
    fabric.replaceChildren(el('h2', { className: 'fabric-title', text: heading }), ...body.filter((n) => n !== null));
  }

  /** @returns {FabricDom | undefined} */
  function fabricSnapshot() {
    if (fabric.hidden || !fabric.firstChild) return undefined;
    const heading = fabric.querySelector('.fabric-title');
    const tryIt = fabric.querySelector(':scope > button[data-link]');
    /** @type {FabricDom} */
    const dom = {
      heading: (heading && heading.textContent) || '',
      groups: [...document.querySelectorAll('.fabric-group')].map((g) => {
        const title = g.querySelector('.fabric-group-title');
        const note = g.querySelector(':scope > .note');
        /** @type {FabricDom['groups'][number]} */
        const group = {
          title: (title && title.textContent) || '',
          figures: [...g.querySelectorAll('li.figure')].map((li) => {
            const label = li.querySelector('.figure-label');
            const text = li.querySelector('.text');
            const link = label && label.getAttribute('data-link');
            /** @type {FabricDom['groups'][number]['figures'][number]} */
            const figure = { label: (label && label.textContent) || '', text: (text && text.textContent) || '' };
            if (link) figure.link = Number(link);
            return figure;
          }),
        };
        if (note && note.textContent) group.note = note.textContent;
        return group;
      }),
    };
    const link = tryIt && tryIt.getAttribute('data-link');
    if (link) dom.tryIt = Number(link);
    return dom;
  }

  function saveState() {
    if (!view) return;
    /** @type {SavedState} */
    const state = { lesson: view.lesson.id, scrollY: window.scrollY };
    if (scrolledTo) state.section = scrolledTo;
    vscode.setState(state);
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
    renderFabric(v.fabric && v.fabric.lesson === lesson.id ? v.fabric : fabricPart && fabricPart.lesson === lesson.id ? fabricPart : undefined);
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
    saveState();
  }

  /** @param {string} section */
  function scrollToSection(section) {
    const target = document.getElementById(section);
    if (!target) return;
    target.scrollIntoView({ block: 'start' });
    target.classList.add('flash');
    setTimeout(() => target.classList.remove('flash'), 1200);
    scrolledTo = section;
    saveState();
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
      fabric: fabricSnapshot(),
      saved: vscode.getState(),
    };
  }

  /**
   * @param {string | null} action
   * @param {Element} node
   */
  function onAction(action, node) {
    if (!view) return;
    const lesson = view.lesson;
    if (action === 'fabricLink') {
      const link = Number(node.getAttribute('data-link'));
      if (fabricPart && isLinkNumber(link)) vscode.postMessage({ type: 'fabricLink', seq: fabricPart.seq, link });
      return;
    }
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
      case 'fabric':
        // Before the first render there is no lesson to place the groups in: the next render brings the part.
        if (view && msg.fabric && typeof msg.fabric === 'object' && typeof msg.fabric.seq === 'number' && msg.fabric.lesson === view.lesson.id) {
          renderFabric(msg.fabric);
        }
        break;
      case 'clickFabricLink': {
        const node = isLinkNumber(msg.link) ? document.querySelector(`[data-action="fabricLink"][data-link="${msg.link}"]`) : null;
        if (node instanceof HTMLElement) node.click();
        vscode.postMessage({ type: 'clicked', requestId: msg.requestId, ok: node instanceof HTMLElement });
        break;
      }
    }
  });

  window.addEventListener('scroll', saveState, { passive: true });

  vscode.postMessage({ type: 'getState' });
})();
