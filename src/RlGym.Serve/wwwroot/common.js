'use strict';
// Shared by the pages: run ids are folder paths, so each name is encoded on its own and '/' kept between them.
window.rl = {
  runPath: id => '/api/runs/' + id.split('/').map(encodeURIComponent).join('/'),
  runPage: id => '/run?id=' + encodeURIComponent(id),
  fmt: (v, digits = 3) => v === null || v === undefined ? '–' : (Number.isInteger(v) ? String(v) : Number(v).toPrecision(digits)),
  when: iso => iso ? new Date(iso).toLocaleString() : '–',
  el: (tag, attrs = {}, ...children) => {
    const e = document.createElement(tag);
    for (const [k, v] of Object.entries(attrs)) { if (k === 'class') e.className = v; else e.setAttribute(k, v); }
    for (const c of children) e.append(c instanceof Node ? c : document.createTextNode(c ?? ''));
    return e;
  },
};
