// La page d'un dossier: the case view, its acts in legal order, its deadlines and irregularities, the
// procedure diagram (bpmn-js) with where it waits, and the act form generated from the OpenAPI document.
'use strict';
const caseId = decodeURIComponent(location.pathname.split('/').filter(Boolean).pop());
const base = '/api/v1/cases/' + encodeURIComponent(caseId);
/** The procedure's bookkeeping: not acts of the timeline (deadlines and irregularities have their own sections). */
const BOOKKEEPING = ['DeadlineScheduled', 'DeadlineElapsed', 'DeadlineMet', 'DeadlineCancelled', 'DeadlineCorrected',
  'IrregularityFlagged', 'IrregularityWithdrawn', 'ImplicitRefusalWithdrawn'];
const CORRECTIONS = ['DeadlineCorrected', 'IrregularityWithdrawn', 'ImplicitRefusalWithdrawn'];
let roles = {};
let apiDocs = null;

function who(by) {
  if (!by) return '';
  if (by.trade === 'PROCEDURE') return 'enregistré par la procédure';
  return 'enregistré par ' + by.user + ' (' + (roles[by.trade] || by.trade) + (by.organisation && by.organisation !== by.user ? ', ' + by.organisation : '') + ')';
}

/** An act's own fields, in French: the scalar ones (the household and landlord are in the header), lists joined. */
function fieldsText(fields) {
  const shown = Object.entries(fields || {}).filter(([k, v]) => k !== 'type' && (typeof v !== 'object' || Array.isArray(v)));
  return shown.map(([k, v]) => fieldLabel(k) + ' : ' + (Array.isArray(v) ? v.join(', ') : /^\d{4}-\d{2}-\d{2}$/.test(v) ? Ws.date(v) : v)).join(' · ');
}

/** A field's French label, from the OpenAPI document's titles when the form has loaded it. */
function fieldLabel(name) {
  if (apiDocs) {
    for (const schema of Object.values(apiDocs.components.schemas)) {
      const p = schema.properties && schema.properties[name];
      if (p && p.title) return p.title;
    }
  }
  return name;
}

async function loadCase() {
  const [view, history] = await Promise.all([Ws.json(base), Ws.json(base + '/history')]);
  document.title = 'Dossier ' + (view.reference || caseId) + ' — Prévention des expulsions locatives';
  document.getElementById('title').textContent = 'Dossier ' + (view.reference || caseId);
  document.getElementById('crumb').textContent = view.reference || caseId;
  document.getElementById('stage').textContent = 'Étape : ' + view.stageLabel;
  document.body.dataset.stage = view.stage;
  const facts = document.getElementById('facts');
  facts.innerHTML = '';
  const landlord = view.landlord ? [view.landlord.name, view.landlord.organisation].filter(Boolean).join(' — ') : '—';
  [['Référence', view.reference || '—'], ['Parc', view.parcLabel], ['Commune (INSEE)', view.territory],
   ['Bailleur', landlord], ['Ménage', view.household ? (view.household.name || '—') + (view.household.persons ? ' (' + view.household.persons + ' pers.)' : '') : '—'],
   ['Dette', Ws.euros(view.debt)], ['Ouvert le', Ws.date(view.openedOn)], ['Audience', Ws.date(view.hearingOn)]]
    .forEach(([k, v]) => facts.append(Ws.el('div', { class: 'fr-col-6 fr-col-md-3' }, Ws.el('dt', { class: 'fr-text--bold', text: k }), Ws.el('dd', { text: v }))));

  // The timeline: the acts by legal date, ties in recording order.
  const acts = history.events.filter(e => !BOOKKEEPING.includes(e.type))
    .sort((a, b) => a.occurredOn < b.occurredOn ? -1 : a.occurredOn > b.occurredOn ? 1 : a.sequence - b.sequence);
  const timeline = document.getElementById('timeline');
  timeline.innerHTML = '';
  acts.forEach(e => timeline.append(Ws.el('li', { 'data-type': e.type, class: 'fr-mb-2w' },
    Ws.el('strong', { text: Ws.date(e.occurredOn) + ' — ' + e.label }),
    Ws.el('br'), Ws.el('span', { class: 'ws-who', text: who(e.recordedBy) + ', le ' + Ws.dateTime(e.recordedAt) }),
    fieldsText(e.fields) ? Ws.el('p', { class: 'fr-text--sm fr-mb-0', text: fieldsText(e.fields) }) : '')));
  document.body.dataset.acts = acts.length;

  // The deadlines: overdue ones (still pending after their last day) stand out.
  const today = Ws.today();
  const tbody = document.querySelector('#deadlines tbody');
  tbody.innerHTML = '';
  if (!view.deadlines.length) tbody.append(Ws.el('tr', {}, Ws.el('td', { colspan: 4, text: 'Aucune échéance.' })));
  view.deadlines.forEach(d => {
    const overdue = d.status === 'PENDING' && d.dueOn < today;
    const badge = overdue ? Ws.el('span', { class: 'fr-badge fr-badge--error', text: 'en retard' })
      : Ws.el('span', { class: 'fr-badge ' + ({ PENDING: 'fr-badge--info', MET: 'fr-badge--success', ELAPSED: 'fr-badge--warning' }[d.status] || ''),
        text: Ws.DEADLINE_STATUS[d.status] || d.status });
    tbody.append(Ws.el('tr', { class: overdue ? 'ws-overdue' : null, 'data-kind': d.kind, 'data-status': overdue ? 'OVERDUE' : d.status },
      Ws.el('td', { text: d.label }), Ws.el('td', { text: Ws.date(d.startsOn) }), Ws.el('td', { text: Ws.date(d.dueOn) }), Ws.el('td', {}, badge)));
  });

  const irregularities = document.getElementById('irregularities');
  irregularities.innerHTML = '';
  if (!view.irregularities.length) irregularities.append(Ws.el('li', { text: 'Aucune irrégularité.' }));
  view.irregularities.forEach(i => irregularities.append(Ws.el('li', {},
    Ws.el('strong', { text: i.label }), ' — ' + (i.detail || '') + ' (acte ' + i.act + ' du ' + Ws.date(i.occurredOn) + ')')));
  const corrections = document.getElementById('corrections');
  corrections.innerHTML = '';
  const fixes = history.events.filter(e => CORRECTIONS.includes(e.type));
  if (!fixes.length) corrections.append(Ws.el('li', { text: 'Aucune correction.' }));
  fixes.forEach(e => corrections.append(Ws.el('li', {}, Ws.el('strong', { text: Ws.date(e.occurredOn) + ' — ' + e.label }),
    ' ' + fieldsText(e.fields) + ' ', Ws.el('span', { class: 'ws-who', text: who(e.recordedBy) }))));
  return view;
}

