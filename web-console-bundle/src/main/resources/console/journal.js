'use strict';
/* Journal: search by id, types, plan and time range; verify the whole journal; download as JSON Lines. */
(() => {
  const form = document.getElementById('search');
  const download = document.getElementById('download');

  function sync() {
    const params = Console.query(form);
    params.delete('limit');
    download.href = '/console/api/journal/download?' + params.toString();
  }

  form.addEventListener('input', sync);
  form.addEventListener('submit', async e => {
    e.preventDefault();
    sync();
    try {
      const { events, truncated } = await Console.api('journal?' + Console.query(form).toString());
      const body = document.getElementById('rows');
      body.replaceChildren();
      for (const event of events) {
        const tr = Console.row([event.timestamp, event.event_type, Console.el('td', event.event_id, 'mono'),
          event.plan_id || '', Console.el('td', JSON.stringify(event.details), 'details mono')], 'journal-row');
        tr.dataset.id = event.event_id;
        body.appendChild(tr);
      }
      Console.status(events.length + ' event(s)' + (truncated ? ', more match: narrow the search or raise the limit' : ''));
    } catch (err) {
      Console.status(err.message, true);
    }
  });
  document.getElementById('verify').addEventListener('click', async () => {
    const report = document.getElementById('report');
    Console.status('verifying the whole journal…');
    try {
      const r = await Console.api('journal/verify');
      report.hidden = false;
      report.className = r.clean ? 'ok' : 'error';
      report.textContent = r.summary + (r.problems.length ? '\n' + r.problems.map(p =>
        p.kind + ' ' + p.segment + (p.offset >= 0 ? ' @' + p.offset : '') + ': ' + p.detail).join('\n') : '');
      Console.status('verified');
    } catch (err) {
      Console.status(err.message, true);
    }
  });
  sync();
})();
