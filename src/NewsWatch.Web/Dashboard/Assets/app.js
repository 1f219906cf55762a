// The dashboard. Everything it shows was written by strangers on the web, so it only ever creates elements and
// sets textContent (never innerHTML), links only http(s) addresses, and picks CSS classes from fixed lists.
'use strict';

(() => {
  const STATUSES = ['granted', 'pending', 'denied'];
  // In Azure the API wants a function key; the page passes on the one it was opened with (?code=...) as a header.
  const functionKey = new URLSearchParams(window.location.search).get('code');
  const $ = (id) => document.getElementById(id);
  let nextArticles = null;

  function el(tag, attrs, ...children) {
    const node = document.createElement(tag);
    for (const [name, value] of Object.entries(attrs || {})) {
      if (value === null || value === undefined || value === false) continue;
      if (name === 'text') node.textContent = value;
      else node.setAttribute(name, value === true ? '' : String(value));
    }
    for (const child of children) {
      if (child === null || child === undefined) continue;
      node.append(typeof child === 'string' ? document.createTextNode(child) : child);
    }
    return node;
  }

  function safeHref(url) {
    try {
      const parsed = new URL(url);
      return parsed.protocol === 'https:' || parsed.protocol === 'http:' ? parsed.href : null;
    } catch {
      return null;
    }
  }

  function link(url, text) {
    const href = safeHref(url);
    const label = text || url || '(untitled)';
    return href ? el('a', { href, rel: 'noopener noreferrer nofollow', target: '_blank' }, label) : el('span', null, label);
  }

  function time(value) {
    if (!value) return el('span', null, 'unknown time');
    const d = new Date(value);
    if (Number.isNaN(d.getTime())) return el('span', null, 'unknown time');
    return el('time', { datetime: d.toISOString() }, d.toISOString().slice(0, 16).replace('T', ' ') + ' UTC');
  }

  function badge(status) {
    const known = STATUSES.includes(status) ? status : 'none';
    return el('span', { class: 'badge badge-' + known }, known === 'none' ? 'no approval' : 'approval ' + known);
  }

  function meta(...parts) {
    return el('p', { class: 'meta' }, ...parts.filter(Boolean).map((p) => (typeof p === 'string' ? el('span', null, p) : p)));
  }

  function empty(list, text) {
    list.replaceChildren(el('li', { class: 'empty' }, text));
  }

  async function getJson(path, params) {
    const url = new URL(path, window.location.origin);
    for (const [name, value] of Object.entries(params || {})) {
      if (value) url.searchParams.set(name, value);
    }
    const headers = { Accept: 'application/json' };
    if (functionKey) headers['x-functions-key'] = functionKey;
    const response = await fetch(url, { headers, credentials: 'same-origin' });
    if (!response.ok) throw new Error(path + ' answered HTTP ' + response.status);
    return response.json();
  }

  function filters() {
    const since = $('f-since').value;
    return {
      status: $('f-status').value,
      lang: $('f-lang').value,
      since,
      relevant: $('f-relevant').checked,
    };
  }

  function articleItem(a) {
    const reasons = (a.reasons || []).map((r) => el('li', null, el('strong', null, r.signal || ''), ': ' + (r.detail || '')));
    return el('li', { 'data-key': a.key },
      el('h3', null, a.approval ? badge(a.approval) : null, link(a.url, a.title)),
      meta(a.siteName || hostOf(a.url), time(a.published || a.processedAt), a.language ? 'language ' + a.language : null,
        a.regulator && a.regulator !== 'unspecified' ? 'regulator ' + a.regulator : null,
        a.isRelevant ? 'relevant' : 'not relevant'),
      reasons.length ? el('details', null, el('summary', null, 'Why (' + reasons.length + ' reasons)'), el('ul', null, ...reasons)) : null);
  }

  function hostOf(url) {
    try { return new URL(url).host; } catch { return ''; }
  }

  async function loadArticles(append) {
    const f = filters();
    const list = $('article-list');
    list.setAttribute('aria-busy', 'true');
    const page = await getJson('/api/articles', {
      relevant: f.relevant ? 'true' : '',
      approval: f.status,
      lang: f.lang,
      since: f.since,
      limit: '20',
      continuation: append ? nextArticles : '',
    });
    const items = page.items.map(articleItem);
    if (append) list.append(...items);
    else if (items.length) list.replaceChildren(...items);
    else empty(list, 'No articles match these filters.');
    nextArticles = page.continuation || null;
    $('more').hidden = !nextArticles;
    list.setAttribute('aria-busy', 'false');
  }

  async function loadApprovals() {
    const f = filters();
    const list = $('approval-list');
    const data = await getJson('/api/approvals', { status: f.status });
    const since = f.since ? new Date(f.since + 'T00:00:00Z') : null;
    const items = data.items
      .filter((e) => !since || new Date(e.firstSeen) >= since)
      .map((e) => el('li', { 'data-event': e.eventKey },
        el('h3', null, badge(e.status), e.regulator + ' ' + e.kind.replaceAll('-', ' ')),
        meta('subject ' + e.subject, el('span', null, 'first seen ', time(e.firstSeen)), 'alert ' + e.delivery.state),
        e.evidence ? el('blockquote', null, e.evidence) : null,
        el('ul', { class: 'sources', 'aria-label': 'Sources' },
          ...e.sources.map((s) => el('li', null, link(s.url, s.title), ' (' + (s.outlet || hostOf(s.url)) + ')')))));
    if (items.length) list.replaceChildren(...items);
    else empty(list, 'No approvals recorded for these filters.');
    list.setAttribute('aria-busy', 'false');
  }

  async function loadStories() {
    const f = filters();
    const list = $('story-list');
    const data = await getJson('/api/stories');
    const items = data.items
      .filter((s) => !f.lang || (s.languages || []).includes(f.lang))
      .map((s) => el('li', { 'data-story': s.id },
        el('h3', null, s.title || '(untitled story)'),
        meta(s.sources.length + (s.sources.length === 1 ? ' source' : ' sources'), 'outlets ' + s.outlets.join(', '),
          s.languages.length ? 'languages ' + s.languages.join(', ') : null, el('span', null, 'last seen ', time(s.lastSeen))),
        el('ul', { class: 'sources', 'aria-label': 'Sources' },
          ...s.sources.map((src) => el('li', null, link(src.url, src.title), ' (' + (src.outlet || hostOf(src.url)) + ')')))));
    if (items.length) list.replaceChildren(...items);
    else empty(list, 'No stories for these filters.');
    list.setAttribute('aria-busy', 'false');
  }

  async function loadFeeds() {
    const data = await getJson('/api/feeds');
    const rows = data.items.map((f) => el('tr', null,
      el('th', { scope: 'row' }, f.feedId),
      el('td', null, f.health),
      el('td', null, time(f.lastPolledAt)),
      el('td', null, f.nextAttemptAt ? time(f.nextAttemptAt) : '—'),
      el('td', { class: 'error' }, f.lastError || '—')));
    $('feed-rows').replaceChildren(...rows);
  }

  async function loadAll() {
    const message = $('message');
    message.className = 'message';
    message.textContent = 'Loading…';
    const results = await Promise.allSettled([loadArticles(false), loadApprovals(), loadStories(), loadFeeds()]);
    const failed = results.filter((r) => r.status === 'rejected');
    if (failed.length) {
      message.className = 'message error';
      message.textContent = 'Some parts could not be loaded: ' + failed.map((r) => r.reason.message).join('; ');
    } else {
      message.textContent = 'Updated ' + new Date().toISOString().slice(11, 19) + ' UTC.';
    }
  }

  document.addEventListener('DOMContentLoaded', () => {
    $('filters').addEventListener('submit', (event) => {
      event.preventDefault();
      loadAll();
    });
    $('more').addEventListener('click', () => {
      loadArticles(true).catch((err) => { $('message').textContent = err.message; });
    });
    loadAll();
  });
})();
