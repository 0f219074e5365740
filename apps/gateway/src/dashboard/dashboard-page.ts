import { createHash } from 'node:crypto';

/**
 * The on-call page: one self-contained document, no build step, no external assets.
 * It reads an ops key from its URL fragment (or asks for one), keeps it in sessionStorage
 * for the tab, and polls /dashboard/data every 2 s. Rates (holds/s, expiries/min, errors)
 * are computed here, between two snapshots of the same replica, so the gateway keeps no
 * history. Everything the server sends is written with textContent, never as HTML.
 */
const STYLE = String.raw`
  :root { font: 14px/1.4 system-ui, sans-serif; color: #1d2330; background: #f4f5f7; }
  body { margin: 0; padding: 16px 20px; }
  header { display: flex; align-items: baseline; gap: 16px; margin-bottom: 14px; }
  h1 { font-size: 20px; margin: 0; }
  #overall { font-weight: 700; padding: 2px 10px; border-radius: 10px; color: #fff; background: #888; }
  #overall.ok { background: #1f8a3b; } #overall.degraded { background: #c98a00; } #overall.down, #overall.stale { background: #c62828; }
  #updated { color: #667; }
  #services { display: grid; grid-template-columns: repeat(auto-fill, minmax(230px, 1fr)); gap: 12px; }
  .card { background: #fff; border: 2px solid #d7dbe2; border-left-width: 8px; border-radius: 6px; padding: 10px 12px; }
  .card.ok { border-color: #1f8a3b; } .card.degraded { border-color: #c98a00; background: #fff8e6; }
  .card.down { border-color: #c62828; background: #fdecea; }
  .card h2 { font-size: 16px; margin: 0 0 6px; display: flex; justify-content: space-between; }
  .badge { font-size: 12px; padding: 1px 8px; border-radius: 8px; color: #fff; background: #888; text-transform: uppercase; }
  .ok .badge { background: #1f8a3b; } .degraded .badge { background: #c98a00; } .down .badge { background: #c62828; }
  dl { display: grid; grid-template-columns: auto 1fr; gap: 2px 10px; margin: 0; }
  dt { color: #667; } dd { margin: 0; text-align: right; font-variant-numeric: tabular-nums; }
  .problem { color: #c62828; margin-top: 6px; font-size: 12px; word-break: break-word; }
  section { margin-top: 18px; }
  table { border-collapse: collapse; width: 100%; background: #fff; font-size: 12px; }
  th, td { text-align: left; padding: 4px 8px; border-bottom: 1px solid #e3e6eb; }
  td.status5 { color: #c62828; font-weight: 700; }
  #login { background: #fff; padding: 14px; border-radius: 6px; max-width: 460px; }
  #login input { width: 100%; box-sizing: border-box; padding: 6px; margin: 6px 0; }
  #message { color: #c62828; }
  .hidden { display: none; }
`;

