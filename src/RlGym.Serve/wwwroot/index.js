'use strict';
(() => {
  let runs = [], sortKey = 'started', ascending = false;
  const selected = new Set();
  const body = document.querySelector('#runs tbody');
  const filter = document.getElementById('filter');
  const compareButton = document.getElementById('compare-selected');

  function matches(r, text) {
    if (!text) return true;
    return [r.id, r.env, r.agent, r.status, r.group].some(v => v && String(v).toLowerCase().includes(text));
  }
  function compare(a, b) {
    const x = a[sortKey], y = b[sortKey];
    if (x === y) return a.id.localeCompare(b.id);
    if (x === null || x === undefined) return 1;
    if (y === null || y === undefined) return -1;
    const order = typeof x === 'number' ? x - y : String(x).localeCompare(String(y));
    return ascending ? order : -order;
  }
  function render() {
    const text = filter.value.trim().toLowerCase();
    const shown = runs.filter(r => matches(r, text)).sort(compare);
    const groups = new Map();
    for (const r of shown) { if (!groups.has(r.group)) groups.set(r.group, []); groups.get(r.group).push(r); }
    body.replaceChildren();
    for (const [group, members] of [...groups.entries()].sort((a, b) => a[0].localeCompare(b[0]))) {
      if (group) {
        const link = rl.el('a', { href: '/compare?group=' + encodeURIComponent(group) }, 'compare this group');
        body.append(rl.el('tr', { class: 'group' }, rl.el('td', { colspan: '10' }, group + '/  (' + members.length + ' runs)  ', link)));
      }
      for (const r of members) {
        const box = rl.el('input', { type: 'checkbox', 'aria-label': 'select ' + r.id });
        box.checked = selected.has(r.id);
        box.addEventListener('change', () => { box.checked ? selected.add(r.id) : selected.delete(r.id); compareButton.disabled = selected.size < 2; });
        const name = rl.el('a', { href: rl.runPage(r.id), class: 'run-link' }, r.id);
        const status = rl.el('span', { class: 'status ' + r.status, title: r.problem || '' }, r.status + (r.bad_rows ? ' (' + r.bad_rows + ' bad rows)' : ''));
        body.append(rl.el('tr', { 'data-id': r.id },
          rl.el('td', {}, box), rl.el('td', {}, name), rl.el('td', {}, r.env ?? '–'), rl.el('td', {}, r.agent ?? '–'),
          rl.el('td', { class: 'num' }, rl.fmt(r.seed)), rl.el('td', {}, status), rl.el('td', { class: 'num episodes' }, rl.fmt(r.episodes)),
          rl.el('td', { class: 'num' }, rl.fmt(r.last_eval)), rl.el('td', { class: 'num' }, rl.fmt(r.best_eval)),
          rl.el('td', {}, rl.when(r.started))));
      }
    }
    document.getElementById('empty').hidden = runs.length > 0;
    document.querySelectorAll('th[data-key]').forEach(th => {
      th.classList.toggle('sorted', th.dataset.key === sortKey);
      th.classList.toggle('asc', th.dataset.key === sortKey && ascending);
    });
  }
  document.querySelectorAll('th[data-key]').forEach(th => th.addEventListener('click', () => {
    if (sortKey === th.dataset.key) ascending = !ascending; else { sortKey = th.dataset.key; ascending = true; }
    render();
  }));
  filter.addEventListener('input', render);
  compareButton.addEventListener('click', () => {
    location.href = '/compare?' + [...selected].map(id => 'run=' + encodeURIComponent(id)).join('&');
  });

  const connection = document.getElementById('connection');
  const events = new EventSource('/api/events');
  events.addEventListener('runs', e => { runs = JSON.parse(e.data); connection.textContent = 'live'; render(); });
  events.onerror = () => { connection.textContent = 'reconnecting…'; };
})();
