/**
 * The Kafka bridge's implementation: not exported.
 */
package ai.cleveragents.events.bridge.kafka.internal;
