// The live operations page: one WebSocket for the whole view, REST for filters, timelines and dead letters.
'use strict';

const STAGE_NAMES = {
  ALL: 'received (all)', RECEIVED: 'waiting for a reviewer', INELIGIBLE: 'ineligible', DEFERRED: 'deferred',
  ASSIGNED: 'assigned', DECIDED: 'decided', LETTER_ISSUED: 'letter issued', WITHDRAWN: 'withdrawn (no letter)'
};
const HISTORY = 60;                       // updates kept for each stage's sparkline
const history = {};
const seenTypes = new Set();
let feedPaused = false;
let heldFeed = null;                      // the newest feed while paused
let latestFeed = [];
let dueOrder = 'SOONEST_FIRST';
let lastUpdate = null;

const $ = (id) => document.getElementById(id);
const text = (value) => value === null || value === undefined ? '–' : String(value);
const shortType = (type) => type.replace(/^org\.imrflow\./, '').replace(/\.v\d+$/, '');
const time = (iso) => iso ? new Date(iso).toLocaleTimeString([], {hour12: false}) + '.' + String(new Date(iso).getMilliseconds()).padStart(3, '0') : '–';
const perMinute = (rate) => rate === null || rate === undefined ? '–' : rate.toFixed(1);

function cell(row, value, className) {
  const td = row.insertCell();
  td.textContent = text(value);
  if (className) td.className = className;
  return td;
}

function replaceRows(tbody, items, fill, empty) {
  tbody.replaceChildren();
  if (items.length === 0 && empty) {
    const td = tbody.insertRow().insertCell();
    td.colSpan = tbody.parentElement.tHead.rows[0].cells.length;
    td.className = 'muted';
    td.textContent = empty;
  }
  items.forEach((item) => fill(tbody.insertRow(), item));
}

async function getJson(url, options) {
  // X-Requested-With: the services refuse a signed-in page's call that changes something without it (forgery)
  const response = await fetch(url, Object.assign({credentials: 'same-origin',
    headers: {Accept: 'application/json', 'X-Requested-With': 'JavaScript'}}, options));
  if (!response.ok) {
    let detail = response.statusText;
    try { detail = (await response.json()).detail || detail; } catch (ignored) { /* not problem+json */ }
    throw new Error(response.status + ' ' + detail);
  }
  return response.json();
}

// --- pipeline ---------------------------------------------------------------------------------------------------
function renderPipeline(pipeline) {
  $('rate-window').textContent = 'rates per minute over the last ' + Math.round(parseDuration(pipeline.window) / 60) + ' min';
  const stages = [pipeline.received, ...pipeline.stages];
  $('stages').replaceChildren(...stages.map((stage) => {
    const points = (history[stage.stage] = (history[stage.stage] || []).concat(stage.count).slice(-HISTORY));
    const li = document.createElement('li');
    li.dataset.stage = stage.stage;
    li.innerHTML = '<div class="name"></div><div class="count"></div><div class="rates"></div>' + sparkline(points);
    li.querySelector('.name').textContent = STAGE_NAMES[stage.stage] || stage.stage.toLowerCase();
    li.querySelector('.count').textContent = stage.count;
    li.querySelector('.rates').textContent = 'in ' + perMinute(stage.inPerMinute)
      + (stage.outPerMinute === null ? '' : ' · out ' + perMinute(stage.outPerMinute));
    return li;
  }));
}

function sparkline(points) {
  const max = Math.max(1, ...points);
  const step = 100 / Math.max(1, HISTORY - 1);
  const start = HISTORY - points.length;
  const coordinates = points.map((p, i) => ((start + i) * step).toFixed(1) + ',' + (27 - (p / max) * 25).toFixed(1)).join(' ');
  return '<svg viewBox="0 0 100 28" preserveAspectRatio="none" aria-hidden="true"><polyline points="' + coordinates + '"/></svg>';
}

function parseDuration(iso) {                 // PT5M, PT30S, PT1H
  const m = /^PT(?:(\d+)H)?(?:(\d+)M)?(?:([\d.]+)S)?$/.exec(iso || '');
  return m ? (+(m[1] || 0)) * 3600 + (+(m[2] || 0)) * 60 + (+(m[3] || 0)) : 300;
}

