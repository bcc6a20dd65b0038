package ai.cleveragents.events.shell.internal;

import org.apache.felix.service.command.Converter;
import org.osgi.service.component.annotations.Component;

/**
 * Tells Gogo how to show a {@link Created} (without a converter Gogo would list its methods). The command
 * has already printed the table ({@link SessionText}), so the result a console shows after it, and {@code $p}
 * typed alone, is the id ({@link Converter#INSPECT}); inside a line ({@code echo $p}) and as a String it is
 * the table.
 */
@Component(service = Converter.class,
        property = Converter.CONVERTER_CLASSES + "=ai.cleveragents.events.shell.internal.Created")
public final class CreatedConverter implements Converter {

    @Override
    public Object convert(Class<?> desiredType, Object in) {
        return desiredType == String.class && in instanceof Created ? in.toString() : null;
    }

    @Override
    public CharSequence format(Object target, int level, Converter escape) {
        if (!(target instanceof Created created)) {
            return null;
        }
        return level == INSPECT ? created.id() : created.toString();
    }
}