// The diagram: the model the dossier's process instance runs, where it waits, its timers.
let viewer = null;
async function loadDiagram() {
  const procedure = await Ws.json(base + '/procedure');
  document.getElementById('procedure-state').textContent = procedure.stateLabel;
  const xml = await (await Ws.call(base + '/procedure/diagram', { headers: { Accept: 'application/xml' } })).text();
  if (!viewer) viewer = new BpmnJS({ container: '#diagram' });
  await viewer.importXML(xml);
  const canvas = viewer.get('canvas');
  const overlays = viewer.get('overlays');
  const registry = viewer.get('elementRegistry');
  overlays.clear();
  let marked = 0;
  procedure.waitingIn.forEach(a => {
    if (!registry.get(a.activityId)) return;
    canvas.addMarker(a.activityId, 'ws-waiting');
    overlays.add(a.activityId, { position: { top: -22, left: 0 }, html: '<span class="ws-waiting-overlay">en attente</span>' });
    marked++;
  });
  procedure.timers.forEach(t => {
    if (!t.activityId || !registry.get(t.activityId)) return;
    overlays.add(t.activityId, { position: { bottom: 4, left: 0 },
      html: '<span class="ws-timer-overlay">' + new Date(t.dueAt).toLocaleDateString('fr-FR') + '</span>' });
  });
  // Where the procedure waits, at a readable scale: the waiting activities with a timer first, else any waiting one.
  const timed = procedure.timers.map(t => t.activityId);
  const focus = procedure.waitingIn.map(a => registry.get(a.activityId)).filter(Boolean)
    .sort((x, y) => (timed.includes(y.id) ? 1 : 0) - (timed.includes(x.id) ? 1 : 0))[0];
  canvas.zoom('fit-viewport');
  if (focus) {
    const outer = canvas.viewbox().outer, scale = 0.8;
    const width = outer.width / scale, height = outer.height / scale;
    canvas.viewbox({ x: focus.x + (focus.width || 0) / 2 - width / 2, y: focus.y + (focus.height || 0) / 2 - height / 2, width, height });
  }
  const open = procedure.timers.map(t => (t.name || t.activityId) + ' (jusqu\'au ' + new Date(t.dueAt).toLocaleDateString('fr-FR') + ')');
  const waiting = [...new Set(procedure.waitingIn.map(a => a.name))];
  document.getElementById('waiting').textContent = procedure.state !== 'RUNNING' ? 'La procédure est ' + procedure.stateLabel.replace('procédure ', '') + '.'
    : 'La procédure attend : ' + (waiting.join(' ; ') || '—') + '.' + (open.length ? ' Délais en cours : ' + open.join(' ; ') + '.' : '');
  document.body.dataset.diagramWaiting = marked;
  document.body.dataset.diagramElements = registry.getAll().length;
}

