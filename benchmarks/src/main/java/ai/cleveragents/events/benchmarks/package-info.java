/**
 * JMH benchmarks of the buses, journal and codec against the peers users would pick instead, and the
 * generator of {@code docs/performance.md}. Run with {@code ./bench}; never part of the shipped bundles.
 */
package ai.cleveragents.events.benchmarks;
