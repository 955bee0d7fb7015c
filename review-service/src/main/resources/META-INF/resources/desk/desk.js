// The reviewer's desk: REST for the state, one WebSocket for "something changed" (docs/reviewer-desk.md).
'use strict';

const LEVELS = [                                   // the evidence hierarchy, strongest first (EvidenceLevel)
  ['MTUS', 'MTUS'],
  ['PEER_REVIEWED_EVIDENCE', 'Peer-reviewed scientific and medical evidence'],
  ['NATIONAL_PROFESSIONAL_STANDARDS', 'Nationally recognized professional standards'],
  ['EXPERT_OPINION', 'Expert opinion'],
  ['GENERALLY_ACCEPTED_STANDARDS', 'Generally accepted standards of medical practice'],
  ['LIKELY_BENEFICIAL_WHEN_OTHERS_INEFFECTIVE', 'Treatments likely to help when others are not effective']
];
const LEVEL_NAMES = Object.fromEntries(LEVELS);
const SHORT_LEVEL = (level) => level === 'MTUS' ? 'MTUS' : LEVEL_NAMES[level].toLowerCase();
const REASONS = {CONFLICT_IN_RECORDS: 'Conflict of interest in the records', UNAVAILABLE: 'Unavailable'};
const AUTOSAVE_AFTER_MS = 1500;
const MAX_BACK_OFF_MS = 30000;
const ENDS_THE_CASE = ['OFFER_WITHDRAWN', 'DECLINED', 'TIMED_OUT', 'CASE_WITHDRAWN', 'DECIDED'];

const $ = (id) => document.getElementById(id);
const el = (tag, props, ...children) => {
  const node = Object.assign(document.createElement(tag), props || {});
  children.flat().forEach((child) => child !== null && child !== undefined && node.append(child));
  return node;
};
const today = () => new Intl.DateTimeFormat('en-CA', {timeZone: 'America/Los_Angeles'}).format(new Date());
const when = (iso) => iso ? new Date(iso).toLocaleString([], {dateStyle: 'medium', timeStyle: 'short'}) : '–';
const clock = (date) => date.toLocaleTimeString([], {hour12: false});

let lastSeq = 0;
let openCase = null;          // the review shown, as GET /api/reviews/{caseNumber} answered
let worksheetCase = null;     // the case the worksheet is built for
let revision = 0;             // the draft's revision the worksheet is based on
let dirty = false;            // edits not saved yet
let saveTimer = null;
let saving = Promise.resolve();
let refreshTimer = null;
let knownOffers = null;       // case numbers of the offers shown, to announce new ones

// --- REST -------------------------------------------------------------------------------------------------------
class Problem extends Error {
  constructor(status, body) {
    super((body && (body.detail || body.title)) || ('HTTP ' + status));
    this.status = status;
    this.body = body || {};
  }
}

async function call(method, url, body, accept) {
  const headers = {Accept: accept || 'application/json', 'X-Requested-With': 'JavaScript'};
  if (body !== undefined) headers['Content-Type'] = 'application/json';
  const response = await fetch(url, {method, headers, credentials: 'same-origin',
    body: body === undefined ? undefined : JSON.stringify(body)});
  if (response.status === 499 || response.status === 401) {   // the session ended: sign in again
    location.reload();
    throw new Problem(response.status);
  }
  if (!response.ok) {
    let problem = null;
    try { problem = await response.json(); } catch (ignored) { /* not problem+json */ }
    throw new Problem(response.status, problem);
  }
  return (accept || '').startsWith('text/') ? response.text() : response.json();
}

const reviews = (status) => call('GET', '/api/reviews?status=' + status + '&size=100').then((page) => page.items);
const review = (caseNumber) => call('GET', '/api/reviews/' + encodeURIComponent(caseNumber));
const path = (caseNumber, what) => '/api/reviews/' + encodeURIComponent(caseNumber) + '/' + what;

function say(text) {
  $('desk-message').textContent = text;
}

// --- the lists --------------------------------------------------------------------------------------------------
async function refreshLists() {
  try {
    const [offers, mine] = await Promise.all([reviews('OFFERED'), reviews('ACCEPTED')]);
    renderOffers(offers);
    renderMyCases(mine);
  } catch (e) {
    say('Could not read the desk: ' + e.message);
  }
}