// The act form: the acts this account may record now, each form generated from its schema in /v3/api-docs.
async function loadForm() {
  const [allowed, docs] = await Promise.all([Ws.json(base + '/allowed-acts'), apiDocs ? apiDocs : Ws.json('/v3/api-docs')]);
  apiDocs = docs;
  const select = document.getElementById('act-type');
  const current = select.value;
  select.length = 1;
  allowed.acts.forEach(a => select.add(new Option(a.label + ' (' + a.type + ')', a.type)));
  document.getElementById('act-hint').textContent = allowed.acts.length
    ? 'Les actes que votre rôle enregistre et que l\'étape « ' + allowed.stageLabel + ' » permet.'
    : 'Aucun acte ne peut être enregistré par votre rôle à l\'étape « ' + allowed.stageLabel + ' ».';
  select.disabled = !allowed.acts.length;
  if (allowed.acts.some(a => a.type === current)) select.value = current; else { select.value = ''; buildFields(''); }
  document.body.dataset.allowedActs = allowed.acts.map(a => a.type).join(' ');
}

function schemaOf(type) { return apiDocs.components.schemas['Act' + type]; }
function resolve(schema) {
  return schema && schema.$ref ? apiDocs.components.schemas[schema.$ref.split('/').pop()] : schema;
}

function buildFields(type) {
  const box = document.getElementById('act-fields');
  box.innerHTML = '';
  document.getElementById('act-submit').disabled = !type;
  if (!type) return;
  const schema = schemaOf(type);
  box.append(Ws.el('p', { class: 'fr-text--sm', text: schema['x-french-term'] + ' — ' + (schema.description || '').replace(/\*\*/g, '') }));
  Object.entries(schema.properties).forEach(([name, property]) => {
    if (name === 'type') return;
    addField(box, name, resolve(property), (schema.required || []).includes(name));
  });
}

function addField(box, name, p, required) {
  const id = 'f-' + name.replace(/\./g, '-');
  const label = Ws.el('label', { class: 'fr-label', for: id, text: (p.title || name) + (required ? ' (obligatoire)' : '') },
    p.description ? Ws.el('span', { class: 'fr-hint-text', text: p.description }) : '');
  let input;
  if (p.type === 'object' && p.properties) {
    const fieldset = Ws.el('fieldset', { class: 'fr-fieldset' }, Ws.el('legend', { class: 'fr-fieldset__legend', text: p.title || name }));
    Object.entries(p.properties).forEach(([k, sub]) => addField(fieldset, name + '.' + k, resolve(sub), false));
    box.append(fieldset);
    return;
  }
  if (p.enum) {
    input = Ws.el('select', { class: 'fr-select', id, name });
    input.add(new Option('—', ''));
    const labels = p['x-enum-labels'] || {};
    p.enum.forEach(v => input.add(new Option(labels[v] || v, v)));
  } else if (p.type === 'boolean') {
    input = Ws.el('select', { class: 'fr-select', id, name, 'data-kind': 'boolean' });
    [['', '—'], ['true', 'oui'], ['false', 'non']].forEach(([v, l]) => input.add(new Option(l, v)));
  } else if (p.type === 'array' || (p.maxLength && p.maxLength > 300)) {
    input = Ws.el('textarea', { class: 'fr-input', id, name, rows: 3, 'data-kind': p.type === 'array' ? 'array' : 'text' });
  } else {
    const kind = p.format === 'date' ? 'date' : (p.type === 'number' || p.type === 'integer') ? 'number' : 'text';
    input = Ws.el('input', { class: 'fr-input', id, name, type: kind === 'date' ? 'date' : 'text',
      inputmode: kind === 'number' ? 'decimal' : null, 'data-kind': kind });
    if (name === 'occurredOn') input.value = Ws.today();
  }
  const group = Ws.el(p.enum || p.type === 'boolean' ? 'div' : 'div', { class: p.enum || p.type === 'boolean' ? 'fr-select-group' : 'fr-input-group', 'data-field': name },
    label, input);
  box.append(group);
}

