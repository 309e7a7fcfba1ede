// OnAir dashboard: live presence over Server-Sent Events, the panel's frame polled while the page is visible.
(function () {
  'use strict';
  const people = new Map();
  let light = null;
  const $ = (id) => document.getElementById(id);
  const keyInput = $('api-key');
  keyInput.value = localStorage.getItem('onair.apiKey') || '';
  keyInput.addEventListener('change', () => localStorage.setItem('onair.apiKey', keyInput.value));

  const words = (s) => (s || 'unknown').replace(/_/g, ' ');

  function ago(iso) {
    if (!iso) return '';
    const s = Math.max(0, Math.round((Date.now() - Date.parse(iso)) / 1000));
    if (s < 60) return 'just now';
    if (s < 3600) return Math.round(s / 60) + ' min ago';
    if (s < 86400) return Math.round(s / 3600) + ' h ago';
    return new Date(iso).toLocaleString();
  }

  // Each person's row is made once and updated in place, so an open override menu (and its choices) survives every
  // presence update; rows are only moved when the order changes.
  const rows = new Map();
  const displayName = (p) => (p && p.name) || (p && p.person) || '';

  function renderPeople() {
    const list = $('people');
    const entries = [...people.values()];
    if (entries.length === 0) {
      list.innerHTML = '<li class="muted">No one has published a presence yet.</li>';
      rows.clear();
      return;
    }
    list.querySelectorAll('li.muted').forEach((li) => li.remove());
    entries.forEach((p, i) => {
      let li = rows.get(p.person);
      if (!li) {
        li = makeRow(p.person);
        rows.set(p.person, li);
      }
      updateRow(li, p);
      if (list.children[i] !== li) list.insertBefore(li, list.children[i] || null);
    });
    renderLegend();
  }

  function makeRow(person) {
    const li = $('person-tpl').content.firstElementChild.cloneNode(true);
    li.dataset.person = person;
    const menu = li.querySelector('.override');
    menu.querySelector('.apply').addEventListener('click', () => {
      const status = menu.querySelector('.ovr-status').value;
      const dur = menu.querySelector('.ovr-for').value;
      const body = {status};
      if (dur) body.for = dur;
      override(person, body).then(() => { menu.open = false; });
    });
    menu.querySelector('.clear').addEventListener('click', () => {
      override(person, {status: 'auto'}).then(() => { menu.open = false; });
    });
    return li;
  }

  function updateRow(li, p) {
    const name = li.querySelector('.name');
    name.textContent = displayName(p);
    name.title = p.person;
    const offline = p.availability === 'offline';
    const status = li.querySelector('.status');
    status.textContent = words(p.status) + (p.activity && p.activity !== p.status ? ' · ' + words(p.activity) : '');
    if (offline) {
      const tag = document.createElement('span');
      tag.className = 'offline-tag';
      tag.textContent = ' · publisher offline';
      status.appendChild(tag);
    }
    const since = p.since ? 'since ' + new Date(p.since).toLocaleTimeString([], {hour: '2-digit', minute: '2-digit'}) + ' (' + ago(p.since) + ')' : '';
    const until = p.override_until ? ' · override until ' + new Date(p.override_until).toLocaleTimeString([], {hour: '2-digit', minute: '2-digit'}) : '';
    li.querySelector('.since').textContent = since + until + (p.source ? ' · ' + p.source : '');
    li.querySelector('.swatch').style.background = colourOf(p);
    renderMedia(li, p, offline);
  }

  // Which part of the panel is whom, from the regions the frame names; names escaped by textContent.
  let regions = [];
  let panelSize = {width: 0, height: 0};
  function renderLegend() {
    const legend = $('legend');
    const key = JSON.stringify(regions) + [...people.values()].map((p) => p.person + displayName(p) + colourOf(p)).join();
    if (legend.dataset.key === key) return;
    legend.dataset.key = key;
    legend.innerHTML = '';
    const columns = panelSize.width >= panelSize.height;
    for (const r of regions) {
      const p = people.get(r.person) || {person: r.person};
      const item = document.createElement('li');
      item.dataset.person = r.person;
      const sw = document.createElement('span');
      sw.className = 'legend-swatch';
      sw.style.background = colourOf(p);
      const label = document.createElement('span');
      label.textContent = displayName(p);
      label.title = r.person;
      const where = document.createElement('small');
      where.className = 'muted';
      const from = columns ? r.x : r.y;
      const size = columns ? r.width : r.height;
      const whole = columns ? panelSize.width : panelSize.height;
      where.textContent = size === whole ? ' whole panel'
        : (columns ? ' columns ' : ' rows ') + (from + 1) + '–' + (from + size);
      item.append(sw, label, where);
      legend.appendChild(item);
    }
    legend.hidden = regions.length === 0;
  }

  // Camera, microphone and unread count (issue 13); null or absent means the publisher cannot tell, so nothing is said.
  function renderMedia(li, p, offline) {
    const parts = [];
    const camera = !offline && p.camera === true;
    if (camera) parts.push('camera on');
    if (!offline && p.mic === true) parts.push('mic on');
    if (Number.isInteger(p.unread) && p.unread > 0) parts.push(p.unread + ' unread');
    const media = li.querySelector('.media');
    media.textContent = parts.join(' · ');
    li.classList.toggle('camera-on', camera);
    li.dataset.camera = p.camera === true ? 'on' : p.camera === false ? 'off' : 'unknown';
  }

  // The server sends the configured colour; the availability event alone does not, so offline is grey here too.
  function colourOf(p) {
    if (p.availability === 'offline') return '#808080';
    return p.color || '#ffffff';
  }

  function renderLight() {
    if (!light) return;
    $('brightness').value = light.brightness;
    $('brightness-out').textContent = light.brightness;
    $('effect').value = light.effect;
    $('power').textContent = light.state === 'ON' ? 'Turn off' : 'Turn on';
    $('light-line').textContent = 'Light ' + light.state.toLowerCase() + ' · brightness ' + light.brightness +
      ' · effect ' + light.effect;
  }

  // The LED grid: one div per pixel, recoloured in place.
  let gridSize = '';
  function drawFrame(f) {
    const grid = $('grid');
    const size = f.width + 'x' + f.height;
    if (size !== gridSize) {
      gridSize = size;
      grid.innerHTML = '';
      grid.style.gridTemplateColumns = 'repeat(' + f.width + ', 1fr)';
      grid.style.maxWidth = Math.min(480, f.width * 32) + 'px';
      for (let i = 0; i < f.width * f.height; i++) {
        const d = document.createElement('div');
        d.className = 'led';
        grid.appendChild(d);
      }
    }
    const leds = grid.children;
    f.pixels.forEach((p, i) => {
      const c = 'rgb(' + p[0] + ',' + p[1] + ',' + p[2] + ')';
      if (leds[i].dataset.c !== c) {
        leds[i].dataset.c = c;
        leds[i].style.background = c;
        leds[i].style.boxShadow = (p[0] + p[1] + p[2]) > 30 ? '0 0 6px ' + c : 'none';
      }
    });
    grid.dataset.frame = f.pixels.map((p) => p.join(',')).join(' ');
    // Drawn as bright as the LEDs run (night hours and the HAT's own cap included): LED light is linear in the
    // brightness, a screen's colour values are sRGB-encoded, hence the 1/2.2 power.
    const level = Math.pow(Math.max(0, Math.min(255, f.brightness)) / 255, 1 / 2.2);
    grid.style.filter = 'brightness(' + level.toFixed(3) + ')';
    grid.dataset.brightness = String(f.brightness);
    panelSize = {width: f.width, height: f.height};
    regions = Array.isArray(f.regions) ? f.regions : [];
    renderLegend();
  }

  // The panel's health from /healthz: a line under the grid while the panel refuses its frames.
  async function pollHealth() {
    try {
      if (!document.hidden) {
        const r = await fetch('/healthz', {cache: 'no-store'});
        const h = await r.json();
        const line = $('panel-health');
        if (h.panel && h.panel.status === 'failing') {
          line.textContent = 'Panel not taking frames since ' + new Date(h.panel.since).toLocaleTimeString() +
            ' (' + h.panel.failed_frames + ' failed): ' + h.panel.error;
          line.hidden = false;
        } else {
          line.hidden = true;
        }
      }
    } catch (e) { /* the node restarts; keep trying */ }
    setTimeout(pollHealth, 2000);
  }

  async function pollFrame() {
    try {
      if (!document.hidden) {
        const r = await fetch('/api/display/frame', {cache: 'no-store'});
        if (r.ok) drawFrame(await r.json());
      }
    } catch (e) { /* the node restarts; keep trying */ }
    setTimeout(pollFrame, 100);
  }

  function connect() {
    const es = new EventSource('/api/events');
    es.onopen = () => { $('conn').classList.add('live'); $('status-line').textContent = 'live'; };
    es.onerror = () => { $('conn').classList.remove('live'); $('status-line').textContent = 'reconnecting…'; };
    es.addEventListener('presence', (e) => {
      const p = JSON.parse(e.data);
      people.set(p.person, Object.assign({}, people.get(p.person), p));
      renderPeople();
      document.dispatchEvent(new CustomEvent('onair:person', {detail: {person: p.person}}));
    });
    es.addEventListener('availability', (e) => {
      const a = JSON.parse(e.data);
      people.set(a.person, Object.assign({person: a.person}, people.get(a.person), {availability: a.availability, color: a.color}));
      renderPeople();
      document.dispatchEvent(new CustomEvent('onair:person', {detail: {person: a.person}}));
    });
    es.addEventListener('display', (e) => { light = JSON.parse(e.data); renderLight(); });
  }

  async function send(url, body) {
    const headers = {'Content-Type': 'application/json'};
    if (keyInput.value) headers['X-API-Key'] = keyInput.value;
    const r = await fetch(url, {method: 'POST', headers, body: JSON.stringify(body)});
    const text = await r.text();
    $('control-msg').textContent = r.ok ? 'Done.' : 'Refused (' + r.status + '): ' + text;
    return r.ok ? JSON.parse(text) : null;
  }

  // The contract's JSON override (section 4): {"status":"busy","for":"PT30M"}, no "for" until cleared.
  async function override(person, body) {
    await send('/api/people/' + encodeURIComponent(person) + '/override', body);
  }

  async function lightCommand(cmd) {
    const s = await send('/api/display', cmd);
    if (s) { light = s; renderLight(); }
  }

  $('brightness').addEventListener('input', (e) => { $('brightness-out').textContent = e.target.value; });
  $('brightness').addEventListener('change', (e) => lightCommand({brightness: Number(e.target.value)}));
  $('effect').addEventListener('change', (e) => {
    if (e.target.value === 'solid') {
      const h = $('colour').value;
      lightCommand({color: {r: parseInt(h.slice(1, 3), 16), g: parseInt(h.slice(3, 5), 16),
        b: parseInt(h.slice(5, 7), 16)}});
    } else {
      lightCommand({effect: e.target.value});
    }
  });
  $('colour').addEventListener('change', () => { $('effect').value = 'solid'; $('effect').dispatchEvent(new Event('change')); });
  $('power').addEventListener('click', () => lightCommand({state: light && light.state === 'ON' ? 'OFF' : 'ON'}));
  setInterval(renderPeople, 30000);

  fetch('/api/people').then((r) => r.json()).then((list) => {
    for (const p of list) people.set(p.person, Object.assign({}, people.get(p.person), p));
    renderPeople();
  }).catch(() => {});
  connect();
  pollFrame();
  pollHealth();
})();