function refreshSoon() {
  clearTimeout(refreshTimer);
  refreshTimer = setTimeout(refreshLists, 200);
}

function dueText(r) {
  return r.determinationDueDate ? 'due ' + r.determinationDueDate : 'clock not started';
}

function renderOffers(offers) {
  const list = $('offers');
  const focusedCase = document.activeElement && document.activeElement.closest('#offers li')
    ? document.activeElement.closest('#offers li').dataset.caseNumber : null;
  list.replaceChildren(...offers.map(offerItem));
  $('offers-empty').hidden = offers.length > 0;
  const shown = new Set(offers.map((o) => o.caseNumber));
  if (knownOffers !== null) {
    const fresh = offers.filter((o) => !knownOffers.has(o.caseNumber)).map((o) => o.caseNumber);
    if (fresh.length) $('offers-news').textContent = 'New offer' + (fresh.length > 1 ? 's: ' : ': ') + fresh.join(', ');
  }
  knownOffers = shown;
  if (focusedCase && shown.has(focusedCase)) list.querySelector('[data-case-number="' + focusedCase + '"] button.accept').focus();
}

function offerItem(offer) {
  const id = 'decline-reason-' + offer.caseNumber;
  const reason = el('select', {id, className: 'decline-reason'},
    el('option', {value: '', textContent: 'Choose a reason…'}),
    Object.entries(REASONS).map(([value, text]) => el('option', {value, textContent: text})));
  const accept = el('button', {type: 'button', className: 'accept', textContent: 'Accept'});
  const decline = el('button', {type: 'button', className: 'decline', textContent: 'Decline'});
  const view = el('button', {type: 'button', className: 'link open', textContent: offer.caseNumber,
    title: 'Read the case file before answering'});
  accept.setAttribute('aria-label', 'Accept case ' + offer.caseNumber);
  decline.setAttribute('aria-label', 'Decline case ' + offer.caseNumber);
  accept.addEventListener('click', () => answer(offer.caseNumber, 'acceptance', undefined, accept));
  decline.addEventListener('click', () => {
    if (!reason.value) {
      say('Choose why you decline case ' + offer.caseNumber + '.');
      reason.focus();
      return;
    }
    answer(offer.caseNumber, 'decline', {reason: reason.value}, decline);
  });
  view.addEventListener('click', () => showCase(offer.caseNumber));
  const item = el('li', {},
    el('div', {className: 'head'}, el('strong', {}, view), el('span', {}, offer.reviewType.toLowerCase()),
      el('span', {}, dueText(offer))),
    el('ul', {}, offer.disputedItems.map((i) => el('li', {textContent: i.description}))),
    el('p', {className: 'muted', textContent: 'Offer ' + offer.offerNumber + ' open until ' + when(offer.offerExpiresAt)}),
    el('div', {className: 'answer'}, accept, el('label', {htmlFor: id, className: 'visually-hidden',
      textContent: 'Reason to decline case ' + offer.caseNumber}), reason, decline));
  item.dataset.caseNumber = offer.caseNumber;
  return item;
}

async function answer(caseNumber, what, body, button) {
  button.disabled = true;
  try {
    await call('POST', path(caseNumber, what), body);
    say(what === 'acceptance' ? 'Case ' + caseNumber + ' accepted.' : 'Case ' + caseNumber + ' declined.');
    await refreshLists();
    if (what === 'acceptance') await showCase(caseNumber);
    else if (openCase && openCase.caseNumber === caseNumber) closeCase();
  } catch (e) {
    say('Case ' + caseNumber + ': ' + e.message);
    button.disabled = false;
    refreshLists();
  }
}

function renderMyCases(mine) {
  const tbody = $('my-cases').tBodies[0];
  const now = today();
  tbody.replaceChildren(...mine.map((r) => {
    const overdue = r.determinationDueDate && r.determinationDueDate < now;
    const open = el('button', {type: 'button', className: 'link open', textContent: r.caseNumber});
    open.addEventListener('click', (event) => { event.stopPropagation(); showCase(r.caseNumber); });
    const row = el('tr', {className: overdue ? 'overdue' : ''},
      el('td', {}, open),
      el('td', {textContent: r.reviewType.toLowerCase()}),
      el('td', {textContent: r.disputedItems.length}),
      el('td', {textContent: dueText(r) + (overdue ? ' (overdue)' : '')}));
    row.dataset.caseNumber = r.caseNumber;
    row.classList.toggle('selected', !!openCase && openCase.caseNumber === r.caseNumber);
    row.addEventListener('click', () => showCase(r.caseNumber));
    return row;
  }));
  if (mine.length === 0) {
    tbody.append(el('tr', {}, el('td', {colSpan: 4, className: 'muted', textContent: 'No accepted cases.'})));
  }
}

