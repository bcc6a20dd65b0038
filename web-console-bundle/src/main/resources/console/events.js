'use strict';
/*
 * Live events over Server-Sent Events. The page keeps at most page_buffer_size events and renders at
 * most once per animation frame, so a fast stream costs one DOM update per frame. On first open it
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
  let limit = 1000;
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
      pending.push(JSON.parse(message.data));
      if (pending.length > 2 * limit) {
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
    if (pending.length > limit) {
      pending = pending.slice(pending.length - limit);
    }
    for (const event of pending) {
      fragment.appendChild(eventRow(event));
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

  function eventRow(event) {
    const tr = Console.row([event.timestamp, event.event_type, Console.el('td', event.event_id, 'mono'),
      event.plan_id || '', Console.el('td', JSON.stringify(event.details), 'details mono')], 'event-row');
    tr.dataset.id = event.event_id;
    tr.addEventListener('click', () => {
      for (const s of rows.querySelectorAll('tr.selected')) {
        s.classList.remove('selected');
      }
      tr.classList.add('selected');
      document.getElementById('detail').textContent = JSON.stringify(event, null, 2);
    });
    return tr;
  }

  function showStatus() {
    Console.status((paused ? 'paused, ' + pending.length + ' waiting; ' : 'live; ') + received + ' received, '
      + rate + ' events/s, showing the last ' + Math.min(limit, rows.childElementCount) + ' (buffer ' + limit + ')');
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
