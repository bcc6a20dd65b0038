/**
 * Requirement annotations for bundles using this API. Import with {@code [1.0,2.0)}.
 */
@Export
@Version("1.0.0")
package ai.cleveragents.events.annotations;

import org.osgi.annotation.bundle.Export;
import org.osgi.annotation.versioning.Version;
