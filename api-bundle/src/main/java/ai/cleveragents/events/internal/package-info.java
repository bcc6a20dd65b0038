/**
 * The API bundle's private implementation (ULID generation and checking); not exported.
 */
package ai.cleveragents.events.internal;
