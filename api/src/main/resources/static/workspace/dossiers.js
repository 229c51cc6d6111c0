// La liste des dossiers: GET /api/v1/cases with the form's filters, paged by the server.
'use strict';
const SIZE = 20;
const form = document.getElementById('search');

function query(page) {
  const params = new URLSearchParams();
  for (const [k, v] of new FormData(form).entries()) if (v.trim()) params.set(k, v.trim());
  if (page) params.set('page', page);
  return params;
}

async function load() {
  const params = new URLSearchParams(location.search);
  for (const name of ['q', 'stage', 'parc', 'territory', 'due']) form.elements[name].value = params.get(name) || '';
  const page = Number(params.get('page') || 0);
  const api = new URLSearchParams(params);
  api.set('size', SIZE);
  const response = await Ws.call('/api/v1/cases?' + api);
  const body = document.querySelector('#cases tbody');
  body.innerHTML = '';
  if (!response.ok) {
    const problem = await response.json().catch(() => ({}));
    document.getElementById('count').textContent = (problem.errors || []).map(e => e.field + ' : ' + e.reason).join(' ; ') || problem.detail || 'Erreur';
    return;
  }
  const list = await response.json();
  list.items.forEach(c => body.append(Ws.el('tr', { 'data-case-id': c.caseId },
    Ws.el('td', {}, Ws.el('a', { href: '/dossiers/' + encodeURIComponent(c.caseId), text: c.reference || c.caseId })),
    Ws.el('td', { text: c.householdName || '—' }),
    Ws.el('td', { text: c.territory }),
    Ws.el('td', { text: Ws.PARC[c.parc] || c.parc }),
    Ws.el('td', { text: c.stageLabel }),
    Ws.el('td', { text: c.lastActLabel ? c.lastActLabel + ' (' + Ws.date(c.lastActOn) + ')' : '—' }),
    Ws.el('td', { class: 'ws-num', text: Ws.euros(c.debt) }),
    Ws.el('td', { text: Ws.date(c.openedOn) }),
    Ws.el('td', { class: 'ws-num', text: c.irregularities }))));
  document.getElementById('count').textContent = list.totalItems === 0 ? 'Aucun dossier ne correspond.'
    : list.totalItems.toLocaleString('fr-FR') + (list.totalItems > 1 ? ' dossiers' : ' dossier');
  document.getElementById('page').textContent = 'Page ' + (list.totalPages === 0 ? 0 : page + 1) + ' sur ' + list.totalPages;
  document.getElementById('prev').disabled = page <= 0;
  document.getElementById('next').disabled = page + 1 >= list.totalPages;
  document.body.dataset.loaded = list.totalItems;
}

function go(page) {
  history.pushState(null, '', '?' + query(page));
  load();
}

form.addEventListener('submit', e => { e.preventDefault(); go(0); });
document.getElementById('prev').addEventListener('click', () => go(Number(new URLSearchParams(location.search).get('page') || 0) - 1));
document.getElementById('next').addEventListener('click', () => go(Number(new URLSearchParams(location.search).get('page') || 0) + 1));
document.getElementById('csv').addEventListener('click', () => Ws.downloadCsv('/api/v1/cases?' + query(0), 'dossiers.csv'));
window.addEventListener('popstate', load);

(async () => {
  await Ws.header('dossiers');
  const vocabulary = await Ws.json('/api/v1/vocabulary');
  vocabulary.stages.forEach(s => form.elements.stage.add(new Option(s.label, s.key)));
  vocabulary.parcs.forEach(p => form.elements.parc.add(new Option(p.label, p.key)));
  await load();
})();
