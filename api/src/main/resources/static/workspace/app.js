// The workspace's shared helpers: the header (account, logout), calls to the API with the session, French formats.
'use strict';

const Ws = {
  /** The CSRF token of the session (cookie XSRF-TOKEN), sent back as a header on every write. */
  csrf() {
    const m = document.cookie.match(/(?:^|;\s*)XSRF-TOKEN=([^;]+)/);
    return m ? decodeURIComponent(m[1]) : '';
  },

  /** A call to the API with the session; 401 (session expired) sends the user to the login page. */
  async call(path, options = {}) {
    const headers = Object.assign({ 'X-Requested-With': 'XMLHttpRequest', 'Accept': 'application/json' }, options.headers || {});
    if (options.method && options.method !== 'GET') headers['X-XSRF-TOKEN'] = Ws.csrf();
    const response = await fetch(new URL(path, location.origin), Object.assign({}, options, { headers, credentials: 'same-origin' }));
    if (response.status === 401) { location.assign('/login'); throw new Error('401'); }
    return response;
  },

  async json(path) {
    const response = await Ws.call(path);
    if (!response.ok) throw Object.assign(new Error('HTTP ' + response.status), { status: response.status });
    return response.json();
  },

  /** Downloads a CSV export: the same address with Accept: text/csv. */
  async downloadCsv(path, filename) {
    const response = await Ws.call(path, { headers: { 'Accept': 'text/csv' } });
    if (!response.ok) {
      const problem = await response.json().catch(() => ({}));
      alert(problem.detail || ('Export impossible (' + response.status + ')'));
      return;
    }
    const blob = await response.blob();
    const a = document.createElement('a');
    a.href = URL.createObjectURL(blob);
    a.download = filename;
    document.body.appendChild(a);
    a.click();
    a.remove();
  },

  date(iso) { return iso ? new Date(iso + (iso.length === 10 ? 'T00:00:00' : '')).toLocaleDateString('fr-FR') : '—'; },
  dateTime(iso) { return iso ? new Date(iso).toLocaleString('fr-FR', { dateStyle: 'short', timeStyle: 'short' }) : '—'; },
  euros(v) { return v === null || v === undefined ? '—' : Number(v).toLocaleString('fr-FR', { style: 'currency', currency: 'EUR' }); },
  today() { const d = new Date(); return new Date(d.getTime() - d.getTimezoneOffset() * 60000).toISOString().slice(0, 10); },

  el(tag, attrs = {}, ...children) {
    const e = document.createElement(tag);
    for (const [k, v] of Object.entries(attrs)) {
      if (v === null || v === undefined || v === false) continue;
      if (k === 'class') e.className = v; else if (k === 'text') e.textContent = v; else e.setAttribute(k, v === true ? '' : v);
    }
    children.flat().forEach(c => e.append(c instanceof Node ? c : document.createTextNode(c ?? '')));
    return e;
  },

  PARC: { PUBLIC: 'Parc public', PRIVATE: 'Parc privé' },
  DEADLINE_STATUS: { PENDING: 'en cours', ELAPSED: 'expirée', MET: 'respectée', CANCELLED: 'annulée' },

  /** The page's header: the service, the navigation, the account and the logout button. */
  async header(current) {
    const me = await Ws.json('/api/v1/me');
    const header = document.getElementById('header');
    const nav = [['/dossiers', 'Dossiers', 'dossiers']];
    if (me.dashboard) nav.push(['/dashboard', 'Tableau de bord', 'dashboard']);
    header.className = 'fr-header';
    header.setAttribute('role', 'banner');
    header.innerHTML = `
      <div class="fr-header__body"><div class="fr-container"><div class="fr-header__body-row">
        <div class="fr-header__brand fr-enlarge-link">
          <div class="fr-header__brand-top"><div class="fr-header__logo"><p class="fr-logo">République<br>Française</p></div></div>
          <div class="fr-header__service">
            <a href="/dossiers" title="Accueil — Prévention des expulsions locatives"><p class="fr-header__service-title">Prévention des expulsions locatives</p></a>
            <p class="fr-header__service-tagline">Espace de travail de la CCAPEX</p>
          </div>
        </div>
        <div class="fr-header__tools"><div class="fr-header__tools-links">
          <ul class="fr-btns-group">
            <li><p class="ws-header-user" id="me"></p></li>
            <li><form method="post" action="/logout"><input type="hidden" name="_csrf" value="">
              <button type="submit" class="fr-btn fr-btn--tertiary" id="logout">Se déconnecter</button></form></li>
          </ul>
        </div></div>
      </div></div></div>
      <div class="fr-header__menu"><div class="fr-container">
        <nav class="fr-nav" role="navigation" aria-label="Menu principal"><ul class="fr-nav__list" id="nav"></ul></nav>
      </div></div>`;
    header.querySelector('#me').textContent = me.login + ' — ' + me.roleLabel + ' (' + me.organisation + ')';
    header.querySelector('input[name=_csrf]').value = Ws.csrf();
    const list = header.querySelector('#nav');
    nav.forEach(([href, label, key]) => list.append(Ws.el('li', { class: 'fr-nav__item' },
      Ws.el('a', { class: 'fr-nav__link', href, 'aria-current': key === current ? 'page' : null, text: label }))));
    return me;
  }
};
