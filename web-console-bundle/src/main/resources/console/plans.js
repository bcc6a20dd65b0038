'use strict';
/* Plans and decisions: the retained plans; a plan's fields, phase timeline (from its events) and decisions. */
(() => {
  let selected = new URLSearchParams(location.search).get('plan');

  async function list() {
    try {
      const { plans } = await Console.api('plans');
      const body = document.getElementById('plan-rows');
      body.replaceChildren();
      for (const plan of plans) {
        const tr = Console.row([Console.el('td', plan.plan_id, 'mono'), plan.action_name, plan.phase, plan.updated_at],
          plan.plan_id === selected ? 'plan-row selected' : 'plan-row');
        tr.dataset.id = plan.plan_id;
        tr.addEventListener('click', () => {
          selected = plan.plan_id;
          history.replaceState(null, '', '?plan=' + encodeURIComponent(selected));
          list();
        });
        body.appendChild(tr);
      }
      Console.status(plans.length + ' plan(s) retained');
      if (selected) {
        await detail(selected);
      }
    } catch (e) {
      Console.status(e.message, true);
    }
  }

  async function detail(id) {
    const { plan, decisions, timeline } = await Console.api('plans/' + encodeURIComponent(id));
    document.getElementById('detail-title').textContent = 'Plan ' + plan.plan_id + ' · ' + plan.phase;
    document.getElementById('plan-fields').textContent = JSON.stringify(plan, null, 2);
    const steps = document.getElementById('timeline');
    steps.replaceChildren();
    for (const event of timeline) {
      const li = Console.el('li');
      li.appendChild(Console.el('span', event.timestamp, 'when'));
      const d = event.details || {};
      const what = event.event_type === 'plan.phase_changed'
        ? (d.from_phase || d.from || '?') + ' → ' + (d.to_phase || d.to || '?')
        : event.event_type + (d.reason ? ': ' + d.reason : '');
      li.appendChild(Console.el('span', what));
      steps.appendChild(li);
    }
    if (!timeline.length) {
      steps.appendChild(Console.el('li', 'no events of this plan in the journal'));
    }
    const body = document.getElementById('decision-rows');
    body.replaceChildren();
    for (const d of decisions) {
      body.appendChild(Console.row([Console.el('td', d.decision_id, 'mono'), d.decision_type, d.question,
        d.chosen_option, d.status, d.recorded_at]));
    }
  }

  list();
  setInterval(list, 3000);
})();