// --- the case file ----------------------------------------------------------------------------------------------
async function showCase(caseNumber) {
  if (openCase && openCase.caseNumber !== caseNumber) await flushDraft();
  let r;
  try {
    r = await review(caseNumber);
  } catch (e) {
    say('Case ' + caseNumber + ': ' + e.message);
    return;
  }
  const switching = !openCase || openCase.caseNumber !== caseNumber;
  openCase = r;
  renderCaseFile(r);
  $('case').hidden = false;
  document.querySelectorAll('#my-cases tr').forEach((row) => row.classList.toggle('selected', row.dataset.caseNumber === caseNumber));
  if (r.status === 'ACCEPTED') {
    if (worksheetCase !== caseNumber) {
      buildWorksheet(r);
      worksheetCase = caseNumber;
      await loadDraft(false);
    }
    $('worksheet').hidden = false;
    $('hand-back').disabled = false;
  } else {
    $('worksheet').hidden = true;
  }
  if (switching) $('case-title').focus();
}

function closeCase() {
  openCase = null;
  worksheetCase = null;
  $('case').hidden = true;
  $('worksheet').hidden = true;
  document.querySelectorAll('#my-cases tr.selected').forEach((row) => row.classList.remove('selected'));
}

function renderCaseFile(r) {
  $('case-title').textContent = 'Case ' + r.caseNumber + ' · ' + r.status.toLowerCase();
  const facts = [
    ['Review type', r.reviewType.toLowerCase()],
    ['Determination', dueText(r)],
    ['Offer', r.offerNumber + (r.status === 'OFFERED' ? ', open until ' + when(r.offerExpiresAt) : '')
      + (r.acceptedAt ? ', accepted ' + when(r.acceptedAt) : '')]
  ];
  if (r.application) {
    facts.push(['Date of injury', r.application.dateOfInjury], ['UR decision', r.application.urDecisionDate],
      ["Requesting physician's specialty", r.application.requestingPhysicianSpecialty]);
  }
  $('case-facts').replaceChildren(...facts.flatMap(([term, value]) => [el('dt', {textContent: term}), el('dd', {textContent: value})]));
  const ur = r.claimsAdministratorGuideline;
  $('ur-guideline').textContent = ur.citation + (ur.basedOnMtus ? ' (MTUS)' : ' (not MTUS)');
  $('case-items').replaceChildren(...r.disputedItems.map((i) => el('li', {textContent: i.description
    + ' · ' + i.category.toLowerCase().replace(/_/g, ' ') + (i.icd10Code ? ' · ' + i.icd10Code : '')})));
  const state = [];
  if (r.recordsComplete) state.push('Complete.');
  else if (r.withoutCompleteRecords) state.push('The records did not come by their deadline: decide on the UR decision\'s'
    + ' summary of the records and the documents there are.');
  else state.push('Not complete yet' + (r.recordsDueAt ? '; due ' + when(r.recordsDueAt) : '') + '.');
  const records = $('records-state');
  records.replaceChildren(state.join(' '));
  if (r.recordsDaysLate > 0) {
    records.append(' ', el('span', {className: 'late', textContent: 'Came ' + r.recordsDaysLate + ' day'
      + (r.recordsDaysLate === 1 ? '' : 's') + ' late (penalty $' + r.latePenaltyDollars.toLocaleString('en-US') + ').'}));
  }
  $('documents').replaceChildren(...r.documents.map((d) => el('li', {},
    el('a', {href: path(r.caseNumber, 'documents/' + encodeURIComponent(d.documentId)), download: d.name, textContent: d.name}),
    ' ', el('span', {className: 'muted', textContent: '(' + d.mediaType + ', ' + Math.max(1, Math.round(d.sizeBytes / 1024)) + ' KB)'}))));
  if (r.documents.length === 0) $('documents').append(el('li', {className: 'muted', textContent: 'No documents yet.'}));
}

