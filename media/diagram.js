// Webview script of the "Fabric Diagram" panel. Runs under a strict CSP (nonce, no eval, no inline
// handlers, no remote content). It draws exactly the view the extension sends (the server's core laid
// it out and worded every text): SVG elements built with DOM APIs, every text through textContent,
// never innerHTML. It posts small messages back (select, expand, hover, mark failed, export); the
// extension validates every one. The messages are declared in shared/webview/diagramMessages.ts and
// the view in shared/webview/diagramView.ts; this script names them in JSDoc and is type-checked
// against them (tsconfig.webview.json). It loads no module: it is a classic script.
// @ts-check
/** @typedef {import('../shared/webview/diagramMessages').FromDiagramWebview} FromDiagramWebview */
/** @typedef {import('../shared/webview/diagramMessages').ToDiagramWebview} ToDiagramWebview */
/** @typedef {import('../shared/webview/diagramMessages').DiagramDom} DiagramDom */
/** @typedef {import('../shared/webview/diagramMessages').DiagramAction} DiagramAction */
/** @typedef {import('../shared/webview/diagramView').DiagramView} DiagramView */
/** @typedef {import('../shared/webview/diagramView').DiagramNode} DiagramNode */
/** @typedef {import('../shared/webview/diagramView').DiagramLink} DiagramLink */
/** @typedef {import('../shared/webview/diagramView').DiagramPalette} DiagramPalette */
/** @typedef {import('../shared/webview/diagramView').DiagramHoverInfo} DiagramHoverInfo */
/** @typedef {{ zoom: number, autoFit: boolean }} DiagramSavedState */
(function () {
  'use strict';
  const SVG_NS = 'http://www.w3.org/2000/svg';
  /** With more links than this, each is drawn as one bare line (no label group): thousands draw fast. */
  const GROUPED_LINKS = 200;
  const PALETTE_KEYS = /** @type {const} */ (['background', 'foreground', 'muted', 'border', 'nodeFill', 'groupFill', 'boxBorder', 'link', 'error', 'warning', 'info', 'failed', 'impact', 'focus']);

  /** @type {import('../shared/webview/webviewApi').WebviewApi<FromDiagramWebview, DiagramSavedState>} */
  const vscode = acquireVsCodeApi();
  const canvas = /** @type {HTMLElement} */ (document.getElementById('canvas'));
  const notice = /** @type {HTMLElement} */ (document.getElementById('notice'));
  const tooltip = /** @type {HTMLElement} */ (document.getElementById('tooltip'));
  const summary = /** @type {HTMLElement} */ (document.getElementById('summary'));
  const status = /** @type {HTMLElement} */ (document.getElementById('status'));
  const toolbar = /** @type {HTMLElement} */ (document.getElementById('toolbar'));

  const saved = vscode.getState();
  let zoom = saved && typeof saved.zoom === 'number' && saved.zoom > 0 ? saved.zoom : 1;
  let autoFit = saved ? saved.autoFit !== false : true;
  /** @type {DiagramView | undefined} */
  let view;
  let revision = 0;
  /** @type {SVGSVGElement | undefined} */
  let svg;
  /** @type {Map<string, SVGGElement>} The drawn node or link of each key (a bare link is a line or path). */
  let elements = new Map();
  /** @type {Map<string, DiagramNode>} */
  let nodes = new Map();
  /** @type {Map<string, DiagramLink>} */
  let links = new Map();
  /** @type {Map<string, DiagramLink[]>} */
  let linksOf = new Map();
  /** @type {string | null} */
  let highlighted = null;
  /** @type {string | null} */
  let selected = null;
  /** @type {string | null} */
  let hovered = null;
  /** @type {ReturnType<typeof setTimeout> | undefined} */
  let hoverTimer;

  /**
   * @param {string} tag
   * @param {Record<string, string | number | null | undefined>} [attrs]
   * @param {string} [text]
   * @returns {SVGElement}
   */
  function svgEl(tag, attrs, text) {
    const node = /** @type {SVGElement} */ (document.createElementNS(SVG_NS, tag));
    for (const [k, v] of Object.entries(attrs || {})) if (v !== null && v !== undefined) node.setAttribute(k, String(v));
    if (text !== undefined) node.textContent = text;
    return node;
  }

  /**
   * @param {string} tag
   * @param {string} [className]
   * @param {string} [text]
   */
  function el(tag, className, text) {
    const node = document.createElement(tag);
    if (className) node.className = className;
    if (text !== undefined) node.textContent = text;
    return node;
  }

  /** @param {string} text */
  function say(text) {
    status.textContent = text;
  }

  const SEVERITY_WORD = { error: 'error', warning: 'warning', info: 'info' };

  /** @param {DiagramNode} n */
  function nodeLabel(n) {
    const parts = [n.name, n.detail];
    if (n.severity) parts.push(`${n.findings} finding${n.findings === 1 ? '' : 's'}, worst ${SEVERITY_WORD[n.severity]}`);
    if (n.failed) parts.push('marked failed');
    if (n.kind === 'group') parts.push('group: press Enter to show its switches');
    return parts.join(', ');
  }

  /** @param {DiagramLink} l */
  function linkLabel(l) {
    const parts = [`link ${l.label}`];
    if (l.severity) parts.push(`${l.findings} finding${l.findings === 1 ? '' : 's'}, worst ${SEVERITY_WORD[l.severity]}`);
    if (l.failed) parts.push('down');
    return parts.join(', ');
  }

  /** @param {DiagramNode} n */
  function drawNode(n) {
    const classes = ['node', n.kind, `tier-${n.tier}`];
    if (n.severity) classes.push(`sev-${n.severity}`);
    if (n.failed) classes.push('failed');
    if (n.impact) classes.push(`impact-${n.impact}`);
    const g = /** @type {SVGGElement} */ (svgEl('g', { class: classes.join(' '), 'data-key': n.key, tabindex: 0, role: 'button', 'aria-label': nodeLabel(n) }));
    if (n.kind === 'group') g.appendChild(svgEl('rect', { class: 'stack', x: n.x + 4, y: n.y - 4, width: n.w, height: n.h, rx: 4 }));
    g.appendChild(svgEl('rect', { class: 'body', x: n.x, y: n.y, width: n.w, height: n.h, rx: 4 }));
    g.appendChild(svgEl('line', { class: 'cross', x1: n.x + 4, y1: n.y + 4, x2: n.x + n.w - 4, y2: n.y + n.h - 4 }));
    g.appendChild(svgEl('text', { class: 'title', x: n.x + 8, y: n.y + 18 }, n.title));
    g.appendChild(svgEl('text', { class: 'detail', x: n.x + 8, y: n.y + 36 }, n.detail));
    if (n.badge) g.appendChild(svgEl('text', { class: 'badge', x: n.x + n.w - 6, y: n.y + 14, 'text-anchor': 'end' }, n.badge));
    return g;
  }

  /**
   * A link. Links are not in the Tab order (the switches are); L on a focused switch walks its links.
   * @param {DiagramLink} l
   * @param {boolean} many
   */
  function drawLink(l, many) {
    const classes = ['link', `kind-${l.kind}`];
    if (l.severity) classes.push(`sev-${l.severity}`);
    if (l.failed) classes.push('failed');
    const curve = l.cx !== null && l.cy !== null;
    const d = curve ? `M ${l.x1} ${l.y1} Q ${l.cx} ${l.cy} ${l.x2} ${l.y2}` : '';
    if (many && l.caption === null && !l.failed && !l.severity) {
      // Many links: one element each (it is its own hit target), so thousands draw quickly.
      classes.push('stroke', 'bare');
      const attrs = { class: classes.join(' '), 'data-key': l.key, tabindex: -1, role: 'button', 'aria-label': linkLabel(l), 'stroke-width': Math.max(1.5, l.width) };
      return /** @type {SVGGElement} */ (/** @type {unknown} */ (curve ? svgEl('path', { ...attrs, d }) : svgEl('line', { ...attrs, x1: l.x1, y1: l.y1, x2: l.x2, y2: l.y2 })));
    }
    const g = /** @type {SVGGElement} */ (svgEl('g', { class: classes.join(' '), 'data-key': l.key, tabindex: -1, role: 'button', 'aria-label': linkLabel(l) }));
    const hitWidth = Math.max(9, l.width + 6);
    if (curve) {
      g.appendChild(svgEl('path', { class: 'hit', d, 'stroke-width': hitWidth }));
      g.appendChild(svgEl('path', { class: 'stroke', d, 'stroke-width': l.width }));
    } else {
      g.appendChild(svgEl('line', { class: 'hit', x1: l.x1, y1: l.y1, x2: l.x2, y2: l.y2, 'stroke-width': hitWidth }));
      g.appendChild(svgEl('line', { class: 'stroke', x1: l.x1, y1: l.y1, x2: l.x2, y2: l.y2, 'stroke-width': l.width }));
    }
    const mark = l.failed ? '✕' : l.severity === 'error' ? '✖' : l.severity === 'warning' ? '▲' : l.severity === 'info' ? '●' : '';
    if (mark) g.appendChild(svgEl('text', { class: 'link-mark', x: l.mx, y: l.my + 4, 'text-anchor': 'middle' }, mark));
    if (l.caption !== null) g.appendChild(svgEl('text', { class: 'link-label', x: l.lx, y: l.ly, 'text-anchor': 'middle' }, l.caption));
    return g;
  }

  function applyZoom() {
    if (!svg || !view) return;
    if (autoFit) {
      const available = Math.max(200, canvas.clientWidth - 8);
      zoom = Math.max(0.1, Math.min(1.5, available / Math.max(1, view.width)));
    }
    svg.setAttribute('width', String(Math.ceil(view.width * zoom)));
    svg.setAttribute('height', String(Math.ceil(view.height * zoom)));
    vscode.setState({ zoom, autoFit });
  }

  /** @param {DiagramView} v */
  function renderSummary(v) {
    const parts = [];
    const w = v.whatIf;
    if (w) {
      const failedList = w.failed.length > 0 ? w.failed.join(', ') : 'nothing';
      parts.push(el('h2', '', `What if ${failedList} ${w.failed.length === 1 ? 'fails' : 'fail'}`));
      w.lines.forEach((line, i) => {
        const last = i === w.lines.length - 1;
        parts.push(el('p', last ? (w.survives ? 'survives' : 'fails') : '', line));
      });
      if (w.rows.length > 0) {
        const table = el('table');
        const head = el('tr');
        for (const h of ['', 'uplink', 'ratio', 'ECMP paths', '']) head.appendChild(el('th', '', h));
        table.appendChild(head);
        for (const row of w.rows) {
          const tr = el('tr', `impact-${row.impact}`);
          const what = row.impact === 'disconnected' ? '⊘ disconnected' : row.impact === 'over-limit' ? '⚑ over its limit' : '';
          for (const cell of [`${row.tier === 'spine' ? 'spine ' : ''}${row.name}`, row.uplink, row.ratio, row.paths, what]) tr.appendChild(el('td', '', cell));
          table.appendChild(tr);
        }
        parts.push(table);
      }
      if (w.more > 0) parts.push(el('p', 'hint', `… and ${w.more} more.`));
      parts.push(el('p', 'hint', 'Clear failures to restore the fabric. Nothing in the file changes.'));
    } else {
      parts.push(el('p', 'hint', `${v.totals.switches} switches, ${v.totals.links} links, ${v.totals.findings} findings. What if one fails? Select a switch or link and press F (or Alt+click it), or use "Fail one spine per pod".`));
    }
    summary.replaceChildren(...parts);
  }

  /** @param {DiagramView} v @param {number} rev */
  function render(v, rev) {
    const focusedKey = document.activeElement instanceof SVGElement ? document.activeElement.getAttribute('data-key') : null;
    view = v;
    revision = rev;
    hideTooltip();
    notice.hidden = v.notice === null;
    notice.textContent = v.notice || '';
    nodes = new Map(v.nodes.map((n) => [n.key, n]));
    links = new Map(v.links.map((l) => [l.key, l]));
    linksOf = new Map();
    for (const l of v.links) {
      for (const end of [l.from, l.to]) {
        const list = linksOf.get(end);
        if (list) list.push(l);
        else linksOf.set(end, [l]);
      }
    }
    elements = new Map();
    if (v.nodes.length === 0) {
      svg = undefined;
      canvas.replaceChildren(el('p', 'empty', v.notice || 'Nothing to draw yet.'));
    } else {
      const root = /** @type {SVGSVGElement} */ (svgEl('svg', { class: 'diagram', viewBox: `0 0 ${v.width} ${v.height}`, role: 'group', 'aria-label': `Fabric diagram${v.name ? ` of ${v.name}` : ''}: ${v.nodes.length} nodes, ${v.links.length} links drawn` }));
      const tiers = svgEl('g', { class: 'tiers' });
      for (const t of v.tiers) tiers.appendChild(svgEl('text', { class: 'tier-label', x: 12, y: t.y + 27 }, t.label));
      const boxes = svgEl('g', { class: 'boxes' });
      for (const b of v.boxes) {
        const g = svgEl('g', { class: `box ${b.kind}${b.severity ? ` sev-${b.severity}` : ''}` });
        g.appendChild(svgEl('rect', { x: b.x, y: b.y, width: b.w, height: b.h, rx: 6 }));
        g.appendChild(svgEl('text', { x: b.x + 8, y: b.y + 16 }, b.label));
        boxes.appendChild(g);
      }
      const linkLayer = svgEl('g', { class: 'links' });
      const many = v.links.length > GROUPED_LINKS;
      for (const l of v.links) {
        const g = drawLink(l, many);
        elements.set(l.key, g);
        linkLayer.appendChild(g);
      }
      const nodeLayer = svgEl('g', { class: 'nodes' });
      for (const n of v.nodes) {
        const g = drawNode(n);
        elements.set(n.key, g);
        nodeLayer.appendChild(g);
      }
      root.append(tiers, boxes, linkLayer, nodeLayer);
      svg = root;
      canvas.replaceChildren(root);
      applyZoom();
    }
    renderSummary(v);
    if (selected && !elements.has(selected)) selected = null;
    if (selected) elements.get(selected)?.classList.add('selected');
    setHighlight(highlighted && elements.has(highlighted) ? highlighted : null, false);
    if (focusedKey) elements.get(focusedKey)?.focus({ preventScroll: true });
    say(`${v.nodes.length} nodes, ${v.links.length} links drawn`);
    vscode.postMessage({ type: 'rendered', revision: rev });
  }

  /** @param {string | null} key @param {boolean} scroll */
  function setHighlight(key, scroll) {
    if (highlighted) elements.get(highlighted)?.classList.remove('highlighted');
    highlighted = key && elements.has(key) ? key : null;
    if (!highlighted) return;
    const target = elements.get(highlighted);
    if (!target) return;
    target.classList.add('highlighted');
    if (scroll) {
      const box = target.getBoundingClientRect();
      const area = canvas.getBoundingClientRect();
      if (box.right < area.left || box.left > area.right || box.bottom < area.top || box.top > area.bottom) target.scrollIntoView({ block: 'nearest', inline: 'center' });
    }
  }

  /** @param {string} key */
  function setSelected(key) {
    if (selected) elements.get(selected)?.classList.remove('selected');
    selected = key;
    elements.get(key)?.classList.add('selected');
  }

  /** @param {string} key */
  function activate(key) {
    const n = nodes.get(key);
    if (n && n.kind === 'group') {
      say(`Opening ${n.title}…`);
      vscode.postMessage({ type: 'expand', key });
      return;
    }
    setSelected(key);
    const l = links.get(key);
    if ((n && n.select) || (l && l.select)) vscode.postMessage({ type: 'select', key });
    else if (l) say('A bundle of links: open the group boxes at its ends to select one.');
  }

  /** @param {string | null} key */
  function toggleFailed(key) {
    if (!key) {
      say('Select a switch or link first (click it), then mark it failed.');
      return;
    }
    const n = nodes.get(key);
    const l = links.get(key);
    if ((n && n.kind === 'switch') || (l && l.ends)) {
      vscode.postMessage({ type: 'toggleFailed', key });
      say(`${(n && n.failed) || (l && l.failed) ? 'Clearing' : 'Marking'} ${n ? n.name : `link ${l ? l.label : ''}`}…`);
    } else {
      say(n ? 'Open the group first to mark its switches failed one by one.' : 'Open the group boxes at its ends to mark a single link failed.');
    }
  }

  // ------------------------------------------------------------------ tooltip (hover figures from the server)

  function hideTooltip() {
    if (hoverTimer !== undefined) clearTimeout(hoverTimer);
    hoverTimer = undefined;
    hovered = null;
    tooltip.hidden = true;
  }

  /** @param {string} key */
  function askHover(key) {
    if (hoverTimer !== undefined) clearTimeout(hoverTimer);
    hovered = key;
    hoverTimer = setTimeout(() => vscode.postMessage({ type: 'hover', key }), 250);
  }

  /** @param {DiagramHoverInfo} info */
  function showTooltip(info) {
    if (info.key !== hovered) return;
    const target = elements.get(info.key);
    if (!target) return;
    tooltip.replaceChildren(...info.lines.map((line, i) => el('div', i === 0 ? 'first' : '', line)));
    tooltip.hidden = false;
    const box = target.getBoundingClientRect();
    const width = tooltip.offsetWidth;
    const height = tooltip.offsetHeight;
    let left = box.left;
    let top = box.bottom + 6;
    if (left + width > window.innerWidth - 4) left = Math.max(4, window.innerWidth - width - 4);
    if (top + height > window.innerHeight - 4) top = Math.max(4, box.top - height - 6);
    tooltip.style.left = `${left}px`;
    tooltip.style.top = `${top}px`;
  }

  // ------------------------------------------------------------------ keyboard

  /**
   * The nearest node from `from` in a direction: left/right in the same row, up/down in the nearest row.
   * @param {DiagramNode} from
   * @param {'left' | 'right' | 'up' | 'down'} direction
   */
  function neighbour(from, direction) {
    if (!view) return undefined;
    /** @type {DiagramNode | undefined} */
    let best;
    let bestScore = Infinity;
    for (const n of view.nodes) {
      if (n === from) continue;
      const dx = n.x - from.x;
      const dy = n.y - from.y;
      let ok = false;
      if (direction === 'left') ok = dy === 0 && dx < 0;
      else if (direction === 'right') ok = dy === 0 && dx > 0;
      else if (direction === 'up') ok = dy < 0;
      else ok = dy > 0;
      if (!ok) continue;
      const score = direction === 'left' || direction === 'right' ? Math.abs(dx) : Math.abs(dy) * 10000 + Math.abs(dx);
      if (score < bestScore) {
        bestScore = score;
        best = n;
      }
    }
    return best;
  }

  /** @param {string} key */
  function focusKey(key) {
    const target = elements.get(key);
    if (!target) return;
    target.focus({ preventScroll: false });
  }

  document.addEventListener('keydown', (event) => {
    const target = event.target instanceof Element ? event.target.closest('[data-key]') : null;
    const key = target ? target.getAttribute('data-key') : null;
    if (key) {
      const n = nodes.get(key);
      const l = links.get(key);
      if (event.key === 'Enter' || event.key === ' ') {
        event.preventDefault();
        activate(key);
        return;
      }
      if (event.key === 'f' || event.key === 'F') {
        event.preventDefault();
        setSelected(key);
        toggleFailed(key);
        return;
      }
      if (event.key === 'Escape') {
        hideTooltip();
        return;
      }
      if (n && (event.key === '-' || event.key === 'Backspace') && n.parent) {
        event.preventDefault();
        vscode.postMessage({ type: 'collapse', key: n.parent });
        return;
      }
      if (n && (event.key === 'l' || event.key === 'L')) {
        const list = linksOf.get(key) || [];
        if (list.length > 0) {
          event.preventDefault();
          focusKey(list[0].key);
        }
        return;
      }
      if (l && (event.key === 'l' || event.key === 'L' || event.key === 'ArrowUp' || event.key === 'ArrowDown')) {
        event.preventDefault();
        if (event.key === 'ArrowUp') focusKey(l.from);
        else if (event.key === 'ArrowDown') focusKey(l.to);
        else {
          const list = linksOf.get(l.from) || [];
          const next = list[(list.indexOf(l) + 1) % list.length];
          if (next) focusKey(next.key);
        }
        return;
      }
      const arrows = /** @type {Record<string, 'left' | 'right' | 'up' | 'down'>} */ ({ ArrowLeft: 'left', ArrowRight: 'right', ArrowUp: 'up', ArrowDown: 'down' });
      const direction = arrows[event.key];
      if (n && direction) {
        event.preventDefault();
        const next = neighbour(n, direction);
        if (next) focusKey(next.key);
        return;
      }
    }
    if (event.target instanceof HTMLButtonElement) return;
    if (event.key === '+' || event.key === '=') press('zoomIn');
    else if (event.key === '-') press('zoomOut');
    else if (event.key === '0') press('fit');
  });

  document.addEventListener('focusin', (event) => {
    const target = event.target instanceof Element ? event.target.closest('[data-key]') : null;
    const key = target ? target.getAttribute('data-key') : null;
    if (key) askHover(key);
  });
  document.addEventListener('focusout', () => hideTooltip());

  // ------------------------------------------------------------------ mouse

  canvas.addEventListener('click', (event) => {
    const target = event.target instanceof Element ? event.target.closest('[data-key]') : null;
    const key = target ? target.getAttribute('data-key') : null;
    if (!key) return;
    event.preventDefault();
    if (event.altKey) {
      setSelected(key);
      toggleFailed(key);
    } else {
      activate(key);
    }
  });

  canvas.addEventListener('mouseover', (event) => {
    const target = event.target instanceof Element ? event.target.closest('[data-key]') : null;
    const key = target ? target.getAttribute('data-key') : null;
    if (key && key !== hovered) askHover(key);
    else if (!key) hideTooltip();
  });
  canvas.addEventListener('mouseleave', () => hideTooltip());
  canvas.addEventListener('scroll', () => hideTooltip(), { passive: true });
  window.addEventListener('resize', () => applyZoom());

  // ------------------------------------------------------------------ toolbar

  /** The theme's colours as values (a probe element resolves each --dg-* variable). */
  function palette() {
    const probe = el('span', 'probe');
    document.body.appendChild(probe);
    /** @type {Record<string, string>} */
    const out = {};
    for (const key of PALETTE_KEYS) {
      probe.style.color = `var(--dg-${key})`;
      out[key] = getComputedStyle(probe).color;
    }
    probe.remove();
    out.fontFamily = getComputedStyle(document.body).fontFamily;
    return /** @type {DiagramPalette} */ (/** @type {unknown} */ (out));
  }

  /** @param {DiagramAction} action */
  function press(action) {
    switch (action) {
      case 'failSelected':
        toggleFailed(selected);
        break;
      case 'failOneSpinePerPod':
        vscode.postMessage({ type: 'failOneSpinePerPod' });
        say('Failing one spine per pod…');
        break;
      case 'clearFailures':
        vscode.postMessage({ type: 'clearFailures' });
        break;
      case 'collapseAll':
        vscode.postMessage({ type: 'collapse', key: 'all' });
        break;
      case 'zoomIn':
        autoFit = false;
        zoom = Math.min(4, zoom * 1.25);
        applyZoom();
        break;
      case 'zoomOut':
        autoFit = false;
        zoom = Math.max(0.05, zoom / 1.25);
        applyZoom();
        break;
      case 'fit':
        autoFit = true;
        applyZoom();
        break;
      case 'export':
        vscode.postMessage({ type: 'exportSvg', palette: palette() });
        break;
    }
  }

  toolbar.addEventListener('click', (event) => {
    const button = event.target instanceof Element ? event.target.closest('button[data-action]') : null;
    if (!button) return;
    press(/** @type {DiagramAction} */ (button.getAttribute('data-action')));
  });

  // ------------------------------------------------------------------ test hook and messages

  /** @returns {DiagramDom} */
  function domSnapshot() {
    const keyOf = (/** @type {Element} */ e) => e.getAttribute('data-key') || '';
    const active = document.activeElement instanceof SVGElement ? document.activeElement.getAttribute('data-key') : null;
    return {
      nodes: canvas.querySelectorAll('g.node').length,
      links: canvas.querySelectorAll('.link').length,
      nodeKeys: [...canvas.querySelectorAll('g.node')].map(keyOf),
      highlighted,
      focused: active,
      failed: [...canvas.querySelectorAll('.failed[data-key]')].map(keyOf),
      summary: [...summary.querySelectorAll('h2, p, tr')].map((e) => (e.tagName === 'TR' ? [...e.children].map((c) => c.textContent || '').join(' | ') : e.textContent || '')),
      notice: notice.hidden ? null : notice.textContent,
      tooltip: tooltip.hidden ? [] : [...tooltip.children].map((c) => c.textContent || ''),
      revision,
    };
  }

  window.addEventListener('message', (event) => {
    /** @type {ToDiagramWebview | null | undefined} From the extension (our own code), still checked before use. */
    const msg = event.data;
    if (!msg || typeof msg !== 'object' || typeof msg.type !== 'string') return;
    switch (msg.type) {
      case 'render':
        if (msg.view && Array.isArray(msg.view.nodes) && Array.isArray(msg.view.links) && typeof msg.revision === 'number') render(msg.view, msg.revision);
        break;
      case 'highlight':
        setHighlight(typeof msg.key === 'string' ? msg.key : null, true);
        break;
      case 'hoverInfo':
        if (msg.info && typeof msg.info.key === 'string' && Array.isArray(msg.info.lines)) showTooltip(msg.info);
        break;
      case 'export':
        press('export');
        break;
      case 'requestDom':
        vscode.postMessage({ type: 'dom', requestId: msg.requestId, dom: domSnapshot() });
        break;
      case 'click': {
        const target = typeof msg.key === 'string' ? elements.get(msg.key) : undefined;
        if (target) target.dispatchEvent(new MouseEvent('click', { bubbles: true, altKey: msg.alt === true }));
        vscode.postMessage({ type: 'clicked', requestId: msg.requestId, ok: target !== undefined });
        break;
      }
      case 'key': {
        const target = typeof msg.on === 'string' ? elements.get(msg.on) : undefined;
        if (target) {
          target.focus({ preventScroll: true });
          target.dispatchEvent(new KeyboardEvent('keydown', { key: String(msg.key), bubbles: true, cancelable: true }));
        }
        vscode.postMessage({ type: 'clicked', requestId: msg.requestId, ok: target !== undefined });
        break;
      }
      case 'press': {
        const button = toolbar.querySelector(`button[data-action="${String(msg.action).replace(/[^A-Za-z]/g, '')}"]`);
        if (button instanceof HTMLButtonElement) button.click();
        vscode.postMessage({ type: 'clicked', requestId: msg.requestId, ok: button instanceof HTMLButtonElement });
        break;
      }
    }
  });

  vscode.postMessage({ type: 'ready' });
})();
