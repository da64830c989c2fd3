'use strict';
(() => {
  const query = location.search.replace(/^\?/, '');
  const chosen = new URLSearchParams(query);
  const ids = chosen.getAll('run'), groups = chosen.getAll('group');
  document.getElementById('chosen').textContent = [...ids, ...groups.map(g => g + '/')].join(', ');
  const img = document.getElementById('compare-curve');
  let pending = false, shownFor = '';

  async function refresh(key) {
    if (pending || key === shownFor) return;
    pending = true;
    try {
      const response = await fetch('/api/compare?' + query);
      const report = await response.json();
      if (!response.ok) { document.getElementById('caption').textContent = report.error; return; }
      const body = document.querySelector('#groups tbody');
      const interval = (m, h) => rl.fmt(m) + (h === null || h === undefined ? '' : ' ± ' + rl.fmt(h, 2));
      body.replaceChildren(...report.groups.map(g => rl.el('tr', {},
        rl.el('td', {}, g.label), rl.el('td', { class: 'num' }, rl.fmt(g.seeds)), rl.el('td', { class: 'num' }, rl.fmt(g.episodes)),
        rl.el('td', { class: 'num' }, interval(g.final_return, g.final_half_width)), rl.el('td', { class: 'num' }, interval(g.area_under_curve, g.area_half_width)),
        rl.el('td', {}, ...g.runs.flatMap(id => [rl.el('a', { href: rl.runPage(id) }, id), ' '])))));
      const next = new Image();
      next.onload = next.onerror = () => { img.src = next.src; img.dataset.key = key; };
      next.src = '/api/compare.svg?' + query + '&k=' + encodeURIComponent(key);
      shownFor = key;
    } finally { pending = false; }
  }
  const events = new EventSource('/api/events');
  events.addEventListener('runs', e => {
    const runs = JSON.parse(e.data);
    const mine = runs.filter(r => ids.includes(r.id) || groups.some(g => r.group === g || r.group.startsWith(g + '/')));
    refresh(mine.map(r => r.id + ':' + r.episodes).join(','));
  });
})();
