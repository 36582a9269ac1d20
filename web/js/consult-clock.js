// A 社区通 question's clock in words, for the resident's page and the workers' inbox: it counts
// service time only, starts at the next opening when a question comes in out of hours, and stops
// at the first answer. `clock` is the API's {start, due, started_out_of_hours, service_seconds,
// target_seconds, running, overdue, hours}; `since` is when the page read it (Date.now()).

export function minutes(seconds) {
  return Math.floor(seconds / 60);
}

/** The service seconds at this moment: the API's figure, plus the time since it was read while the clock runs. */
export function secondsNow(clock, since) {
  return clock.service_seconds + (clock.running ? Math.max(0, Math.floor((Date.now() - since) / 1000)) : 0);
}

const SHANGHAI = { timeZone: 'Asia/Shanghai' };
const DAY_TIME = new Intl.DateTimeFormat('zh-CN', { ...SHANGHAI, month: 'numeric', day: 'numeric', hour: '2-digit', minute: '2-digit', hour12: false });

/** A moment as 12月7日 08:30, in Shanghai time whatever the device's zone (the service hours are Shanghai's). */
export function when(iso) {
  const parts = Object.fromEntries(DAY_TIME.formatToParts(new Date(iso)).map((p) => [p.type, p.value]));
  return `${parts.month}月${parts.day}日 ${parts.hour}:${parts.minute}`;
}

/** A moment with its date, in Shanghai time: for the messages of a question. */
export function stamp(iso) {
  return new Date(iso).toLocaleString('zh-CN', SHANGHAI);
}

/** A sentence for the resident. */
export function describe(clock, answered, since) {
  const target = minutes(clock.target_seconds);
  if (answered) {
    return `首次答复用时 ${minutes(clock.service_seconds)} 分钟（服务时间，目标 ${target} 分钟）`;
  }
  if (new Date(clock.start).getTime() > Date.now()) {
    return `现在是非服务时间（${clock.hours}），将于 ${when(clock.start)} 开始计时，目标 ${target} 分钟内答复`;
  }
  const waited = minutes(secondsNow(clock, since));
  return clock.overdue
    ? `已等待 ${waited} 分钟（服务时间），超过 ${target} 分钟目标，已提醒社区`
    : `已等待 ${waited} 分钟（服务时间），目标 ${target} 分钟内答复`;
}

/** A short figure for an inbox line: minutes waited (or to wait for the opening). */
export function short(clock, answered, since) {
  if (answered) return `${minutes(clock.service_seconds)} 分答复`;
  if (new Date(clock.start).getTime() > Date.now()) return `${when(clock.start)} 起计时`;
  return `${minutes(secondsNow(clock, since))}/${minutes(clock.target_seconds)} 分`;
}
