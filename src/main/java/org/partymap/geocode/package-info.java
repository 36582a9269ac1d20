/**
 * 地理编码 geocoding: turning the address text people write (地址) into a point on the map, a
 * match level and a score, and back. The gazetteer it matches against is the district's
 * 标准地址 standard addresses (门牌, "人民路12号", "万方花园3幢2单元"), 楼栋 buildings, 小区 estates,
 * 街巷 streets with house-number ranges, 社区 communities, 街道 subdistricts and service stations.
 *
 * <p>The pipeline: {@link org.partymap.geocode.AddressNormalizer} (full-width, numerals,
 * synonyms, the province / city / district prefix) → {@link org.partymap.geocode.AddressParser}
 * (components) → {@link org.partymap.geocode.Matcher} (the in-memory
 * {@link org.partymap.geocode.Gazetteer}, most precise level first). See docs/geocoding.md.
 */
package org.partymap.geocode;
