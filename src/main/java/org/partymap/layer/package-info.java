/**
 * Loading layer files (图层导入): GeoJSON FeatureCollections, or CSV files with lon/lat columns
 * for point layers, validated feature by feature and written in one transaction or not at all.
 */
package org.partymap.layer;
