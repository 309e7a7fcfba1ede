// OnAir dashboard, issue 15: each person's day as a strip (segments in the panel's colours, calls marked), the day's
// totals, and the last seven days. Data from /api/people/{id}/history and /days; refreshed on presence events that
// app.js passes on as 'onair:person'.
(function () {
  'use strict';
  const card = document.getElementById('timeline-card');
  const root = document.getElementById('timeline');
  if (!card || !root) return;
  const timers = new Map();

  // "3 h 20 min", "45 min", "0 min"
  function duration(seconds) {
    const m = Math.floor(seconds / 60);
    const h = Math.floor(m / 60);
    if (h === 0) return m + ' min';
    return m % 60 === 0 ? h + ' h' : h + ' h ' + (m % 60) + ' min';
  }
  const words = (s) => (s || '').replace(/_/g, ' ');
  const el = (tag, cls, text) => {
    const e = document.createElement(tag);
    if (cls) e.className = cls;
    if (text !== undefined) e.textContent = text;
    return e;
  };
  const hhmm = (iso) => new Date(iso).toLocaleTimeString([], {hour: '2-digit', minute: '2-digit'});

  function row(person) {
    let r = root.querySelector('.tl-person[data-person="' + CSS.escape(person) + '"]');
    if (r) return r;
    r = el('div', 'tl-person');
    r.dataset.person = person;
    const head = el('div', 'tl-head');
    head.append(el('strong', 'tl-name', person), el('span', 'tl-totals muted'));
    const strip = el('div', 'tl-strip');
    strip.setAttribute('role', 'img');
    const axis = el('div', 'tl-axis muted');
    for (const h of ['00', '06', '12', '18', '24']) axis.append(el('span', null, h));
    r.append(head, strip, axis, el('div', 'tl-week'));
    root.append(r);
    return r;
  }

  function drawDay(r, h) {
    const strip = r.querySelector('.tl-strip');
    const start = Date.parse(h.from);
    const span = Date.parse(h.to) - start;
    const now = Date.parse(h.now);
    strip.replaceChildren();
    for (const s of h.segments) {
      const a = Date.parse(s.from);
      const b = s.to ? Date.parse(s.to) : Math.min(now, start + span);
      if (b < a || (b === a && s.to)) continue; // a state that began just now still shows, as a sliver
      const seg = el('div', 'tl-seg');
      seg.style.left = ((a - start) / span * 100) + '%';
      seg.style.width = ((b - a) / span * 100) + '%';
      seg.style.background = s.color;
      seg.dataset.status = s.status;
      seg.dataset.activity = s.activity;
      seg.dataset.from = s.from;
      seg.dataset.to = s.to || '';
      seg.title = words(s.activity) + ' ' + hhmm(s.from) + '–' + (s.to ? hhmm(s.to) : 'now');
      if (s.in_call) seg.classList.add('tl-call');
      strip.append(seg);
    }
    if (now > start && now < start + span) {
      const mark = el('div', 'tl-now');
      mark.style.left = ((now - start) / span * 100) + '%';
      strip.append(mark);
    }
    strip.setAttribute('aria-label', 'today: ' + h.segments.map((s) => words(s.status)).join(', '));
  }

  function drawTotals(r, today) {
    const t = r.querySelector('.tl-totals');
    if (!today) { t.textContent = ''; return; }
    const busy = today.seconds_by_status.busy || 0;
    t.textContent = duration(today.seconds_in_calls) + ' in calls · ' + today.calls + (today.calls === 1 ? ' call' : ' calls') +
      ' · ' + duration(busy) + ' busy';
  }

  function drawWeek(r, d) {
    const week = r.querySelector('.tl-week');
    week.replaceChildren();
    for (const day of d.days) {
      const line = el('div', 'tl-day');
      line.dataset.date = day.date;
      const label = new Date(day.date + 'T12:00:00Z').toLocaleDateString([], {weekday: 'short', day: 'numeric', timeZone: 'UTC'});
      const bar = el('div', 'tl-bar');
      for (const [status, seconds] of Object.entries(day.seconds_by_status)) {
        if (seconds <= 0) continue;
        const part = el('div', 'tl-part');
        part.style.width = (seconds / 864) + '%';
        part.style.background = d.colors[status] || '#888';
        part.dataset.status = status;
        bar.append(part);
      }
      line.append(el('span', 'tl-date', label), bar, el('span', 'tl-calls muted', duration(day.seconds_in_calls) + ' calls'));
      week.append(line);
    }
  }

  async function load(person) {
    try {
      const id = encodeURIComponent(person);
      const [h, d] = await Promise.all([
        fetch('/api/people/' + id + '/history', {cache: 'no-store'}),
        fetch('/api/people/' + id + '/days', {cache: 'no-store'}),
      ]);
      if (!h.ok || !d.ok) return; // a display without history: the card stays hidden
      const history = await h.json();
      const days = await d.json();
      const r = row(person);
      drawDay(r, history);
      drawTotals(r, days.days[days.days.length - 1]);
      drawWeek(r, days);
      card.hidden = false;
    } catch (e) { /* the node restarts; the next event or minute tries again */ }
  }

  // Several events in a burst make one fetch; the writer has usually stored the change by then.
  function soon(person) {
    clearTimeout(timers.get(person));
    timers.set(person, setTimeout(() => load(person), 400));
  }

  document.addEventListener('onair:person', (e) => soon(e.detail.person));
  function all() {
    fetch('/api/people').then((r) => r.json()).then((list) => list.forEach((p) => load(p.person))).catch(() => {});
  }
  all();
  setInterval(all, 60000);
})();
