'use strict';
(() => {
  const id = new URLSearchParams(location.search).get('id') || '';
  const base = rl.runPath(id);
  const curve = document.getElementById('curve');
  const frame = document.getElementById('frame');
  const frameNote = document.getElementById('frame-note');
  const episodesBody = document.querySelector('#episodes tbody');
  let lastEpisode = null, chartPending = false, chartShownFor = -1, rowsPending = false;
  const keepRows = 15;

  function stat(label, value) { return rl.el('div', {}, label, rl.el('b', {}, value)); }
  function showSummary(r) {
    document.title = 'RlGym: ' + r.id;
    document.getElementById('title').textContent = r.id + (r.env ? '  ·  ' + r.env + ' / ' + r.agent + ' / seed ' + r.seed : '');
    const status = document.getElementById('status');
    status.textContent = r.status; status.className = 'status ' + r.status; status.title = r.problem || '';
    document.getElementById('stats').replaceChildren(
      stat('episodes', rl.fmt(r.episodes)), stat('steps', rl.fmt(r.total_steps)), stat('last return', rl.fmt(r.last_return)),
      stat('last eval', rl.fmt(r.last_eval)), stat('best eval', rl.fmt(r.best_eval)), stat('reward threshold', rl.fmt(r.reward_threshold)),
      stat('budget', r.budget ?? '–'), stat('started', rl.when(r.started)));
    if (r.status !== 'running') { frame.hidden = true; frameNote.hidden = false; frameNote.textContent = 'The run is ' + r.status + '; its environment shows here while it trains.'; }
    refreshChart(r.episodes);
    refreshRows(r.episodes);
  }
  function refreshChart(episodes) {
    // The chart is drawn on the server; at most one request in flight, and only when rows were added.
    if (chartPending || episodes === chartShownFor) return;
    chartPending = true;
    const next = new Image();
    next.onload = next.onerror = () => { curve.src = next.src; chartShownFor = episodes; chartPending = false; curve.dataset.episodes = episodes; };
    next.src = base + '/curve.svg?n=' + episodes;
  }
  async function refreshRows(episodes) {
    if (rowsPending) return;
    rowsPending = true;
    try {
      const after = lastEpisode ?? Math.max(-1, episodes - keepRows - 1);
      const rows = await (await fetch(base + '/metrics?after=' + after + '&limit=1000')).json();
      for (const row of rows.slice(-keepRows)) {
        episodesBody.prepend(rl.el('tr', {}, rl.el('td', { class: 'num' }, rl.fmt(row.episode)), rl.el('td', { class: 'num' }, rl.fmt(row.total_steps)),
          rl.el('td', { class: 'num' }, rl.fmt(row.return)), rl.el('td', { class: 'num' }, rl.fmt(row.length)),
          rl.el('td', { class: 'num' }, rl.fmt(row.exploration_rate)), rl.el('td', { class: 'num' }, rl.fmt(row.eval_return))));
      }
      if (rows.length) lastEpisode = rows[rows.length - 1].episode;
      while (episodesBody.rows.length > keepRows) episodesBody.deleteRow(-1);
    } finally { rowsPending = false; }
  }
  let framePending = false;
  function refreshFrame(v) {
    if (framePending) return;
    framePending = true;
    const next = new Image();
    next.onload = () => { frame.src = next.src; frame.hidden = false; frameNote.hidden = true; frame.dataset.version = v; framePending = false; };
    next.onerror = () => { framePending = false; };
    next.src = base + '/frame.png?v=' + v;
  }
  async function loadDetails() {
    const response = await fetch(base);
    if (!response.ok) { document.getElementById('title').textContent = 'no run with id ' + id; return; }
    const details = await response.json();
    document.getElementById('config').textContent = details.config ?? '(no config.json)';
    document.getElementById('files').replaceChildren(...details.files.map(f =>
      rl.el('li', {}, rl.el('a', { href: base + '/files/' + f.name.split('/').map(encodeURIComponent).join('/') }, f.name), ' (' + f.bytes.toLocaleString() + ' bytes)')));
    showSummary(details.run);
  }
  loadDetails();
  const events = new EventSource(base + '/events');
  events.addEventListener('run', e => showSummary(JSON.parse(e.data)));
  events.addEventListener('frame', e => refreshFrame(JSON.parse(e.data).v));
  setInterval(() => { if (document.getElementById('files').children.length === 0) loadDetails(); }, 5000);
})();
