// The planner page's Chinese words for what the server answers in codes.

export const OPERATIONS = {
  move_blocks: '移动街区', split: '分割', merge: '合并', redraw: '调整边界', reshape: '重画边界',
  attributes: '修改属性', proposal: '接受方案', revert: '恢复版本', import: '导入', create: '新建', generate: '生成',
  edit: '编辑', retire: '撤销',
};

export const CHANGES = { updated: '修改', created: '新建', retired: '撤销', restored: '恢复' };

export const STATUS = { under: '偏少', within: '适中', over: '偏多' };

export const STREET_CLASSES = [
  ['axis', '城市主轴'], ['main', '主干路'], ['secondary', '次干路'], ['lane', '支路小巷'],
];

/** The counts a grid carries and an edit moves, in the order the page shows them. */
export const COUNTS = [
  ['households', '户数'], ['addresses', '门牌地址'], ['residents', '居民'], ['buildings', '楼栋'],
  ['party_groups', '党小组'], ['stations', '站点'],
];

export const KINDS = { comprehensive: '综合网格', dedicated: '专属网格' };

export const DEDICATED_TO = { office_building: '商务楼宇', market: '商圈市场', campus: '园区校区', other: '其他' };

export function operation(code) {
  return OPERATIONS[code] ?? code;
}

/** "2026-03-01 14:05" from an ISO timestamp (shown in the browser's time zone). */
export function when(iso) {
  if (!iso) return '';
  const d = new Date(iso);
  if (Number.isNaN(d.getTime())) return String(iso);
  const two = (n) => String(n).padStart(2, '0');
  return `${d.getFullYear()}-${two(d.getMonth() + 1)}-${two(d.getDate())} ${two(d.getHours())}:${two(d.getMinutes())}`;
}