// --- the worksheet ----------------------------------------------------------------------------------------------
function buildWorksheet(r) {
  clearErrors();
  $('clinical-case-summary').value = '';
  $('worksheet-items').replaceChildren(...r.disputedItems.map(itemFieldset));
  $('save-state').textContent = '';
  revision = 0;
  dirty = false;
}

function itemFieldset(item) {
  const n = item.itemNumber;
  const id = (what) => what + '-' + n;
  const mark = (node, field) => { node.dataset.itemNumber = n; node.dataset.field = field; return node; };
  const outcome = el('fieldset', {className: 'outcome'}, el('legend', {textContent: 'Outcome'}),
    ['UPHELD', 'OVERTURNED'].map((value) => el('span', {},
      mark(el('input', {type: 'radio', name: id('outcome'), id: id('outcome-' + value.toLowerCase()), value, className: 'outcome'}), 'outcome'),
      ' ', el('label', {htmlFor: id('outcome-' + value.toLowerCase()), textContent: value === 'UPHELD' ? 'Upheld' : 'Overturned'}))));
  const level = mark(el('select', {id: id('evidence-level'), className: 'evidence-level'},
    el('option', {value: '', textContent: 'Choose…'}),
    LEVELS.map(([value, text]) => el('option', {value, textContent: text}))), 'reviewerGuideline.evidenceLevel');
  const text = (cls, field, label, attrs, wide) => el('div', {className: wide ? 'wide' : ''},
    el('label', {htmlFor: id(cls), textContent: label}),
    mark(el('input', Object.assign({type: 'text', id: id(cls), className: cls}, attrs)), field));
  const whyNot = el('div', {className: 'why-not-higher wide'});
  whyNot.dataset.itemNumber = n;
  level.addEventListener('change', () => renderWhyNot(whyNot, level.value, n));
  const fieldset = el('fieldset', {className: 'item'},
    el('legend', {textContent: 'Item ' + n + ': ' + item.description}),
    outcome,
    el('div', {className: 'basis'},
      el('div', {className: 'wide'}, el('label', {htmlFor: id('evidence-level'), textContent: 'Evidence level of your basis'}), level),
      text('source', 'reviewerGuideline.source', 'Source', {maxLength: 300, placeholder: 'MTUS ACOEM'}, true),
      text('chapter', 'reviewerGuideline.chapter', 'Chapter', {maxLength: 300}),
      text('pages', 'reviewerGuideline.pages', 'Pages', {maxLength: 60}),
      whyNot),
    el('label', {htmlFor: id('rationale'), textContent: 'Decision rationale'}),
    mark(el('textarea', {id: id('rationale'), className: 'rationale', rows: 5, maxLength: 8000}), 'rationale'));
  fieldset.dataset.itemNumber = n;
  return fieldset;
}

/** One required "why not" for each level above the one chosen (Labor Code 4610.5(c)(2)); reasons typed are kept. */
function renderWhyNot(container, chosen, n) {
  const kept = {};
  container.querySelectorAll('textarea.why-not-higher').forEach((t) => { kept[t.dataset.level] = t.value; });
  const above = chosen ? LEVELS.map(([level]) => level).slice(0, LEVELS.findIndex(([level]) => level === chosen)) : [];
  container.replaceChildren(...above.map((level) => {
    const id = 'why-not-' + level.toLowerCase().replace(/_/g, '-') + '-' + n;
    const area = el('textarea', {id, className: 'why-not-higher', rows: 2, maxLength: 2000, required: true, value: kept[level] || ''});
    area.dataset.itemNumber = n;
    area.dataset.level = level;
    area.dataset.field = 'reviewerGuideline.whyNotHigher.' + level;
    return el('div', {}, el('label', {htmlFor: id, textContent: 'Why not ' + SHORT_LEVEL(level) + '?'}), area);
  }));
  if (above.length) {
    container.prepend(el('p', {className: 'hint muted', textContent: 'Below MTUS: say why each higher level does not apply.'}));
  }
}

