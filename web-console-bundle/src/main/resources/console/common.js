'use strict';
/* Shared helpers of the console pages. Text is always inserted with textContent, never as HTML. */
const Console = (() => {
  const base = '/console/api/';

  async function api(path) {
    const response = await fetch(base + path, { headers: { Accept: 'application/json' }, cache: 'no-store' });
    const body = await response.json();
    if (!response.ok) {
      throw new Error(body.error || ('HTTP ' + response.status));
    }
    return body;
  }

  function el(tag, text, cls) {
    const node = document.createElement(tag);
    if (text !== undefined && text !== null) {
      node.textContent = String(text);
    }
    if (cls) {
      node.className = cls;
    }
    return node;
  }

  function row(cells, cls) {
    const tr = el('tr', null, cls);
    for (const c of cells) {
      tr.appendChild(c instanceof Node ? c : el('td', c));
    }
    return tr;
  }

  function status(text, isError) {
    const node = document.getElementById('status');
    node.textContent = text;
    node.className = 'status' + (isError ? ' error' : '');
  }

  function query(form) {
    const params = new URLSearchParams();
    for (const [name, value] of new FormData(form)) {
      if (String(value).trim() !== '') {
        params.set(name, String(value).trim());
      }
    }
    return params;
  }

  return { api, el, row, status, query };
})();
