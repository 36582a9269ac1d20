// The import section of admin.html: upload a layer file as the request body.
import { request } from './api.js';
import { say } from './dom.js';

export function initImport(status) {
  const form = document.getElementById('import-form');
  const result = document.getElementById('import-result');

  form.addEventListener('submit', async (event) => {
    event.preventDefault();
    const f = form.elements;
    const file = f.file.files[0];
    if (!file) return;
    const params = new URLSearchParams({ layer: f.layer.value, crs: f.crs.value, name: file.name });
    const csv = file.name.toLowerCase().endsWith('.csv');
    try {
      const answer = await request('POST', '/api/admin/import?' + params, file,
        { raw: true, contentType: csv ? 'text/csv' : 'application/geo+json' });
      result.textContent = answer.description;
      say(status, '导入完成');
    } catch (e) {
      result.textContent = (e.problem.problems || []).join('\n');
      say(status, e.message, 'error');
    }
  });
}