/** The JSON body from the form: empty fields left out, numbers as numbers when they read as numbers (the API judges the rest). */
function body(form) {
  const out = { type: form.elements.type.value };
  form.querySelectorAll('[data-field] input, [data-field] select, [data-field] textarea').forEach(input => {
    const raw = input.value.trim();
    if (!raw) return;
    let value = raw;
    if (input.dataset.kind === 'number') value = /^-?\d+([.,]\d+)?$/.test(raw) ? Number(raw.replace(',', '.')) : raw;
    if (input.dataset.kind === 'boolean') value = raw === 'true';
    if (input.dataset.kind === 'array') value = raw.split('\n').map(s => s.trim()).filter(Boolean);
    const path = input.name.split('.');
    let target = out;
    path.slice(0, -1).forEach(k => { target[k] = target[k] || {}; target = target[k]; });
    target[path[path.length - 1]] = value;
  });
  return out;
}

function clearErrors() {
  document.querySelectorAll('[data-field]').forEach(g => {
    g.classList.remove('fr-input-group--error', 'fr-select-group--error');
    g.querySelectorAll('.fr-error-text').forEach(p => p.remove());
    const input = g.querySelector('input, select, textarea');
    input.removeAttribute('aria-invalid');
    input.removeAttribute('aria-describedby');
  });
}

async function submit(event) {
  event.preventDefault();
  const form = event.target;
  clearErrors();
  const result = document.getElementById('record-result');
  result.innerHTML = '';
  const response = await Ws.call(base + '/acts', { method: 'POST', headers: { 'Content-Type': 'application/json' }, body: JSON.stringify(body(form)) });
  const answer = await response.json().catch(() => ({}));
  if (response.status === 201) {
    result.append(Ws.el('div', { class: 'fr-alert fr-alert--success fr-alert--sm fr-mb-2w', id: 'act-recorded' },
      Ws.el('p', { text: 'Acte enregistré : ' + answer.label + ' du ' + Ws.date(answer.occurredOn)
        + (answer.irregularities && answer.irregularities.length ? ' — irrégularité(s) relevée(s) : ' + answer.irregularities.map(i => i.fields.detail || i.label).join(' ; ') : '') + '.' })));
    form.elements.type.value = '';
    buildFields('');
    await Promise.all([loadCase(), loadForm()]);
    loadDiagram().catch(() => {});
    return;
  }
  const unplaced = [];
  (answer.errors || []).forEach(e => {
    const name = e.field.replace(/\[\d+\]$/, '');
    const group = document.querySelector('[data-field="' + CSS.escape(name) + '"]');
    if (!group) { unplaced.push(e.field + ' : ' + e.reason); return; }
    group.classList.add(group.classList.contains('fr-select-group') ? 'fr-select-group--error' : 'fr-input-group--error');
    const input = group.querySelector('input, select, textarea');
    let p = group.querySelector('.fr-error-text');
    if (!p) { p = Ws.el('p', { class: 'fr-error-text', id: input.id + '-error' }); group.append(p); }
    p.textContent = p.textContent ? p.textContent + ' ; ' + e.reason : e.reason;   // every reason the API gives for the field
    input.setAttribute('aria-invalid', 'true');
    input.setAttribute('aria-describedby', p.id);
  });
  result.append(Ws.el('div', { class: 'fr-alert fr-alert--error fr-alert--sm fr-mb-2w', id: 'act-refused', role: 'alert' },
    Ws.el('p', { text: (answer.title || 'Acte refusé') + ' : ' + (answer.detail || response.status) + (unplaced.length ? ' — ' + unplaced.join(' ; ') : '') })));
}

document.getElementById('act-type').addEventListener('change', e => buildFields(e.target.value));
document.getElementById('act-form').addEventListener('submit', submit);

(async () => {
  await Ws.header('dossiers');
  const vocabulary = await Ws.json('/api/v1/vocabulary');
  vocabulary.roles.forEach(r => roles[r.key] = r.label);
  await loadForm();
  await loadCase();
  document.body.dataset.ready = 'true';
  try { await loadDiagram(); } catch (e) { document.getElementById('waiting').textContent = 'Diagramme indisponible : ' + e.message; document.body.dataset.diagramError = e.message; }
  document.body.dataset.diagramDone = 'true';
})();
