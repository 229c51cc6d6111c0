// Tableau de bord de la CCAPEX: one call to /dashboard/data, charts drawn by Chart.js.
const STATUS = { MET: 'atteint', NOT_MET: 'non atteint', NO_DATA: 'pas de données', NO_BASELINE: 'pas de référence' };
const STATUS_HINT = { NO_BASELINE: 'l\'année de comparaison n\'a pas de données pour cet indicateur : pas de cible' };
/** Rates, ratios and shares (between 0 and 1 in the API) are shown in percent. */
const isRate = key => /(^|_)(RATE|RATIO|SHARE)(_|$)/.test(key || '');
const pct = v => v === null || v === undefined ? null : Math.round(v * 1000) / 10;
const PARC = { PUBLIC: 'parc public', PRIVATE: 'parc privé' };
const charts = [];
const fmt = v => v === null || v === undefined ? '—' : Number(v).toLocaleString('fr-FR', { maximumFractionDigits: 2 });
const cell = (text, cls) => { const td = document.createElement('td'); td.textContent = text; if (cls) td.className = cls; return td; };
/** A dossier's reference, linked to its page. */
const link = d => { const td = document.createElement('td'); const a = document.createElement('a');
  a.href = '/dossiers/' + encodeURIComponent(d.caseId); a.textContent = d.reference || d.caseId; td.appendChild(a); return td; };
const row = (...cells) => { const tr = document.createElement('tr'); cells.forEach(c => tr.appendChild(c)); return tr; };

async function load() {
  const params = new URLSearchParams(location.search);
  // From the origin alone: a page opened as http://user:password@host/ may not fetch relative URLs.
  const response = await Ws.call('/dashboard/data?' + params.toString());
  if (!response.ok) { document.body.dataset.error = response.status; return; }
  const data = await response.json();
  fillFilters(data, params);
  charts.splice(0).forEach(c => c.destroy());
  funnel(data);
  objectives(data.charter);
  deadlines(data.deadlines);
  indicators(data.indicators);
  deadLetters(data.deadLetters);
  document.body.dataset.year = data.year;
  document.body.dataset.chartsDrawn = charts.length;
}

function fillFilters(data, params) {
  const year = document.getElementById('year');
  year.innerHTML = '';
  const years = data.years.length ? data.years : [data.year];
  years.forEach(y => year.add(new Option(y, y, false, y === data.year)));
  const territory = document.getElementById('territory');
  territory.length = 1;
  data.territories.forEach(t => territory.add(new Option('Commune ' + t, t, false, t === data.territory)));
  document.getElementById('parc').value = data.parc || '';
  document.getElementById('funnel-year').textContent = data.year + (data.territory ? ' — commune ' + data.territory : '')
    + (data.parc ? ' — ' + PARC[data.parc] : '');
}

function funnel(data) {
  const table = document.getElementById('funnel-table');
  table.innerHTML = '';
  data.funnel.forEach(step => {
    const tr = row(cell(step.label), cell(fmt(step.value), 'num'));
    tr.id = 'funnel-' + step.key;
    tr.dataset.value = step.value === null || step.value === undefined ? '' : step.value;
    table.appendChild(tr);
  });
  charts.push(new Chart(document.getElementById('funnel-chart'), {
    type: 'bar',
    data: { labels: data.funnel.map(s => s.label), datasets: [{ label: 'Nombre d\'actes ' + data.year, data: data.funnel.map(s => s.value || 0),
      backgroundColor: ['#000091', '#1f3c9e', '#3d5ab3', '#6a6af4', '#b34000', '#ce614a', '#ce0500'] }] },
    options: { indexAxis: 'y', animation: false, maintainAspectRatio: false, plugins: { legend: { display: false } } }
  }));
}

