/**
 * The JSON wire format of {@link ai.cleveragents.events.DomainEvent}s, used by the journal, the shell
 * and the bridges: {@link ai.cleveragents.events.json.EventCodec} for single events,
 * {@link ai.cleveragents.events.json.JsonLinesReader} and {@link ai.cleveragents.events.json.JsonLinesWriter}
 * for JSON Lines. Import with {@code [1.0,2.0)}.
 */
@Export
@Version("1.1.0")
package ai.cleveragents.events.json;

import org.osgi.annotation.bundle.Export;
import org.osgi.annotation.versioning.Version;
