/**
 * Component property types for whiteboard event handlers. Import with {@code [1.0,2.0)}.
 */
@Export
@Version("1.1.0")
package ai.cleveragents.events.propertytypes;

import org.osgi.annotation.bundle.Export;
import org.osgi.annotation.versioning.Version;
