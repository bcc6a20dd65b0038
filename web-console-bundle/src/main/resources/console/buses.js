'use strict';
/*
 * Buses: polls /console/api/buses every second, shows each bus with its ranking and counters, marks the
 * bound one, and draws events/s per bus over the last ten minutes from the differences of emitted_total.
 */
(() => {
  const WINDOW_MS = 10 * 60 * 1000;
  const COLORS = ['#0b63c5', '#d9480f', '#2b8a3e', '#862e9c', '#c92a2a', '#5c940d', '#1864ab', '#e67700'];
  const history = new Map();
  let previous = new Map();

  async function poll() {
    try {
      const snapshot = await Console.api('buses');
      show(snapshot);
      record(snapshot);
      draw(snapshot.time);
    } catch (e) {
      Console.status(e.message, true);
    }
  }

  function rateOf(bus, time) {
    const before = previous.get(bus.service_id);
    if (!before || time <= before.time) {
      return null;
    }
    return Math.max(0, (bus.emitted_total - before.emitted) * 1000 / (time - before.time));
  }

  function show(snapshot) {
    const body = document.getElementById('bus-rows');
    body.replaceChildren();
    for (const bus of snapshot.buses) {
      const rate = rateOf(bus, snapshot.time);
      const tr = Console.row([bus.bound ? '★' : '', bus.name, bus.service_id, bus.ranking, bus.bundle,
        bus.emitted_total, rate === null ? '–' : rate.toFixed(1), bus.deliveries, bus.handler_failures, bus.drops,
        bus.subscriptions, bus.stream_subscribers], bus.bound ? 'bus-row bound' : 'bus-row');
      tr.dataset.name = bus.name;
      tr.dataset.bound = String(bus.bound);
      body.appendChild(tr);
    }
    const bound = snapshot.buses.find(b => b.bound);
    Console.status(snapshot.buses.length + ' bus(es); consumers are bound to '
      + (bound ? bound.name + ' (service ' + bound.service_id + ')' : 'none') + '; updated '
      + new Date(snapshot.time).toLocaleTimeString());
    const sources = document.getElementById('source-rows');
    sources.replaceChildren();
    for (const source of snapshot.sources) {
      for (const [name, value] of Object.entries(source.metrics)) {
        sources.appendChild(Console.row([source.name, name, value]));
      }
    }
  }

  function record(snapshot) {
    const next = new Map();
    for (const bus of snapshot.buses) {
      const rate = rateOf(bus, snapshot.time);
      const key = bus.name + ' (' + bus.service_id + ')';
      if (!history.has(key)) {
        history.set(key, []);
      }
      if (rate !== null) {
        history.get(key).push({ time: snapshot.time, rate });
      }
      next.set(bus.service_id, { time: snapshot.time, emitted: bus.emitted_total });
    }
    previous = next;
    for (const points of history.values()) {
      while (points.length && points[0].time < snapshot.time - WINDOW_MS) {
        points.shift();
      }
    }
  }

  function draw(now) {
    const canvas = document.getElementById('chart');
    const g = canvas.getContext('2d');
    const w = canvas.width;
    const h = canvas.height;
    const left = 60;
    const bottom = h - 24;
    g.clearRect(0, 0, w, h);
    let max = 1;
    for (const points of history.values()) {
      for (const p of points) {
        max = Math.max(max, p.rate);
      }
    }
    max = niceCeiling(max);
    g.strokeStyle = '#d8dde3';
    g.fillStyle = '#5b6673';
    g.font = '12px system-ui, sans-serif';
    for (let i = 0; i <= 4; i++) {
      const y = bottom - (bottom - 10) * i / 4;
      g.beginPath();
      g.moveTo(left, y);
      g.lineTo(w - 10, y);
      g.stroke();
      g.fillText(String(Math.round(max * i / 4)), 4, y + 4);
    }
    for (let m = 0; m <= 10; m += 2) {
      const x = left + (w - 10 - left) * (1 - m / 10);
      g.fillText(m === 0 ? 'now' : '-' + m + ' min', x - 14, h - 6);
    }
    const legend = [];
    let i = 0;
    for (const [key, points] of history) {
      const color = COLORS[i++ % COLORS.length];
      legend.push(key + ': ' + color);
      g.strokeStyle = color;
      g.lineWidth = 2;
      g.beginPath();
      points.forEach((p, n) => {
        const x = left + (w - 10 - left) * (1 - (now - p.time) / WINDOW_MS);
        const y = bottom - (bottom - 10) * p.rate / max;
        if (n === 0) {
          g.moveTo(x, y);
        } else {
          g.lineTo(x, y);
        }
      });
      g.stroke();
      g.lineWidth = 1;
    }
    document.getElementById('legend').textContent = 'lines: ' + legend.join(' · ');
  }

  function niceCeiling(value) {
    const power = Math.pow(10, Math.floor(Math.log10(value)));
    for (const step of [1, 2, 5, 10]) {
      if (value <= step * power) {
        return step * power;
      }
    }
    return 10 * power;
  }

  poll();
  setInterval(poll, 1000);
})();