// --- feed -------------------------------------------------------------------------------------------------------
function feedFilter() {
  return {type: $('feed-type').value, caseNumber: $('feed-case').value.trim().toUpperCase()};
}

function renderFeed(events) {
  events.forEach((e) => {
    if (!seenTypes.has(e.eventType)) {
      seenTypes.add(e.eventType);
      $('feed-type').add(new Option(shortType(e.eventType), e.eventType));
    }
  });
  if (feedPaused) {
    heldFeed = events;
    $('feed-held').textContent = 'paused; newer events are held';
    return;
  }
  latestFeed = events;
  const f = feedFilter();
  if (f.type || f.caseNumber) {
    refreshFilteredFeed();                    // a filtered feed is read from REST, at most once per update
    return;
  }
  showFeed(events);
}

function showFeed(events) {
  replaceRows($('feed').tBodies[0], events, (row, e) => {
    row.dataset.caseNumber = e.caseNumber;
    cell(row, time(e.occurredAt));
    cell(row, shortType(e.eventType));
    cell(row, e.caseNumber);
    cell(row, e.source);
    cell(row, e.summary, 'facts');
  }, 'No event yet');
}

let filterTimer = null;
async function refreshFilteredFeed() {
  const f = feedFilter();
  if (!f.type && !f.caseNumber) {
    showFeed(latestFeed);
    return;
  }
  const query = new URLSearchParams({size: '50'});
  if (f.type) query.set('type', f.type);
  if (f.caseNumber) query.set('caseNumber', f.caseNumber);
  try {
    showFeed((await getJson('/api/operations/events?' + query)).items);
  } catch (e) {
    showFeed([]);
    $('feed-held').textContent = 'Could not filter: ' + e.message;
  }
}

// --- clocks and reviewers ------------------------------------------------------------------------------------------
function renderClocks(clocks) {
  const age = clocks.determinationAge;
  $('clock-figures').textContent = clocks.overdue + ' overdue · ' + clocks.dueSoon + ' due in the next '
    + clocks.dueWithinDays + ' days · complete records to determination over the last ' + clocks.ageWindowDays
    + ' days: average ' + text(age.averageDays) + ' d, 90th percentile ' + text(age.p90Days) + ' d (' + age.cases + ' cases)';
  replaceRows($('clocks').tBodies[0], clocks.cases.items, (row, c) => {
    if (c.overdue) row.className = 'overdue';
    cell(row, c.caseNumber);
    cell(row, STAGE_NAMES[c.stage] || c.stage);
    cell(row, c.reviewerId);
    cell(row, c.clockStartedAt ? new Date(c.clockStartedAt).toLocaleDateString() : null);
    cell(row, c.determinationDueDate);
    cell(row, c.daysLeft);
  }, 'No open case is due within ' + clocks.dueWithinDays + ' days');
}

async function reorderClocks() {
  dueOrder = dueOrder === 'SOONEST_FIRST' ? 'LATEST_FIRST' : 'SOONEST_FIRST';
  $('due-order').textContent = dueOrder === 'SOONEST_FIRST' ? 'Due ▲' : 'Due ▼';
  renderClocks(await getJson('/api/operations/clocks?size=20&order=' + dueOrder));
}

function renderReviewers(reviewers) {
  replaceRows($('reviewers').tBodies[0], reviewers, (row, r) => {
    cell(row, r.reviewerId);
    cell(row, r.openCases);
    cell(row, r.decidedCases);
    cell(row, r.averageDaysToDecide);
    cell(row, r.declinedOffers);
    cell(row, r.averageHoursToAccept);
  }, 'No reviewer has a case yet');
}

