// The public archive page: plain JavaScript over the open API /api/archive; no sign-in, no build step.
'use strict';

const CATEGORIES = {
  PHARMACY: 'Pharmacy', PHYSICAL_THERAPY_OR_REHAB: 'Physical therapy or rehab', INJECTIONS: 'Injections',
  DME: 'Durable medical equipment', DIAGNOSTICS_OR_IMAGING: 'Diagnostics or imaging', SURGERY: 'Surgery',
  EVALUATION_AND_MANAGEMENT: 'Evaluation and management', OTHER: 'Other'
};
const EVIDENCE = {
  MTUS: 'MTUS', PEER_REVIEWED_EVIDENCE: 'Peer-reviewed scientific evidence',
  NATIONAL_PROFESSIONAL_STANDARDS: 'Nationally recognized professional standards', EXPERT_OPINION: 'Expert opinion',
  GENERALLY_ACCEPTED_STANDARDS: 'Generally accepted standards of medical practice',
  LIKELY_BENEFICIAL_WHEN_OTHERS_INEFFECTIVE: 'Likely to help when other treatments are not effective'
};
const SIZE = 20;
let page = 0;
let total = 0;

const $ = id => document.getElementById(id);

function fillOptions(select, names) {
  for (const [value, label] of Object.entries(names)) {
    const option = document.createElement('option');
    option.value = value;
    option.textContent = label;
    select.append(option);
  }
}

function query() {
  const params = new URLSearchParams({ page: String(page), size: String(SIZE) });
  for (const name of ['q', 'category', 'outcome', 'year', 'specialty', 'evidenceLevel']) {
    const value = $(name).value.trim();
    if (value) params.set(name, value);
  }
  return params;
}

async function getJson(url) {
  const response = await fetch(url, { headers: { Accept: 'application/json' } });
  const body = await response.json().catch(() => ({}));
  if (!response.ok) {
    const fields = (body.errors || []).map(e => `${e.field}: ${e.message}`).join('; ');
    throw new Error(fields || body.detail || `The archive answered ${response.status}`);
  }
  return body;
}

function showProblem(error) {
  $('problem').textContent = error ? error.message : '';
  $('problem').hidden = !error;
}

async function search() {
  try {
    const found = await getJson('/api/archive?' + query());
    showProblem(null);
    total = found.total;
    $('total').textContent = `(${found.total})`;
    const list = $('results');
    list.replaceChildren(...found.items.map(entry => {
      const item = document.createElement('li');
      const link = document.createElement('a');
      link.href = '#' + entry.reference;
      link.textContent = entry.reference;
      link.addEventListener('click', event => { event.preventDefault(); openLetter(entry.reference); });
      const facts = document.createElement('div');
      facts.textContent = `Determined ${entry.determinedOn} · reviewer: ${entry.reviewerSpecialty}`
        + (entry.yearOfInjury ? ` · injury in ${entry.yearOfInjury}` : '');
      const items = document.createElement('ul');
      for (const decided of entry.items) {
        const line = document.createElement('li');
        const outcome = document.createElement('span');
        outcome.className = 'outcome-' + decided.outcome;
        outcome.textContent = decided.outcomeName;
        line.append(`${decided.treatment} (${decided.categoryName}): `, outcome);
        items.append(line);
      }
      item.append(link, facts, items);
      return item;
    }));
    const pages = Math.max(1, Math.ceil(total / SIZE));
    $('page-of').textContent = `Page ${page + 1} of ${pages}`;
    $('previous').disabled = page === 0;
    $('next').disabled = page + 1 >= pages;
  } catch (error) {
    showProblem(error);
  }
}

async function openLetter(reference) {
  try {
    const letter = await getJson('/api/archive/' + encodeURIComponent(reference));
    $('letter-reference').textContent = letter.reference;
    $('letter-pdf').href = letter.pdf;
    $('letter-text').textContent = letter.text;
    $('letter').hidden = false;
    $('letter').scrollIntoView();
    history.replaceState(null, '', '#' + reference);
  } catch (error) {
    showProblem(error);
  }
}

function rateRows(table, rates, label) {
  table.querySelector('tbody').replaceChildren(...rates.map(rate => {
    const row = document.createElement('tr');
    for (const [text, number] of [[label(rate.group), false], [rate.decided, true], [rate.overturned, true],
      [rate.overturnRate.toFixed(1) + ' %', true]]) {
      const cell = document.createElement('td');
      cell.textContent = text;
      if (number) cell.className = 'number';
      row.append(cell);
    }
    return row;
  }));
}

async function rates() {
  try {
    const statistics = await getJson('/api/archive/statistics');
    rateRows($('by-category'), statistics.byCategory, group => CATEGORIES[group] || group);
    rateRows($('by-year'), statistics.byYear, group => group);
  } catch (error) {
    showProblem(error);
  }
}

fillOptions($('category'), CATEGORIES);
fillOptions($('evidenceLevel'), EVIDENCE);
$('search').addEventListener('submit', event => { event.preventDefault(); page = 0; search(); });
$('previous').addEventListener('click', () => { page = Math.max(0, page - 1); search(); });
$('next').addEventListener('click', () => { page += 1; search(); });
$('close-letter').addEventListener('click', () => { $('letter').hidden = true; history.replaceState(null, '', '#'); });
search();
rates();
if (location.hash.length > 1) openLetter(decodeURIComponent(location.hash.slice(1)));
