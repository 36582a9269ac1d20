// The page's words in Chinese (the default) and English. Static text in index.html carries
// data-i18n="key" (and data-i18n-placeholder / data-i18n-title / data-i18n-label); the rest is
// rendered through t(). Data (names of grids, posts, services) stays as it is stored: Chinese.

const WORDS = {
  zh: {
    title: '线上党建地图',
    searchPlaceholder: '输入地址，如 万方花园3幢',
    searchLabel: '地址搜索',
    searchUnavailable: '地址搜索暂不可用：请点击地图或使用定位',
    searchNothing: '没有找到这个地址',
    searchFailed: '搜索失败：{0}',
    locateMe: '定位',
    locateMeTitle: '使用我的位置',
    locating: '正在定位…',
    locateFailed: '无法获取位置：{0}',
    locateUnsupported: '此浏览器不支持定位',
    language: 'EN',
    languageTitle: 'Switch to English',
    layers: '图层',
    layersTitle: '图层与图例',
    layerBasemap: '底图（街道、社区、楼栋）',
    layerTiles: '在线底图',
    layerGrids: '网格',
    legend: '图例',
    close: '关闭',
    hint: '点击地图、搜索地址或定位，查看你的网格、网格长和最近的服务站点。',
    myPlace: '我的位置',
    gridCentre: '网格中心',
    loading: '正在查询…',
    myGrid: '我的网格',
    gridCode: '网格编码',
    branch: '网格党支部',
    leader: '网格长',
    askGrid: '问网格员',
    askGridHint: '在线咨询，网格员在服务时间内尽快答复',
    call: '拨打',
    contacts: '其他联系人',
    outsideGrids: '此处不在任何网格内',
    assignedPost: '为我服务的站点',
    noAssignedPost: '此网格尚未指定服务站点',
    nearestPosts: '附近的站点与活动室',
    filterKind: '类型',
    filterService: '服务',
    anyService: '全部服务',
    noStations: '附近没有符合条件的站点',
    straight: '直线 {0}',
    walk: '步行 {0} · 约 {1} 分钟',
    via: '经 {0}',
    noRoute: '无步行路线（{0}）',
    noRouteReason_origin_far_from_streets: '所在位置离街道太远',
    noRouteReason_station_far_from_streets: '站点离街道太远',
    noRouteReason_not_connected: '街道不连通',
    noRouteReason_too_far: '太远',
    routingUnavailable: '此处无法计算步行距离，以下为直线距离',
    hours: '开放时间',
    services: '服务',
    phone: '电话',
    address: '地址',
    route: '路线',
    hideRoute: '隐藏路线',
    book: '预约办事',
    metres: '{0} 米',
    kilometres: '{0} 公里',
    failed: '查询失败：{0}',
    stationCard: '站点',
    servesGrid: '服务网格',
    basemapAttribution: '底图：partymap 数据',
    approval: '审图号：{0}',
    kind_service_centre: '党群服务中心',
    kind_grid_station: '网格驿站',
    kind_activity_room: '党员活动室',
    kind_reading_room: '图书室',
    cluster: '{0} 个站点',
  },
  en: {
    title: 'Party-building map',
    searchPlaceholder: 'Address, e.g. 万方花园3幢',
    searchLabel: 'Address search',
    searchUnavailable: 'Address search is not available: tap the map or use your location',
    searchNothing: 'No such address found',
    searchFailed: 'Search failed: {0}',
    locateMe: 'Locate',
    locateMeTitle: 'Use my location',
    locating: 'Finding you…',
    locateFailed: 'Could not get your location: {0}',
    locateUnsupported: 'This browser cannot tell your location',
    language: '中文',
    languageTitle: '切换到中文',
    layers: 'Layers',
    layersTitle: 'Layers and legend',
    layerBasemap: 'Basemap (streets, communities, buildings)',
    layerTiles: 'Online basemap',
    layerGrids: 'Grids',
    legend: 'Legend',
    close: 'Close',
    hint: 'Tap the map, search an address or use your location to see your grid, your grid leader and the nearest service posts.',
    myPlace: 'My place',
    gridCentre: 'Centre of the grid',
    loading: 'Looking it up…',
    myGrid: 'My grid',
    gridCode: 'Grid code',
    branch: 'Grid party branch',
    leader: 'Grid leader',
    askGrid: 'Ask my grid',
    askGridHint: 'Ask online; the grid workers answer within service hours',
    call: 'Call',
    contacts: 'Other contacts',
    outsideGrids: 'This place is in no grid',
    assignedPost: 'The post that serves me',
    noAssignedPost: 'No post is assigned to this grid yet',
    nearestPosts: 'Nearby posts and activity rooms',
    filterKind: 'Kind',
    filterService: 'Service',
    anyService: 'Any service',
    noStations: 'No post nearby matches',
    straight: '{0} straight',
    walk: '{0} walk · about {1} min',
    via: 'via {0}',
    noRoute: 'No walking route ({0})',
    noRouteReason_origin_far_from_streets: 'the place is far from any street',
    noRouteReason_station_far_from_streets: 'the post is far from any street',
    noRouteReason_not_connected: 'the streets do not connect',
    noRouteReason_too_far: 'too far',
    routingUnavailable: 'Walking distances cannot be computed here; distances are straight lines',
    hours: 'Hours',
    services: 'Services',
    phone: 'Phone',
    address: 'Address',
    route: 'Route',
    hideRoute: 'Hide route',
    book: 'Book a visit',
    metres: '{0} m',
    kilometres: '{0} km',
    failed: 'The lookup failed: {0}',
    stationCard: 'Post',
    servesGrid: 'Serves grid',
    basemapAttribution: 'Basemap: partymap data',
    approval: 'Map approval: {0}',
    kind_service_centre: 'Party and people service centre',
    kind_grid_station: 'Grid station',
    kind_activity_room: 'Party members’ activity room',
    kind_reading_room: 'Reading room',
    cluster: '{0} posts',
  },
};

let language = 'zh';
const listeners = [];

export function currentLanguage() {
  return language;
}

/** The text for `key`, with {0}, {1} … replaced by `args`. */
export function t(key, ...args) {
  const text = WORDS[language][key] ?? WORDS.zh[key] ?? key;
  return text.replace(/\{(\d)\}/g, (_, i) => String(args[Number(i)] ?? ''));
}

/** Metres as "850 米" / "1.2 公里". */
export function distance(metres) {
  return metres < 1000 ? t('metres', Math.round(metres)) : t('kilometres', (metres / 1000).toFixed(1));
}

/** Switches the language, rewrites the static text and tells the listeners. */
export function setLanguage(lang, root = document) {
  language = lang === 'en' ? 'en' : 'zh';
  document.documentElement.lang = language === 'en' ? 'en' : 'zh-CN';
  for (const node of root.querySelectorAll('[data-i18n]')) node.textContent = t(node.dataset.i18n);
  for (const node of root.querySelectorAll('[data-i18n-placeholder]')) node.placeholder = t(node.dataset.i18nPlaceholder);
  for (const node of root.querySelectorAll('[data-i18n-title]')) node.title = t(node.dataset.i18nTitle);
  for (const node of root.querySelectorAll('[data-i18n-label]')) node.setAttribute('aria-label', t(node.dataset.i18nLabel));
  document.title = `${t('title')} · partymap`;
  listeners.forEach((fn) => fn(language));
}

export function onLanguageChange(fn) {
  listeners.push(fn);
}
