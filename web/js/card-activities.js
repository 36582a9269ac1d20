// The map card's "upcoming at this post": one line with the post's next public activity (its
// title and time) and a link "活动" into activity.html?station=ID. The last answer per post is
// shown at once while the next is fetched; a post with nothing coming shows nothing; a failure
// leaves the card without the line.

import { el, replace } from './dom.js';
import { currentLanguage } from './i18n.js';

const options = { days: 30 };

const WORDS = {
  zh: { next: '近期活动', link: '活动' },
  en: { next: 'Next', link: 'Activities' },
};

const word = (key) => (WORDS[currentLanguage()] ?? WORDS.zh)[key];
const last = new Map();

/** "2026-12-12T07:00:00+08:00" → "12月12日 07:00" (the server writes Shanghai time). */
const when = (iso) => `${Number(iso.slice(5, 7))}月${Number(iso.slice(8, 10))}日 ${iso.slice(11, 16)}`;

function fill(line, page, answer) {
  const next = answer.occurrences[0];
  if (!next) {
    line.hidden = true;
    return;
  }
  replace(line, `${word('next')}：`, el('span', { class: 'pm-activity-title' }, next.title), ' ',
    el('span', { class: 'pm-activity-time' }, when(next.start)), ' ', el('a', { class: 'pm-activity-link', href: page }, word('link')));
  line.hidden = false;
}

/** The line for a post's card item; stationId is the post's id. */
export function upcomingActivity(stationId) {
  if (!stationId) return null;
  const page = `/activity.html?station=${encodeURIComponent(stationId)}`;
  const line = el('p', { class: 'pm-activity', dataset: { stationId }, hidden: true });
  if (last.has(stationId)) fill(line, page, last.get(stationId));
  fetch(`/api/stations/${encodeURIComponent(stationId)}/activities?days=${options.days}`, { credentials: 'same-origin' })
    .then((r) => (r.ok ? r.json() : Promise.reject(new Error(`HTTP ${r.status}`))))
    .then((answer) => {
      last.set(stationId, answer);
      fill(line, page, answer);
    })
    .catch(() => line.remove());
  return line;
}
