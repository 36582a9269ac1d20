// Uploading a residents' register: the file is sent as the body, the job polled for its phase and
// progress until it is done, then its summary (per level, lines unmatched, uncertain, left out) shown.
import { request, get } from './api.js';
import { say } from './dom.js';

const options = { pollMillis: 500 };
const PHASES = { queued: '排队中', geocoding: '正在定位地址', writing: '正在写入', finished: '完成' };
const LEVELS = {
  address: '门牌地址', building: '楼幢', house_number: '门牌号', interpolated: '沿路推算', street: '道路',
  estate: '小区', community: '社区', subdistrict: '街道', none: '未匹配',
};

export function initRegisterImport(status, onDone) {
  const form = document.getElementById('register-form');
  const box = document.getElementById('register-job');
  const phase = document.getElementById('register-phase');
  const bar = document.getElementById('register-progress');
  const summary = document.getElementById('register-summary');

  form.addEventListener('submit', async (event) => {
    event.preventDefault();
    const file = form.elements.file.files[0];
    if (!file) return;
    const params = new URLSearchParams({ name: file.name, force: form.elements.force.checked });
    box.hidden = false;
    summary.textContent = '';
    phase.textContent = '正在上传并检查文件……';
    bar.removeAttribute('value');
    try {
      let job = await request('POST', '/api/residents/imports?' + params, file, { raw: true, contentType: 'text/csv' });
      while (job.status === 'running') {
        phase.textContent = `${PHASES[job.phase] || job.phase}：${job.rows_done} / ${job.rows_total} 行`;
        bar.max = Math.max(1, job.rows_total);
        bar.value = job.rows_done;
        await new Promise((resolve) => setTimeout(resolve, options.pollMillis));
        job = await get('/api/residents/imports/' + job.id);
      }
      bar.max = 1;
      bar.value = job.status === 'done' ? 1 : 0;
      if (job.status !== 'done') {
        phase.textContent = '导入失败：' + job.error;
        say(status, '导入失败，未写入任何数据', 'error');
        return;
      }
      phase.textContent = `完成：${job.summary.imported} / ${job.summary.rows} 行已导入，${job.summary.to_review} 行待核实`;
      summary.textContent = describe(job.summary);
      say(status, '导入完成');
      onDone();
    } catch (e) {
      bar.value = 0;
      phase.textContent = '文件未导入，未写入任何数据：';
      summary.textContent = [e.message, ...(e.problem.problems || [])].join('\n');
      say(status, e.message, 'error');
    }
  });
}

function describe(s) {
  const lines = Object.entries(s.by_level).filter(([, n]) => n > 0).map(([level, n]) => `${LEVELS[level] || level}：${n}`);
  for (const [key, label] of [['unmatched', '未匹配'], ['uncertain', '不确定'], ['outside_your_grids', '不在您的网格（未导入）']]) {
    const part = s[key];
    if (part.count > 0) lines.push(`${label}：${part.count} 行（第 ${part.lines.join('、')} 行${part.count > part.lines.length ? '……' : ''}）`);
  }
  return lines.join('\n');
}