function itemValues(fieldset) {
  const value = (cls) => { const v = fieldset.querySelector('.' + cls).value.trim(); return v === '' ? null : v; };
  const checked = fieldset.querySelector('input.outcome:checked');
  const level = fieldset.querySelector('select.evidence-level').value || null;
  const whyNotHigher = {};
  fieldset.querySelectorAll('textarea.why-not-higher').forEach((t) => { if (t.value.trim()) whyNotHigher[t.dataset.level] = t.value.trim(); });
  return {itemNumber: Number(fieldset.dataset.itemNumber), outcome: checked ? checked.value : null,
    reviewerGuideline: {evidenceLevel: level, source: value('source'), chapter: value('chapter'), pages: value('pages'), whyNotHigher},
    rationale: value('rationale')};
}

function worksheet() {
  const summary = $('clinical-case-summary').value.trim();
  return {clinicalCaseSummary: summary === '' ? null : summary,
    decisions: [...document.querySelectorAll('#worksheet-items fieldset.item')].map(itemValues)};
}

function fillWorksheet(draft) {
  $('clinical-case-summary').value = draft.clinicalCaseSummary || '';
  document.querySelectorAll('#worksheet-items fieldset.item').forEach((fieldset) => {
    const n = Number(fieldset.dataset.itemNumber);
    const d = (draft.decisions || []).find((x) => x.itemNumber === n) || {};
    const basis = d.reviewerGuideline || {};
    fieldset.querySelectorAll('input.outcome').forEach((radio) => { radio.checked = radio.value === d.outcome; });
    const level = fieldset.querySelector('select.evidence-level');
    level.value = basis.evidenceLevel || '';
    ['source', 'chapter', 'pages'].forEach((cls) => { fieldset.querySelector('input.' + cls).value = basis[cls] || ''; });
    fieldset.querySelector('textarea.rationale').value = d.rationale || '';
    const whyNot = fieldset.querySelector('div.why-not-higher');
    whyNot.replaceChildren();
    renderWhyNot(whyNot, level.value, n);
    whyNot.querySelectorAll('textarea.why-not-higher').forEach((t) => { t.value = (basis.whyNotHigher || {})[t.dataset.level] || ''; });
  });
}

/** The draft as saved from any device. */
async function loadDraft(fromElsewhere) {
  const caseNumber = openCase.caseNumber;
  try {
    const draft = await call('GET', path(caseNumber, 'draft'));
    if (!openCase || openCase.caseNumber !== caseNumber) return;
    if (fromElsewhere && draft.revision === revision) return;          // our own save
    revision = draft.revision;
    fillWorksheet(draft);
    dirty = false;
    $('save-state').textContent = fromElsewhere ? 'Changed on another device — reloaded at ' + clock(new Date())
      : draft.savedAt ? 'Draft saved at ' + clock(new Date(draft.savedAt)) : '';
  } catch (e) {
    $('save-state').textContent = 'Could not read the draft: ' + e.message;
  }
}

function changed() {
  dirty = true;
  $('save-state').textContent = 'Unsaved changes…';
  clearTimeout(saveTimer);
  saveTimer = setTimeout(() => { saving = saving.then(saveDraft); }, AUTOSAVE_AFTER_MS);
}

async function saveDraft() {
  if (!openCase || !dirty || openCase.status !== 'ACCEPTED') return;
  const caseNumber = openCase.caseNumber;
  dirty = false;
  try {
    const saved = await call('PUT', path(caseNumber, 'draft'), Object.assign({revision}, worksheet()));
    if (openCase && openCase.caseNumber === caseNumber) {
      revision = saved.revision;
      $('save-state').textContent = 'Saved at ' + clock(new Date(saved.savedAt));
    }
  } catch (e) {
    if (e.status === 409 && /draft-changed$/.test(e.body.type || '')) {
      await loadDraft(true);
    } else {
      dirty = true;
      $('save-state').textContent = 'Not saved: ' + e.message;
    }
  }
}

async function flushDraft() {
  clearTimeout(saveTimer);
  saving = saving.then(saveDraft);
  await saving;
}

// --- checking, previewing, submitting ---------------------------------------------------------------------------
function clearErrors() {
  const box = $('worksheet-errors');
  box.hidden = true;
  box.replaceChildren();
  document.querySelectorAll('#worksheet [aria-invalid]').forEach((n) => n.removeAttribute('aria-invalid'));
  document.querySelectorAll('#worksheet .field-error').forEach((n) => n.remove());
}

