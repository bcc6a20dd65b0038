package ai.cleveragents.events.shell.internal;

import org.apache.felix.service.command.Converter;
import org.osgi.service.component.annotations.Component;

/**
 * Tells Gogo to print a {@link Created} as its table (without a converter Gogo would list its methods),
 * at every level: as a command's result and inside {@code echo $p}.
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
        return target instanceof Created ? target.toString() : null;
    }
}
