/**
 * Implementation of the operations bundle: Log Service forwarding, configuration checks, JMX MBeans
 * and {@code events:health}. Not exported.
 */
package ai.cleveragents.events.operations.internal;
