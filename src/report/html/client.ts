/**
 * The page's only script (inlined; the CSP allows exactly its hash). It reads the embedded JSON and
 * renders the findings table, with filters (severity, category, text, one attack path) and sorting
 * by any column; a click on a row opens its details; a click on a path card highlights that path in
 * the graph. Scanned text goes in through textContent only (never innerHTML); no network, no eval.
 * Plain ES2017 in a string: it runs in the browser, not in Node, and is tested there
 * (test/report/html-browser.test.ts).
 */
export const CLIENT_SCRIPT = `
(function () {
  'use strict';
  var data = JSON.parse(document.getElementById('aigis-data').textContent);
  var rows = data.findings.map(function (f, i) { f.index = i; return f; });
  var tbody = document.querySelector('#findings tbody');
  // Rows drawn at once: a report can hold 10,000 findings; the rest come with "show all" (and when printing).
  var PAGE = 500;
  var state = { sevs: {}, category: '', text: '', path: '', key: 'rank', dir: -1, open: {}, limit: PAGE };
  Array.prototype.forEach.call(document.querySelectorAll('.sev-filter'), function (box) {
    state.sevs[box.value] = box.checked;
    box.addEventListener('change', function () { state.sevs[box.value] = box.checked; render(); });
  });
  var category = document.getElementById('category-filter');
  category.addEventListener('change', function () { state.category = category.value; render(); });
  var text = document.getElementById('text-filter');
  text.addEventListener('input', function () { state.text = text.value.trim().toLowerCase(); render(); });

  function el(tag, cls, content) {
    var e = document.createElement(tag);
    if (cls) e.className = cls;
    if (content !== undefined) e.textContent = content;
    return e;
  }

  function haystack(f) {
    return [f.ruleId, f.title, f.message, f.location, f.evidence || '', f.assetId || '', f.category].join(' ').toLowerCase();
  }

  function keep(f) {
    if (!state.sevs[f.severity]) return false;
    if (state.category && f.category !== state.category) return false;
    if (state.path && !(f.onPaths && f.onPaths.indexOf(state.path) >= 0)) return false;
    if (state.text && haystack(f).indexOf(state.text) < 0) return false;
    return true;
  }

  function compare(a, b) {
    var x = a[state.key], y = b[state.key], c;
    if (typeof x === 'number') c = x - y;
    else c = String(x).localeCompare(String(y));
    // Ties keep report order (most severe first, then by place), whatever the direction.
    return c * state.dir || a.index - b.index;
  }

  function detailRow(f) {
    var tr = el('tr', 'detail');
    var td = el('td');
    td.colSpan = 5;
    var dl = el('dl');
    function item(label, value, mono) {
      if (!value) return;
      dl.appendChild(el('dt', '', label));
      dl.appendChild(el('dd', mono ? 'mono' : '', value));
    }
    item('What', f.message);
    item('Evidence', f.evidence, true);
    item('Fix', f.remediation);
    item('Asset', f.assetId, true);
    if (f.onPaths) item('On attack paths', f.onPaths.join(', '), true);
    if (f.references.length) {
      dl.appendChild(el('dt', '', 'References'));
      var dd = el('dd');
      f.references.forEach(function (r, i) {
        if (i) dd.appendChild(document.createTextNode(', '));
        var a = el('a', '', r.label);
        a.href = r.url;
        a.rel = 'noopener noreferrer';
        a.target = '_blank';
        dd.appendChild(a);
      });
      dl.appendChild(dd);
    }
    td.appendChild(dl);
    tr.appendChild(td);
    return tr;
  }

  function row(f) {
    var tr = el('tr', 'finding');
    tr.dataset.rule = f.ruleId;
    tr.dataset.severity = f.severity;
    tr.tabIndex = 0;
    var sev = el('td');
    sev.appendChild(el('span', 'sev ' + f.severity, f.severity));
    tr.appendChild(sev);
    tr.appendChild(el('td', 'mono', f.ruleId));
    var msg = el('td', 'msg');
    msg.appendChild(el('div', 'title', f.title));
    if (f.onPaths) msg.firstChild.appendChild(el('span', 'on-path', 'on ' + f.onPaths.length + (f.onPaths.length === 1 ? ' path' : ' paths')));
    msg.appendChild(el('div', 'text', f.message));
    tr.appendChild(msg);
    tr.appendChild(el('td', 'loc', f.location));
    tr.appendChild(el('td', '', f.category));
    function toggle() { state.open[f.index] = !state.open[f.index]; render(); }
    tr.addEventListener('click', function (ev) { if (!ev.target.closest('a')) toggle(); });
    tr.addEventListener('keydown', function (ev) { if (ev.key === 'Enter' || ev.key === ' ') { ev.preventDefault(); toggle(); } });
    return tr;
  }

  function render() {
    var shown = rows.filter(keep).sort(compare);
    var frag = document.createDocumentFragment();
    shown.slice(0, state.limit).forEach(function (f) {
      frag.appendChild(row(f));
      if (state.open[f.index]) frag.appendChild(detailRow(f));
    });
    if (shown.length > state.limit) {
      var more = el('tr', 'more-rows');
      var cell = el('td', 'empty', '… ' + (shown.length - state.limit) + ' more findings ');
      cell.colSpan = 5;
      var all = el('button', 'show-all', 'show all');
      all.type = 'button';
      all.addEventListener('click', function () { state.limit = Infinity; render(); });
      cell.appendChild(all);
      more.appendChild(cell);
      frag.appendChild(more);
    }
    if (!shown.length) {
      var tr = el('tr');
      var td = el('td', 'empty', rows.length ? 'No finding matches the filters.' : 'No findings.');
      td.colSpan = 5;
      tr.appendChild(td);
      frag.appendChild(tr);
    }
    tbody.replaceChildren(frag);
    document.getElementById('shown-count').textContent = 'Showing ' + shown.length + ' of ' + rows.length + ' findings';
    Array.prototype.forEach.call(document.querySelectorAll('#findings th[data-key]'), function (th) {
      if (th.dataset.key === state.key) th.setAttribute('aria-sort', state.dir < 0 ? 'descending' : 'ascending');
      else th.removeAttribute('aria-sort');
    });
  }

  Array.prototype.forEach.call(document.querySelectorAll('#findings th[data-key]'), function (th) {
    th.querySelector('button').addEventListener('click', function () {
      var key = th.dataset.key;
      if (state.key === key) state.dir = -state.dir;
      else { state.key = key; state.dir = key === 'rank' ? -1 : 1; }
      render();
    });
  });

  // Attack paths: a click on a card highlights its nodes and edges in the graph.
  var graph = document.querySelector('.aigis-path-graph');
  function highlight(id) {
    Array.prototype.forEach.call(document.querySelectorAll('.path'), function (card) {
      card.classList.toggle('selected', card.dataset.pathId === id);
    });
    if (!graph) return;
    graph.classList.toggle('focus', !!id);
    Array.prototype.forEach.call(graph.querySelectorAll('.node, .edge'), function (n) {
      n.classList.toggle('on', !!id && (n.dataset.paths || '').split(' ').indexOf(id) >= 0);
    });
  }
  var selected = '';
  Array.prototype.forEach.call(document.querySelectorAll('.path'), function (card) {
    card.addEventListener('click', function () {
      selected = selected === card.dataset.pathId ? '' : card.dataset.pathId;
      highlight(selected);
    });
  });
  var pathFilter = document.getElementById('path-filter');
  function filterPath(id) {
    state.path = id;
    pathFilter.hidden = !id;
    document.getElementById('path-filter-text').textContent = id ? 'Only findings on ' + id : '';
    render();
  }
  Array.prototype.forEach.call(document.querySelectorAll('.show-path'), function (b) {
    b.addEventListener('click', function (ev) {
      ev.stopPropagation();
      filterPath(b.dataset.pathId);
      document.getElementById('findings-section').scrollIntoView();
    });
  });
  document.getElementById('path-filter-clear').addEventListener('click', function () { filterPath(''); });
  // Printing shows the collapsed sections (suppressed findings, notes) too.
  window.addEventListener('beforeprint', function () {
    Array.prototype.forEach.call(document.querySelectorAll('details.more'), function (d) { d.open = true; });
    if (state.limit !== Infinity) { state.limit = Infinity; render(); }
  });
  render();
})();
`;
