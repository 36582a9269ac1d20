/**
 * The OpenAPI 3.0 description (接口说明) of partymap's whole HTTP surface, {@code /api} and
 * {@code /ogc}, served at {@code /api/openapi.json} and rendered for people by {@code /api.html}.
 * The {@code /api} part is written by hand in {@code openapi/api.yaml}; the {@code /ogc} part is
 * generated from the OGC collection table. A test holds both in step with the route table.
 */
package org.partymap.openapi;
