'use strict';
/*
 * Live events over Server-Sent Events. The page keeps at most page_buffer_size rows and draws at most
 * once per animation frame, at most MAX_PER_FRAME new rows (the newest), so a fast stream costs one
 * bounded DOM update per frame and the page keeps answering; what is not drawn is counted. On first open it
 * remembers the time (sessionStorage); every later load asks the journal for the events since then, and
 * a dropped connection resumes by Last-Event-ID: a reload loses nothing.
 */
(() => {
  const DOMAINS = ['plan', 'decision', 'actor', 'tool', 'resource', 'sandbox', 'validation', 'session', 'budget',
    'invariant', 'context'];
  const rows = document.getElementById('rows');
  const scroll = document.getElementById('scroll');
  const form = document.getElementById('filters');
  const pauseButton = document.getElementById('pause');
  const params = new URLSearchParams(location.search);
  const MAX_PER_FRAME = 100;
  let limit = 1000;
  let skipped = 0;
  let burst = 0;
  let pending = [];
  let paused = false;
  let received = 0;
  let source = null;
  let frame = 0;
  let rateCount = 0;
  let rate = 0;
  let lastId = null;
  let retry = 0;

  let since = sessionStorage.getItem('console.since') || new Date().toISOString();
  sessionStorage.setItem('console.since', since);

  for (const d of DOMAINS) {
    document.getElementById('domain').appendChild(Console.el('option', d + '.*'));
  }
  document.getElementById('domain').addEventListener('change', e => {
    document.getElementById('types').value = e.target.value;
  });
  document.getElementById('types').value = params.get('types') || '';
  document.getElementById('plan').value = params.get('plan') || '';

  function connect() {
    if (source) {
      source.close();
    }
    const query = Console.query(form);
    query.set('from', since);
    if (lastId) {
      query.set('last_event_id', lastId);
    }
    history.replaceState(null, '', '?' + Console.query(form).toString());
    source = new EventSource('/console/api/events?' + query.toString());
    source.onopen = () => showStatus();
    source.onerror = () => {
      Console.status('disconnected: reconnecting (resumes after the last event received)', true);
      if (source.readyState === EventSource.CLOSED && !retry) {
        retry = setTimeout(() => {
          retry = 0;
          connect();
        }, 3000);
      }
    };
    source.onmessage = message => {
      received++;
      lastId = message.lastEventId;
      rateCount++;
      pending.push(message.data);
      if (pending.length > 2 * limit) {
        skipped += pending.length - limit;
        pending = pending.slice(pending.length - limit);
      }
      schedule();
    };
  }

  function schedule() {
    if (!paused && !frame) {
      frame = requestAnimationFrame(render);
    }
  }

  function render() {
    frame = 0;
    const atBottom = scroll.scrollTop + scroll.clientHeight >= scroll.scrollHeight - 4;
    const fragment = document.createDocumentFragment();
    const most = Math.max(burst, MAX_PER_FRAME);
    burst = 0;
    if (pending.length > most) {
      skipped += pending.length - most;
      pending = pending.slice(pending.length - most);
    }
    for (const data of pending) {
      fragment.appendChild(eventRow(data));
    }
    pending = [];
    rows.appendChild(fragment);
    while (rows.childElementCount > limit) {
      rows.firstElementChild.remove();
    }
    if (atBottom) {
      scroll.scrollTop = scroll.scrollHeight;
    }
    showStatus();
  }

  function eventRow(data) {
    const event = JSON.parse(data);
    const tr = Console.row([event.timestamp, event.event_type, Console.el('td', event.event_id, 'mono'),
      event.plan_id || '', Console.el('td', JSON.stringify(event.details), 'details mono')], 'event-row');
    tr.dataset.id = event.event_id;
    tr.dataset.json = data;
    return tr;
  }

  rows.addEventListener('click', e => {
    const tr = e.target.closest('tr.event-row');
    if (!tr) {
      return;
    }
    for (const s of rows.querySelectorAll('tr.selected')) {
      s.classList.remove('selected');
    }
    tr.classList.add('selected');
    document.getElementById('detail').textContent = JSON.stringify(JSON.parse(tr.dataset.json), null, 2);
  });

  function showStatus() {
    Console.status((paused ? 'paused, ' + pending.length + ' waiting; ' : 'live; ') + received + ' received, '
      + rate + ' events/s, showing the last ' + Math.min(limit, rows.childElementCount) + ' (buffer ' + limit + ')'
      + (skipped ? '; ' + skipped + ' passed too fast to draw (all are in the journal)' : ''));
  }

  setInterval(() => {
    rate = rateCount;
    rateCount = 0;
    if (paused || !frame) {
      showStatus();
    }
  }, 1000);

  form.addEventListener('submit', e => {
    e.preventDefault();
    lastId = null;
    rows.replaceChildren();
    pending = [];
    connect();
  });
  pauseButton.addEventListener('click', () => {
    paused = !paused;
    burst = paused ? 0 : limit;
    pauseButton.textContent = paused ? 'Resume' : 'Pause';
    schedule();
    showStatus();
  });
  document.getElementById('clear').addEventListener('click', () => {
    since = new Date().toISOString();
    sessionStorage.setItem('console.since', since);
    rows.replaceChildren();
  });

  Console.api('settings').then(settings => {
    limit = settings.page_buffer_size;
    connect();
  }).catch(e => Console.status(e.message, true));
})();
