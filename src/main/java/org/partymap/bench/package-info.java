/**
 * 性能测量 benchmarks: {@code ./partymap bench <what>}. The registry of benchmarks, and what they
 * share: running a request under many concurrent clients with its throughput and latency
 * percentiles, a lean HTTP client that does not drown the server it measures, a headless browser
 * that loads a page and reports its weight and timings, and a throwaway synthetic district for
 * measuring before real data exists.
 */
package org.partymap.bench;
