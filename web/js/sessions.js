// Login sessions as people read them: a short name for a browser, a local time.

/** A short name for a User-Agent: 微信 / Edge / Chrome / Firefox / Safari, and the system. */
export function browserName(agent) {
  if (!agent) return '未知浏览器';
  const browser = [['MicroMessenger', '微信'], ['Edg/', 'Edge'], ['Firefox/', 'Firefox'], ['Chrome/', 'Chrome'], ['Safari/', 'Safari']]
    .find(([mark]) => agent.includes(mark));
  const system = [['Android', 'Android'], ['iPhone', 'iPhone'], ['iPad', 'iPad'], ['Windows', 'Windows'], ['Mac OS', 'macOS'], ['Linux', 'Linux']]
    .find(([mark]) => agent.includes(mark));
  const name = [browser && browser[1], system && system[1]].filter(Boolean).join(' · ');
  return name || agent.slice(0, 40);
}

/** An ISO 8601 time as 2026/12/4 09:30:00. */
export const when = (iso) => new Date(iso).toLocaleString('zh-CN', { hour12: false });