/** Shows each error next to its field, and all of them at the top, which takes the focus. */
function showErrors(errors) {
  clearErrors();
  const box = $('worksheet-errors');
  box.append(el('p', {textContent: errors.length === 1 ? 'One thing to fix:' : errors.length + ' things to fix:'}),
    el('ul', {}, errors.map((e) => el('li', {textContent: e.message}))));
  errors.forEach((e) => {
    if (!e.node) return;
    e.node.setAttribute('aria-invalid', 'true');
    const note = el('p', {className: 'field-error', id: (e.node.id || 'field') + '-error', textContent: e.message});
    (e.node.closest('fieldset.outcome') || e.node).after(note);
    e.node.setAttribute('aria-describedby', note.id);
  });
  box.hidden = false;
  box.focus();
}

function checkWorksheet() {
  const errors = [];
  const summary = $('clinical-case-summary');
  if (!summary.value.trim()) errors.push({node: summary, message: 'Write the clinical case summary.'});
  document.querySelectorAll('#worksheet-items fieldset.item').forEach((fieldset) => {
    const n = fieldset.dataset.itemNumber;
    const v = itemValues(fieldset);
    if (!v.outcome) errors.push({node: fieldset.querySelector('input.outcome'), message: 'Item ' + n + ': choose Upheld or Overturned.'});
    if (!v.reviewerGuideline.evidenceLevel) {
      errors.push({node: fieldset.querySelector('select.evidence-level'), message: 'Item ' + n + ': choose the evidence level of your basis.'});
    }
    if (!v.reviewerGuideline.source) errors.push({node: fieldset.querySelector('input.source'), message: 'Item ' + n + ': name the source of your basis.'});
    fieldset.querySelectorAll('textarea.why-not-higher').forEach((t) => {
      if (!t.value.trim()) {
        errors.push({node: t, message: 'Item ' + n + ' cites ' + SHORT_LEVEL(v.reviewerGuideline.evidenceLevel) + ': say why '
          + SHORT_LEVEL(t.dataset.level) + ' does not apply.'});
      }
    });
    if (!v.rationale) errors.push({node: fieldset.querySelector('textarea.rationale'), message: 'Item ' + n + ': write the decision rationale.'});
  });
  if (errors.length) showErrors(errors);
  return errors.length === 0;
}

/** The server's 400, field by field: decisions[0].reviewerGuideline.whyNotHigher.MTUS is item 1's MTUS reason. */
function showServerErrors(problem) {
  const fieldsets = [...document.querySelectorAll('#worksheet-items fieldset.item')];
  showErrors((problem.body.errors || [{field: '', message: problem.message}]).map((error) => {
    const match = /^decisions\[(\d+)]\.(.+)$/.exec(error.field || '');
    let node = null;
    if (error.field === 'clinicalCaseSummary') node = $('clinical-case-summary');
    else if (match && fieldsets[Number(match[1])]) {
      node = fieldsets[Number(match[1])].querySelector('[data-field="' + match[2] + '"]');
    }
    return {node, message: error.message};
  }));
}

function determination() {
  const sheet = worksheet();
  return {clinicalCaseSummary: sheet.clinicalCaseSummary, decisions: sheet.decisions};
}

async function previewLetter() {
  if (!openCase || !checkWorksheet()) return;
  try {
    const letter = await call('POST', path(openCase.caseNumber, 'letter-preview'), determination(), 'text/plain');
    clearErrors();
    $('letter-preview').textContent = letter;
    openDialog($('letter-dialog'));
  } catch (e) {
    if (e.status === 400) showServerErrors(e);
    else showErrors([{node: null, message: e.message}]);
  }
}

async function submitDetermination() {
  const caseNumber = openCase.caseNumber;
  closeDialog($('confirm-dialog'));
  try {
    await call('POST', path(caseNumber, 'determination'), determination());
    clearTimeout(saveTimer);
    dirty = false;
    closeCase();
    say('The determination of case ' + caseNumber + ' is recorded; the letter goes out.');
    $('my-cases-title').focus();
    refreshLists();
  } catch (e) {
    if (e.status === 400) showServerErrors(e);
    else showErrors([{node: null, message: e.message}]);
  }
}

// --- dialogs: modal, focus kept inside, Escape closes -----------------------------------------------------------
let returnFocus = null;

