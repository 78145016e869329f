// The status page's script: fills the page from ./api/status, live through ./api/events (server-sent
// events), polling every 2 s when those fail. Only textContent is set: nothing from the server becomes HTML.
(function () {
  'use strict';

  var data = JSON.parse(document.getElementById('page-data').textContent);
  var words = data.messages;
  var sentences = data.sentences;
  var offsetMs = 0; // the connector's clock minus this device's
  var current = null;
  var pollTimer = null;

  function $(id) { return document.getElementById(id); }

  function say(key, values) {
    var text = words[key] || key;
    Object.keys(values || {}).forEach(function (name) {
      text = text.split('{' + name + '}').join(String(values[name]));
    });
    return text;
  }

  function show(id, visible) { $(id).hidden = !visible; }

  function setText(id, text) {
    var el = $(id);
    if (el.textContent !== text) { el.textContent = text; }
  }

  // Times from the connector, shown on this device's clock.
  function clock(ms) {
    return new Date(ms - offsetMs).toLocaleTimeString(data.lang, { hour: '2-digit', minute: '2-digit', second: '2-digit' });
  }

  function dateTime(ms) {
    return new Date(ms - offsetMs).toLocaleString(data.lang, { dateStyle: 'short', timeStyle: 'short' });
  }

  function size(bytes) {
    var units = ['B', 'KB', 'MB', 'GB', 'TB'];
    var i = 0;
    var n = bytes;
    while (n >= 1000 && i < units.length - 1) { n /= 1000; i++; }
    return (i === 0 ? n : n.toFixed(1)).toLocaleString(data.lang) + ' ' + units[i];
  }

  function spaced(code) { return code.slice(0, 4) + ' ' + code.slice(4); }

  function renderPairing(p) {
    $('pairing').setAttribute('data-state', p.state);
    setText('pairing-state', say('pairing_' + p.state));
    var unpaired = p.state === 'unpaired' && !!p.code;
    show('pairing-unpaired', unpaired);
    setText('pairing-code', unpaired ? spaced(p.code) : '');
    renderSentence();
    renderValidity();
    show('pairing-more', p.state === 'paired');
    if (p.state === 'paired' || p.linked_accounts !== null) {
      setText('linked-accounts', p.linked_accounts === null
        ? say('linked_unknown') : say('linked_accounts', { n: p.linked_accounts }));
    } else {
      setText('linked-accounts', '');
    }
  }

  function renderSentence() {
    var p = current && current.pairing;
    var locale = $('alexa-locale').value;
    var entry = sentences[locale];
    var el = $('pairing-sentence');
    if (!p || !p.code || !entry) { setText('pairing-sentence', ''); return; }
    el.setAttribute('lang', locale);
    setText('pairing-sentence', entry.sentence.split('{code}').join(spaced(p.code)));
  }

  function renderValidity() {
    var p = current && current.pairing;
    if (!p || !p.code || !p.expires_at_ms) { setText('pairing-valid', ''); return; }
    var left = p.expires_at_ms - (Date.now() + offsetMs);
    var minutes = Math.floor(left / 60000);
    setText('pairing-valid', minutes < 1
      ? say('valid_soon')
      : say('valid_for', { minutes: minutes, time: clock(p.expires_at_ms) }));
  }

  function renderMa(ma) {
    $('ma').setAttribute('data-state', ma.state);
    setText('ma-state', say('ma_' + ma.state));
    show('ma-hint', ma.state !== 'connected');
    setText('ma-url', ma.url || '');
    setText('ma-version', ma.server_version || '–');
  }

  function renderRelay(r) {
    $('relay').setAttribute('data-state', r.state);
    setText('relay-state', say('relay_' + r.state));
    setText('last-heartbeat', r.last_heartbeat_ms === null ? say('heartbeat_none')
      : r.heartbeat_error ? say('heartbeat_failed', { time: clock(r.last_heartbeat_ms), error: r.heartbeat_error })
        : say('heartbeat_ok', { time: clock(r.last_heartbeat_ms) }));
    show('relay-poll', !!r.poll_error);
    setText('relay-poll', r.poll_error ? say('poll_failed', { error: r.poll_error }) : '');
  }

  function renderCommands(commands) {
    var body = $('commands').tBodies[0];
    var rows = document.createDocumentFragment();
    commands.forEach(function (c) {
      var tr = document.createElement('tr');
      tr.className = 'command';
      tr.setAttribute('data-outcome', c.outcome);
      [c.command, c.outcome === 'ok' ? say('outcome_ok') : c.outcome, c.duration_ms + ' ms', clock(c.at_ms)]
        .forEach(function (text, i) {
          var td = document.createElement('td');
          td.textContent = text;
          if (i === 1 && c.outcome !== 'ok') { td.className = 'error'; }
          tr.appendChild(td);
        });
      rows.appendChild(tr);
    });
    while (body.firstChild) { body.removeChild(body.firstChild); }
    body.appendChild(rows);
    show('commands-none', commands.length === 0);
  }

  function renderStream(s) {
    $('stream').setAttribute('data-state', s.state);
    setText('stream-state', say('stream_' + s.state));
    setText('stream-base', s.base || say('stream_base_none'));
    var problem = s.problem;
    setText('stream-problem', problem ? say('problem_' + problem) : '');
    setText('stream-fix', problem ? (words['fix_' + problem] || say('fix_unknown')) : '');
    setText('stream-detail', s.detail || '');
    setText('stream-checked', s.checked_at_ms ? say('stream_checked', { time: clock(s.checked_at_ms) }) : '');
    var button = $('stream-check');
    button.disabled = s.checking;
    setText('stream-check', s.checking ? say('stream_checking') : say('stream_check'));
  }

  function renderCatalog(c) {
    $('catalog').setAttribute('data-state', c.state);
    setText('catalog-state', say('catalog_' + c.state));
    setText('catalog-last', c.last_export_ms ? say('catalog_last', {
      time: dateTime(c.last_export_ms),
      names: c.entities,
      size: size(c.bytes),
      result: c.uploaded ? say('catalog_uploaded', { added: c.added, changed: c.changed, removed: c.removed })
        : say('catalog_unchanged')
    }) : '');
    setText('catalog-error', c.error ? say('catalog_error', { time: dateTime(c.failed_at_ms), error: c.error }) : '');
  }

  function renderCache(c) {
    setText('cache', say('cache_figures', { entries: c.entries, used: size(c.bytes_used), capacity: size(c.capacity_bytes) }));
    setText('cache-hits', say('cache_hits', { hits: c.hits, misses: c.misses }));
  }

  // The Echo list is rebuilt only when it changed, so a focused remove button keeps its focus.
  var shownEcho = null;

  function renderEcho(e) {
    e = e || { editable: false, max: 0, players: [] };
    show('echo-form', e.editable);
    show('echo-readonly', !e.editable && e.players.length > 0);
    show('echo-none', e.players.length === 0);
    var text = JSON.stringify(e);
    if (text === shownEcho) { return; }
    shownEcho = text;
    var list = $('echo-players');
    var items = document.createDocumentFragment();
    e.players.forEach(function (p) {
      var li = document.createElement('li');
      li.className = 'echo-player';
      li.setAttribute('data-key', p.key);
      li.setAttribute('data-connected', String(p.connected));
      li.setAttribute('data-state', p.state);
      [['echo-name', p.name],
        ['echo-connection', say(p.connected ? 'echo_connected' : 'echo_disconnected')],
        ['echo-state', say('echo_state_' + p.state)]].forEach(function (part) {
        var span = document.createElement('span');
        span.className = part[0];
        span.textContent = part[1];
        li.appendChild(span);
      });
      if (e.editable) {
        var button = document.createElement('button');
        button.type = 'button';
        button.className = 'echo-remove';
        button.textContent = say('echo_remove_button');
        button.setAttribute('aria-label', say('echo_remove', { name: p.name }));
        button.addEventListener('click', function () { changeEcho('remove', { key: p.key }, null, false); });
        li.appendChild(button);
      }
      items.appendChild(li);
    });
    while (list.firstChild) { list.removeChild(list.firstChild); }
    list.appendChild(items);
  }

  // A click sooner than the page's one change a second is not lost: the page waits as the server says
  // (Retry-After) and sends it once more.
  function changeEcho(action, body, name, retried) {
    $('echo-add').disabled = true;
    setText('echo-result', '');
    fetch('api/echo-players/' + action, {
      method: 'POST',
      headers: { 'X-Requested-By': 'status-page', 'Content-Type': 'application/json' },
      body: JSON.stringify(body),
      credentials: 'same-origin',
      cache: 'no-store'
    }).then(function (r) {
      if (r.status === 429) {
        setText('echo-result', say('echo_error_wait'));
        if (!retried) {
          var after = parseInt(r.headers.get('Retry-After'), 10);
          after = after > 0 ? Math.min(after, 10) : 1;
          setTimeout(function () { changeEcho(action, body, name, true); }, after * 1000);
        }
        return;
      }
      return r.json().then(function (answer) {
        if (answer.ok) {
          setText('echo-result', action === 'add' ? say('echo_added', { name: name }) : say('echo_removed'));
          if (action === 'add') { $('echo-name').value = ''; }
        } else {
          var max = current && current.echo ? current.echo.max : '';
          setText('echo-result', words['echo_error_' + answer.error]
            ? say('echo_error_' + answer.error, { max: max, name: name || '', other: answer.other || '' })
            : say('echo_error_failed'));
        }
      });
    }).catch(function () {
      setText('echo-result', say('echo_error_failed'));
    }).then(function () {
      $('echo-add').disabled = false;
      if (pollTimer !== null) { poll(); }
    });
  }

  function apply(status) {
    current = status;
    offsetMs = status.generated_at_ms - Date.now();
    setText('version', status.version);
    renderPairing(status.pairing);
    renderMa(status.ma);
    renderRelay(status.relay);
    renderCommands(status.commands);
    renderStream(status.stream);
    renderCatalog(status.catalog);
    renderCache(status.cache);
    renderEcho(status.echo);
    var updated = $('updated');
    updated.setAttribute('datetime', new Date().toISOString());
    setText('updated', clock(Date.now() + offsetMs));
  }

  function live(mode) {
    document.body.setAttribute('data-live', mode);
    setText('live', say('live_' + mode));
  }

  function poll() {
    fetch('api/status', { cache: 'no-store', credentials: 'same-origin' })
      .then(function (r) { if (!r.ok) { throw new Error(String(r.status)); } return r.json(); })
      .then(function (s) { live('polling'); apply(s); })
      .catch(function () { live('offline'); });
  }

  function startPolling() {
    if (pollTimer === null) {
      poll();
      pollTimer = setInterval(poll, 2000);
    }
  }

  function connect() {
    if (!window.EventSource) { startPolling(); return; }
    var source = new EventSource('api/events', { withCredentials: true });
    source.addEventListener('status', function (e) {
      live('sse');
      apply(JSON.parse(e.data));
    });
    source.onerror = function () {
      source.close();
      startPolling();
    };
  }

  function copyCode() {
    var code = current && current.pairing && current.pairing.code;
    if (!code) { return; }
    var done = function () { setText('copy-result', say('copied')); };
    var fallback = function () {
      var range = document.createRange();
      range.selectNodeContents($('pairing-code'));
      var selection = window.getSelection();
      selection.removeAllRanges();
      selection.addRange(range);
      var ok = false;
      try { ok = document.execCommand('copy'); } catch (e) { ok = false; }
      setText('copy-result', ok ? say('copied') : say('copy_failed'));
    };
    if (navigator.clipboard && window.isSecureContext) {
      navigator.clipboard.writeText(code).then(done, fallback);
    } else {
      fallback();
    }
  }

  function checkAgain() {
    var button = $('stream-check');
    button.disabled = true;
    setText('stream-check-result', '');
    fetch('api/stream-check', {
      method: 'POST',
      headers: { 'X-Requested-By': 'status-page' },
      credentials: 'same-origin',
      cache: 'no-store'
    }).then(function (r) {
      if (r.status === 429) { setText('stream-check-result', say('stream_check_wait')); }
      else if (!r.ok) { setText('stream-check-result', say('stream_check_failed')); }
      if (pollTimer !== null) { poll(); }
    }).catch(function () {
      setText('stream-check-result', say('stream_check_failed'));
    }).then(function () {
      button.disabled = !!(current && current.stream.checking);
    });
  }

  var select = $('alexa-locale');
  try {
    var remembered = window.localStorage.getItem('alexa-locale');
    if (remembered && sentences[remembered]) { select.value = remembered; }
  } catch (e) { /* storage may be off */ }
  select.addEventListener('change', function () {
    try { window.localStorage.setItem('alexa-locale', select.value); } catch (e) { /* storage may be off */ }
    renderSentence();
  });
  $('copy-code').addEventListener('click', copyCode);
  $('stream-check').addEventListener('click', checkAgain);
  $('echo-form').addEventListener('submit', function (event) {
    event.preventDefault();
    var name = $('echo-name').value.trim();
    if (name) { changeEcho('add', { name: name }, name); }
  });
  setInterval(renderValidity, 15000);

  live('offline');
  apply(data.status);
  connect();
}());
