/**
 * 性能测量 benchmarks: what the benchmarks behind {@code ./partymap bench <what>} share — running
 * a request under many concurrent clients with its throughput and latency percentiles, a lean
 * HTTP client that does not drown the server it measures, a headless browser that loads a page
 * and reports its weight and timings, pgRouting as the baseline of the walking network, and a
 * throwaway synthetic district for measuring before real data exists. The registry of
 * benchmarks is {@code org.partymap.Bench}.
 */
package org.partymap.bench;