function openDialog(dialog) {
  returnFocus = document.activeElement;
  dialog.showModal();
  const first = dialog.querySelector('pre, button.primary, button');
  if (first) first.focus();
}

function closeDialog(dialog) {
  if (dialog.open) dialog.close();
}

function trapFocus(dialog) {
  dialog.addEventListener('keydown', (event) => {
    if (event.key !== 'Tab') return;
    const focusable = [...dialog.querySelectorAll('button, [tabindex="0"]')].filter((n) => !n.disabled);
    const first = focusable[0];
    const last = focusable[focusable.length - 1];
    if (event.shiftKey && document.activeElement === first) { last.focus(); event.preventDefault(); }
    else if (!event.shiftKey && document.activeElement === last) { first.focus(); event.preventDefault(); }
  });
  dialog.querySelectorAll('button.close').forEach((b) => b.addEventListener('click', () => closeDialog(dialog)));
  dialog.addEventListener('close', () => { if (returnFocus) returnFocus.focus(); });
}

// --- live -------------------------------------------------------------------------------------------------------
let backOff = 1000;

function connection(state, text) {
  const indicator = $('connection');
  indicator.dataset.state = state;
  indicator.textContent = text;
}

function connect() {
  const socket = new WebSocket((location.protocol === 'https:' ? 'wss://' : 'ws://') + location.host
    + '/api/desk/live?after=' + lastSeq);
  socket.onopen = () => {
    backOff = 1000;
    connection('live', 'live');
  };
  socket.onmessage = (message) => notice(JSON.parse(message.data));
  socket.onclose = () => {
    connection('reconnecting', 'reconnecting…');
    setTimeout(() => {
      // a session that ended makes every try fail: a REST call finds out, and the page signs in again
      call('GET', '/api/desk').catch(() => {}).finally(connect);
    }, backOff);
    backOff = Math.min(MAX_BACK_OFF_MS, backOff * 2);
  };
}

function notice(n) {
  if (n.seq <= lastSeq) return;
  lastSeq = n.seq;
  const isOpen = openCase && openCase.caseNumber === n.caseNumber;
  if (n.kind === 'DRAFT_SAVED') {
    if (isOpen && !dirty) loadDraft(true);
    return;
  }
  refreshSoon();
  if (!isOpen) return;
  if (ENDS_THE_CASE.includes(n.kind)) {
    const why = {OFFER_WITHDRAWN: 'was offered to another reviewer', DECLINED: 'was declined', TIMED_OUT: 'offer ran out',
      CASE_WITHDRAWN: 'was withdrawn: the treatment is authorized', DECIDED: 'is decided'}[n.kind];
    closeCase();
    say('Case ' + n.caseNumber + ' ' + why + '.');
  } else {
    showCase(n.caseNumber);
  }
}

// --- start ------------------------------------------------------------------------------------------------------
async function start() {
  [$('letter-dialog'), $('confirm-dialog')].forEach(trapFocus);
  $('worksheet').addEventListener('input', changed);
  $('worksheet').addEventListener('change', changed);
  $('preview-letter').addEventListener('click', previewLetter);
  $('worksheet').addEventListener('submit', (event) => {
    event.preventDefault();
    if (!openCase || !checkWorksheet()) return;
    $('confirm-case').textContent = openCase.caseNumber;
    openDialog($('confirm-dialog'));
  });
  $('confirm-submit').addEventListener('click', submitDetermination);
  $('hand-back').addEventListener('click', () => {
    if (!openCase) return;
    const caseNumber = openCase.caseNumber;
    if (!window.confirm('Hand case ' + caseNumber + ' back for a conflict of interest found in its records? It goes to'
        + ' another reviewer, and your draft is discarded.')) return;
    dirty = false; // the draft goes with the case
    answer(caseNumber, 'decline', {reason: 'CONFLICT_IN_RECORDS'}, $('hand-back'));
  });
  window.addEventListener('beforeunload', () => { if (dirty) saveDraft(); });
  try {
    const desk = await call('GET', '/api/desk');
    $('reviewer-id').textContent = desk.reviewerId;
    lastSeq = desk.lastSeq;
  } catch (e) {
    say('Could not open the desk: ' + e.message);
  }
  await refreshLists();
  connect();
}

start();