// --- the spine ------------------------------------------------------------------------------------------------------
function renderSpine(spine) {
  $('spine-checked').textContent = 'checked ' + time(spine.checkedAt);
  $('spine').replaceChildren(...spine.services.map((s) => {
    const card = document.createElement('article');
    card.className = 'card';
    card.dataset.service = s.service;
    card.innerHTML = '<h3><span class="service"></span><span class="badge"></span></h3><dl></dl><table><thead>'
      + '<tr><th>Consumer group · topic</th><th>Part.</th><th>Lag</th></tr></thead><tbody></tbody></table>';
    card.querySelector('.service').textContent = s.service;
    const badge = card.querySelector('.badge');
    badge.textContent = s.readiness;
    badge.classList.add(s.readiness);
    if (s.problem) badge.title = s.problem;
    const dl = card.querySelector('dl');
    const figure = (label, value) => {
      const dt = document.createElement('dt'); dt.textContent = label;
      const dd = document.createElement('dd'); dd.append(value);
      dl.append(dt, dd);
    };
    figure('outbox backlog', text(s.outboxUnsent));
    figure('oldest unsent', s.outboxOldestUnsentAgeSeconds === null ? '–' : s.outboxOldestUnsentAgeSeconds + ' s');
    figure('parked', text(s.outboxParked));
    const letters = document.createElement('a');
    letters.href = '#dead-letters';
    letters.textContent = text(s.deadLetters);
    letters.addEventListener('click', (event) => { event.preventDefault(); showDeadLetters(s.service); });
    figure('dead letters', letters);
    const rows = [];
    s.consumerGroups.forEach((g) => g.partitions.forEach((p) => rows.push({group: g.group, ...p})));
    replaceRows(card.querySelector('tbody'), rows, (row, p) => {
      cell(row, p.group.replace(s.service, '…') + ' · ' + p.topic.replace(/^imr\./, ''));
      cell(row, p.partition);
      cell(row, p.lag, p.lag > 0 ? 'lagging' : null);
    }, 'no committed offsets yet');
    return card;
  }));
}

async function showDeadLetters(service) {
  const box = $('dead-letters');
  box.hidden = false;
  $('dead-letter-service').textContent = service;
  const tbody = box.querySelector('tbody');
  try {
    const page = await getJson('/api/operations/dead-letters/' + encodeURIComponent(service) + '?replayed=false&size=50');
    replaceRows(tbody, page.items, (row, d) => {
      cell(row, d.id);
      cell(row, d.eventType ? shortType(d.eventType) : d.topic);
      cell(row, d.caseNumber);
      cell(row, d.reason, 'facts');
      cell(row, d.deadLetteredAt ? new Date(d.deadLetteredAt).toLocaleString() : null);
      const button = document.createElement('button');
      button.textContent = 'Replay';
      button.addEventListener('click', async () => {
        button.disabled = true;
        try {
          await getJson('/api/operations/dead-letters/' + encodeURIComponent(service) + '/' + d.id + '/replay', {method: 'POST', headers: {Accept: 'application/json', 'Content-Type': 'application/json', 'X-Requested-With': 'JavaScript'}});
          showDeadLetters(service);
        } catch (e) {
          button.replaceWith(Object.assign(document.createElement('span'), {className: 'error', textContent: e.message}));
        }
      });
      row.insertCell().append(button);
    }, 'No dead letter waits for a replay');
  } catch (e) {
    replaceRows(tbody, [], () => {}, 'Could not read the dead letters: ' + e.message);
  }
}

// --- deliveries and the public archive ----------------------------------------------------------------------------
const DELIVERIES_EVERY_MS = 10000;

async function refreshDeliveries() {
  try {
    const [failed, holds] = await Promise.all([getJson('/api/deliveries?status=FAILED&size=20'),
      getJson('/api/operations/archive-holds')]);
    $('delivery-figures').textContent = failed.total + ' failed deliver' + (failed.total === 1 ? 'y' : 'ies') + ' · '
      + holds.length + ' public cop' + (holds.length === 1 ? 'y' : 'ies') + ' held back';
    $('delivery-figures').className = 'figures' + (failed.total + holds.length > 0 ? ' lagging' : '');
    replaceRows($('failed-deliveries').tBodies[0], failed.items, (row, d) => {
      cell(row, d.caseNumber);
      cell(row, d.party);
      cell(row, d.channel);
      cell(row, d.attempts);
      cell(row, d.lastError, 'facts');
      const button = document.createElement('button');
      button.textContent = 'Redeliver';
      button.disabled = !d.target;
      button.addEventListener('click', async () => {
        button.disabled = true;
        try {
          await getJson('/api/deliveries/' + d.deliveryId + '/redelivery', {method: 'POST'});
          refreshDeliveries();
        } catch (e) {
          button.replaceWith(Object.assign(document.createElement('span'), {className: 'error', textContent: e.message}));
        }
      });
      row.insertCell().append(button);
    }, 'Every delivery went out or is still being tried');
    replaceRows($('archive-holds').tBodies[0], holds, (row, h) => {
      cell(row, h.caseNumber);
      cell(row, new Date(h.heldAt).toLocaleString());
      cell(row, h.leakedKinds.join(', '), 'facts');
    }, 'Every Final Determination was published');
    $('deliveries-checked').textContent = 'checked ' + new Date().toLocaleTimeString([], {hour12: false});
  } catch (e) {
    $('delivery-figures').textContent = 'Could not read the deliveries: ' + e.message;
  }
}