const SCRIPT = String.raw`
(function () {
  'use strict';
  var REFRESH_MS = 2000, FETCH_TIMEOUT_MS = 5000, STORAGE = 'omnistock.dashboard.key';
  var previous = {};
  var timer;
  var byId = function (id) { return document.getElementById(id); };

  function readKey() {
    var fromUrl = new URLSearchParams(location.hash.slice(1)).get('key') || new URLSearchParams(location.search).get('key');
    if (fromUrl) {
      sessionStorage.setItem(STORAGE, fromUrl);
      history.replaceState(null, '', location.pathname);
    }
    return sessionStorage.getItem(STORAGE);
  }

  function element(tag, className, text) {
    var node = document.createElement(tag);
    if (className) node.className = className;
    if (text !== undefined && text !== null) node.textContent = String(text);
    return node;
  }

  function fixed(value, digits) { return value === null || value === undefined ? '—' : Number(value).toFixed(digits); }

  function rates(service, counters, now) {
    if (!counters) return null;
    var key = service + '/' + (counters.instance || '?');
    var last = previous[key];
    previous[key] = { at: now, counters: counters };
    if (!last || now <= last.at || counters.requests < last.counters.requests) return null;
    var seconds = (now - last.at) / 1000;
    var delta = function (name) { return Math.max(0, counters[name] - last.counters[name]); };
    var requests = delta('requests');
    return {
      requestsPerSecond: requests / seconds,
      holdsPerSecond: delta('holds') / seconds,
      expiriesPerMinute: (delta('expiries') * 60) / seconds,
      refusedRate: requests === 0 ? 0 : (100 * delta('rejections')) / requests,
      failureRate: requests === 0 ? 0 : (100 * delta('failures')) / requests
    };
  }

  function card(service, now) {
    var node = element('article', 'card ' + service.status);
    node.setAttribute('data-service', service.service);
    node.setAttribute('data-status', service.status);
    var title = element('h2');
    title.appendChild(element('span', null, service.service));
    title.appendChild(element('span', 'badge', service.up ? (service.status === 'ok' ? 'up' : 'degraded') : 'down'));
    node.appendChild(title);
    var rate = rates(service.service, service.counters, now);
    var rows = [
      ['latency', service.up ? fixed(service.latencyMs, 1) + ' ms' : 'no answer'],
      ['uptime', service.uptimeSeconds === null ? '—' : Math.round(service.uptimeSeconds) + ' s'],
      ['outbox pending', service.outbox ? service.outbox.pending : '—'],
      ['outbox lag', service.outbox ? fixed(service.outbox.lagSeconds, 1) + ' s' : '—'],
      ['requests/s', rate ? fixed(rate.requestsPerSecond, 1) : '—'],
      ['failed', rate ? fixed(rate.failureRate, 1) + ' %' : '—'],
      ['refused', rate ? fixed(rate.refusedRate, 1) + ' %' : '—']
    ];
    if (service.service === 'ledger') {
      rows.push(['holds/s', rate ? fixed(rate.holdsPerSecond, 1) : '—']);
      rows.push(['expiries/min', rate ? fixed(rate.expiriesPerMinute, 1) : '—']);
      rows.push(['holds, expiries', service.counters ? service.counters.holds + ', ' + service.counters.expiries : '—']);
    }
    var list = element('dl');
    rows.forEach(function (row) { list.appendChild(element('dt', null, row[0])); list.appendChild(element('dd', null, row[1])); });
    node.appendChild(list);
    if (service.problem) node.appendChild(element('div', 'problem', service.problem));
    return node;
  }

  function render(data) {
    var now = Date.parse(data.generatedAt) || Date.now();
    var services = byId('services');
    services.replaceChildren.apply(services, data.services.map(function (service) { return card(service, now); }));
    var down = data.services.filter(function (s) { return s.status === 'down'; }).length;
    var degraded = data.services.filter(function (s) { return s.status === 'degraded'; }).length;
    var overall = byId('overall');
    overall.className = down ? 'down' : degraded ? 'degraded' : 'ok';
    overall.textContent = down ? down + ' down' : degraded ? degraded + ' degraded' : 'all up';
    byId('updated').textContent = 'updated ' + new Date().toLocaleTimeString();
    var rows = byId('errors');
    rows.replaceChildren.apply(rows, data.recentErrors.slice(0, 20).map(function (error) {
      var row = element('tr');
      [error.at.slice(11, 19), error.method + ' ' + error.route, error.status, error.code, error.message, error.requestId].forEach(function (value, index) {
        row.appendChild(element('td', index === 2 && error.status >= 500 ? 'status5' : null, value));
      });
      return row;
    }));
    byId('no-errors').classList.toggle('hidden', data.recentErrors.length > 0);
  }

  function showLogin(message) {
    byId('login').classList.remove('hidden');
    byId('board').classList.add('hidden');
    byId('message').textContent = message || '';
  }

  // One pending refresh at most, however many events ask for one.
  function schedule(delay) {
    clearTimeout(timer);
    timer = setTimeout(refresh, delay);
  }

  function refresh() {
    var key = sessionStorage.getItem(STORAGE);
    if (!key) return showLogin();
    var abort = new AbortController();
    var deadline = setTimeout(function () { abort.abort(); }, FETCH_TIMEOUT_MS);
    fetch('/dashboard/data', { headers: { authorization: 'Bearer ' + key }, signal: abort.signal, cache: 'no-store' })
      .then(function (response) {
        if (response.status === 401 || response.status === 403) {
          sessionStorage.removeItem(STORAGE);
          throw { login: 'That key was refused (' + response.status + '): an ops or admin key is needed.' };
        }
        if (!response.ok) throw new Error('HTTP ' + response.status);
        return response.json();
      })
      .then(function (data) {
        byId('login').classList.add('hidden');
        byId('board').classList.remove('hidden');
        render(data);
      })
      .catch(function (error) {
        if (error && error.login) return showLogin(error.login);
        var overall = byId('overall');
        overall.className = 'stale';
        overall.textContent = 'gateway unreachable';
      })
      .finally(function () {
        clearTimeout(deadline);
        if (sessionStorage.getItem(STORAGE)) schedule(REFRESH_MS);
      });
  }

  byId('login').addEventListener('submit', function (event) {
    event.preventDefault();
    sessionStorage.setItem(STORAGE, byId('key').value.trim());
    byId('key').value = '';
    schedule(0);
  });
  // Pasting a new #key= into an open page is a same-document navigation: no reload.
  window.addEventListener('hashchange', function () {
    readKey();
    schedule(0);
  });
  readKey();
  schedule(0);
})();
`;

const BODY = String.raw`
<header><h1>omnistock</h1><span id="overall">loading</span><span id="updated"></span></header>
<form id="login" class="hidden">
  <label for="key">An ops (or admin) API key</label>
  <input id="key" type="password" autocomplete="off" required>
  <button type="submit">Show the dashboard</button>
  <div id="message"></div>
</form>
<main id="board">
  <div id="services"></div>
  <section>
    <h2>Recent errors (this gateway replica)</h2>
    <table><thead><tr><th>time</th><th>route</th><th>status</th><th>code</th><th>message</th><th>request id</th></tr></thead>
    <tbody id="errors"></tbody></table>
    <p id="no-errors">None.</p>
  </section>
</main>
`;

export const DASHBOARD_HTML = `<!doctype html>
<html lang="en">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>omnistock — on call</title>
<style>${STYLE}</style>
</head>
<body>${BODY}<script>${SCRIPT}</script>
</body>
</html>
`;

const sha256 = (text: string) =>
  `'sha256-${createHash('sha256').update(text, 'utf8').digest('base64')}'`;

/** Only this page's own inline script and style may run, and it may only talk to its own origin. */
export const DASHBOARD_CONTENT_SECURITY_POLICY = [
  "default-src 'none'",
  `script-src ${sha256(SCRIPT)}`,
  `style-src ${sha256(STYLE)}`,
  "connect-src 'self'",
  "form-action 'none'",
  "frame-ancestors 'none'",
  "base-uri 'none'",
].join('; ');