function objectives(charter) {
  document.getElementById('charter-name').textContent = charter.name + ' (' + charter.from + '–' + charter.to
    + ', année de référence ' + charter.baselineYear + ')';
  const box = document.getElementById('objectives');
  box.innerHTML = '';
  charter.objectives.forEach(o => {
    const div = document.createElement('div');
    div.className = 'objective';
    const h3 = document.createElement('h3');
    h3.textContent = o.label;
    div.appendChild(h3);
    const badges = document.createElement('p');
    o.years.forEach(y => {
      const b = document.createElement('span');
      b.className = 'badge ' + y.status;
      const show = v => isRate(o.indicator) && v !== null && v !== undefined ? pct(v).toLocaleString('fr-FR') + ' %' : fmt(v);
      b.title = STATUS_HINT[y.status] || ('réel ' + show(y.actual) + ', cible ' + show(y.target));
      b.textContent = y.year + ' : ' + STATUS[y.status];
      badges.appendChild(b);
      badges.appendChild(document.createTextNode(' '));
    });
    div.appendChild(badges);
    const wrap = document.createElement('div');
    wrap.className = 'chart';
    const canvas = document.createElement('canvas');
    wrap.appendChild(canvas);
    div.appendChild(wrap);
    box.appendChild(div);
    // The target is drawn only for the years compared with a year that has data (the API gives no target otherwise).
    const rate = isRate(o.indicator);
    const value = v => rate ? pct(v) : v;
    const datasets = [{ type: 'bar', label: 'Réel — ' + o.indicatorLabel + (rate ? ' (%)' : ''), data: o.years.map(y => value(y.actual)), backgroundColor: '#6a6af4' }];
    if (o.years.some(y => y.target !== null && y.target !== undefined)) {
      datasets.push({ type: 'line', label: 'Cible' + (rate ? ' (%)' : ''), data: o.years.map(y => value(y.target)), borderColor: '#ce0500',
        backgroundColor: '#ce0500', spanGaps: false });
    }
    div.dataset.comparison = datasets.length > 1;
    charts.push(new Chart(canvas, {
      type: 'bar',
      data: { labels: o.years.map(y => y.year), datasets },
      options: { animation: false, maintainAspectRatio: false,
        scales: rate ? { y: { beginAtZero: true, ticks: { callback: v => v.toLocaleString('fr-FR') + ' %' } } } : {} }
    }));
  });
}

function deadlines(board) {
  document.getElementById('week').textContent = 'Semaine du ' + new Date(board.weekFrom).toLocaleDateString('fr-FR')
    + ' au ' + new Date(board.weekTo).toLocaleDateString('fr-FR');
  const table = document.getElementById('due');
  table.innerHTML = '';
  table.appendChild(row(cell('Échéance'), cell('Dossier'), cell('Commune'), cell('Date limite')));
  if (!board.dueThisWeek.length) table.appendChild(row(cell('Aucune échéance cette semaine'), cell(''), cell(''), cell('')));
  board.dueThisWeek.forEach(d => table.appendChild(row(cell(d.label), link(d), cell(d.territory),
    cell(new Date(d.dueOn).toLocaleDateString('fr-FR')))));
  const late = document.getElementById('overdue');
  late.innerHTML = '';
  document.getElementById('overdue-count').textContent = board.overdue.length
    ? board.overdue.length + ' échéance(s) encore ouverte(s) alors que leur date limite est passée (non constatée(s) par la procédure) :'
    : 'Aucune échéance en retard.';
  board.overdue.slice(0, 20).forEach(d => late.appendChild(row(cell(d.label), link(d), cell(d.territory),
    cell(new Date(d.dueOn).toLocaleDateString('fr-FR')))));
  if (board.overdue.length > 20) late.appendChild(row(cell('… et ' + (board.overdue.length - 20) + ' autre(s)'), cell(''), cell(''), cell('')));
  document.body.dataset.overdue = board.overdue.length;
  document.getElementById('elapsed').textContent = board.elapsed.length + ' échéance(s) dépassée(s) ces 30 derniers jours.';
}

function indicators(values) {
  const table = document.getElementById('indicators');
  table.innerHTML = '';
  values.forEach(v => {
    const label = cell(v.label);
    label.title = v.definition;
    const tr = row(label, cell(isRate(v.key) && v.value !== null ? pct(v.value).toLocaleString('fr-FR') + ' %' : fmt(v.value), 'num'));
    tr.id = 'indicator-' + v.key;
    table.appendChild(tr);
  });
}

// Dossiers a processor could not handle: their acts are missing from the figures until the secretariat retries them.
function deadLetters(summary) {
  const line = document.getElementById('dead-letters');
  const n = summary ? summary.parkedDossiers : 0;
  line.hidden = n === 0;
  line.textContent = n === 0 ? '' : n + (n > 1 ? ' dossiers en attente' : ' dossier en attente')
    + ' de traitement (file des lettres mortes) : ' + summary.groups.join(', ')
    + '. Leurs actes en attente manquent aux chiffres ; le secrétariat les retraite depuis /api/v1/admin/dead-letters.';
  document.body.dataset.deadLetters = n;
}

document.getElementById('csv').addEventListener('click', () => {
  const params = new URLSearchParams();
  for (const [k, v] of new FormData(document.getElementById('filters')).entries()) if (v) params.set(k, v);
  Ws.downloadCsv('/api/v1/indicators?' + params.toString(), 'indicateurs-' + (params.get('year') || '') + '.csv');
});

document.getElementById('filters').addEventListener('change', () => {
  const form = new FormData(document.getElementById('filters'));
  const params = new URLSearchParams();
  for (const [k, v] of form.entries()) if (v) params.set(k, v);
  history.replaceState(null, '', '?' + params.toString());
  load();
});
Ws.header('dashboard').then(load);