// --- timeline ----------------------------------------------------------------------------------------------------
async function showTimeline(event) {
  event.preventDefault();
  const caseNumber = $('timeline-case').value.trim().toUpperCase();
  const tbody = $('timeline').tBodies[0];
  try {
    const timeline = await getJson('/api/operations/cases/' + encodeURIComponent(caseNumber) + '/timeline');
    $('timeline-stage').textContent = caseNumber + ': ' + (STAGE_NAMES[timeline.stage] || timeline.stage || 'no stage yet');
    replaceRows(tbody, timeline.events, (row, t) => {
      cell(row, new Date(t.event.occurredAt).toLocaleString([], {hour12: false}));
      cell(row, t.millisSincePrevious === null ? '' : gap(t.millisSincePrevious));
      cell(row, shortType(t.event.eventType));
      cell(row, t.event.source);
      cell(row, t.event.reviewerId);
      cell(row, t.event.summary, 'facts');
    });
  } catch (e) {
    $('timeline-stage').textContent = '';
    replaceRows(tbody, [], () => {}, e.message);
  }
}

function gap(millis) {
  if (millis < 1000) return '+' + millis + ' ms';
  if (millis < 120000) return '+' + (millis / 1000).toFixed(1) + ' s';
  if (millis < 7200000) return '+' + Math.round(millis / 60000) + ' min';
  if (millis < 172800000) return '+' + (millis / 3600000).toFixed(1) + ' h';
  return '+' + (millis / 86400000).toFixed(1) + ' d';
}

// --- the socket ------------------------------------------------------------------------------------------------------
function render(update) {
  lastUpdate = update;
  $('updated').textContent = time(update.at);
  renderPipeline(update.pipeline);
  renderFeed(update.feed);
  if (dueOrder === 'SOONEST_FIRST') renderClocks(update.clocks);
  renderReviewers(update.reviewers);
  renderSpine(update.spine);
}

let retryDelay = 1000;
function connect() {
  const socket = new WebSocket((location.protocol === 'https:' ? 'wss://' : 'ws://') + location.host + '/api/operations/live');
  const status = $('connection');
  socket.onopen = () => { status.dataset.state = 'live'; status.textContent = 'live'; retryDelay = 1000; };
  socket.onmessage = (message) => render(JSON.parse(message.data));
  socket.onclose = () => {
    status.dataset.state = 'closed';
    status.textContent = 'disconnected; retrying';
    setTimeout(connect, retryDelay);
    retryDelay = Math.min(retryDelay * 2, 30000);
  };
}

document.addEventListener('DOMContentLoaded', () => {
  $('feed-pause').addEventListener('click', () => {
    feedPaused = !feedPaused;
    $('feed-pause').textContent = feedPaused ? 'Resume' : 'Pause';
    $('feed-pause').setAttribute('aria-pressed', String(feedPaused));
    if (!feedPaused) {
      $('feed-held').textContent = '';
      if (heldFeed) renderFeed(heldFeed);
      heldFeed = null;
      refreshFilteredFeed();
    }
  });
  $('feed-type').addEventListener('change', refreshFilteredFeed);
  $('feed-case').addEventListener('input', () => { clearTimeout(filterTimer); filterTimer = setTimeout(refreshFilteredFeed, 300); });
  $('feed-filters').addEventListener('submit', (event) => event.preventDefault());
  $('due-order').addEventListener('click', reorderClocks);
  $('timeline-form').addEventListener('submit', showTimeline);
  connect();
  refreshDeliveries();
  setInterval(refreshDeliveries, DELIVERIES_EVERY_MS);
});
