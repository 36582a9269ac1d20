// The map card's 社区公告: the newest notices of the place's community (title and date, each a
// link into notices.html), a link to all of them and one to the community's 微心愿 wall. The card renders again as its answers come
// in, so the last answer per community is shown at once while the next is fetched; a failure
// leaves the card without the section.

import { el, replace } from './dom.js';
import { currentLanguage } from './i18n.js';

const options = { newest: 3 };

const WORDS = {
  zh: { heading: '社区公告', all: '全部公告', none: '本社区暂无公告', wishes: '微心愿墙' },
  en: { heading: 'Community notices', all: 'All notices', none: 'No notices yet', wishes: 'Wish wall' },
};

const word = (key) => (WORDS[currentLanguage()] ?? WORDS.zh)[key];
const last = new Map();

function fill(section, list, page, answer) {
  replace(list, answer.notices.length
    ? answer.notices.map((n) => el('li', { class: 'pm-notice-item' },
      el('a', { href: `${page}#n=${n.id}` }, n.title), ' ', el('span', { class: 'pm-notice-date' }, n.published_at.slice(0, 10))))
    : el('li', { class: 'pm-muted' }, word('none')));
  section.hidden = false;
}

/** A section for the card; community is /api/locate's {id, code, name}, or null. */
export function communityNotices(community) {
  if (!community?.id) return null;
  const page = `/notices.html?community=${community.id}`;
  const list = el('ul', { class: 'pm-notice-list' });
  const section = el('section', { class: 'pm-notices', dataset: { communityId: community.id }, hidden: true },
    el('h3', {}, word('heading')), list, el('a', { class: 'pm-notices-all', href: page }, word('all')), ' · ',
    el('a', { class: 'pm-wishes-link', href: `/wishes.html?community=${community.id}` }, word('wishes')));
  if (last.has(community.id)) fill(section, list, page, last.get(community.id));
  fetch(`/api/communities/${community.id}/notices?limit=${options.newest}`, { credentials: 'same-origin' })
    .then((r) => (r.ok ? r.json() : Promise.reject(new Error(`HTTP ${r.status}`))))
    .then((answer) => {
      last.set(community.id, answer);
      fill(section, list, page, answer);
    })
    .catch(() => section.remove());
  return section;
}
