package ai.cleveragents.events.json;

import java.math.BigDecimal;
import java.math.BigInteger;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;

import ai.cleveragents.events.DomainEvent;
import ai.cleveragents.events.EventType;

/** Seeded random events full of what encoding and decoding must get right: escapes, surrogates, numbers, nesting. */
final class RandomEvents {

    private static final char[] AWKWARD = {'"', '\\', '/', '\b', '\t', '\n', '\f', '\r', '\u0000', '\u001f',
        '\u007f', '\u0080', 'é', '\u07ff', '\u0800', '€', '\u2028', '\ud83d', '\ude00', '\ud800', '\udfff', '\uffff'};

    private RandomEvents() {
    }

    static DomainEvent event(Random r) {
        DomainEvent.Builder b = DomainEvent.builder(EventType.values()[r.nextInt(EventType.values().length)])
                .timestamp(Instant.ofEpochSecond(r.nextInt(2_000_000_000), r.nextInt(3) * 1_000 * r.nextInt(1_000_000)));
        if (r.nextBoolean()) {
            b.planId(text(r)).actorName(text(r));
        }
        if (r.nextBoolean()) {
            b.sessionId(text(r)).projectName(text(r)).rootPlanId(text(r));
        }
        int keys = r.nextInt(8);
        for (int i = 0; i < keys; i++) {
            b.detail(text(r), value(r, 0));
        }
        return b.build();
    }

    private static Object value(Random r, int depth) {
        switch (r.nextInt(depth > 2 ? 8 : 10)) {
            case 0: return null;
            case 1: return r.nextBoolean();
            case 2: return r.nextLong() >> r.nextInt(64);
            case 3: return r.nextGaussian() * Math.pow(10, r.nextInt(40) - 20);
            case 4: return new BigInteger(90, r);
            case 5: return new BigDecimal(new BigInteger(80, r), r.nextInt(40) - 20);
            case 6: case 7: return text(r);
            case 8:
                Map<String, Object> map = new LinkedHashMap<>();
                for (int i = r.nextInt(4); i > 0; i--) {
                    map.put(text(r), value(r, depth + 1));
                }
                return map;
            default:
                List<Object> list = new ArrayList<>();
                for (int i = r.nextInt(4); i > 0; i--) {
                    list.add(value(r, depth + 1));
                }
                return list;
        }
    }

    private static String text(Random r) {
        StringBuilder sb = new StringBuilder("x");
        boolean awkward = r.nextInt(3) == 0;
        for (int i = r.nextInt(20); i > 0; i--) {
            sb.append(awkward && r.nextInt(3) == 0 ? AWKWARD[r.nextInt(AWKWARD.length)]
                    : r.nextInt(10) == 0 ? 'é' : (char) ('a' + r.nextInt(26)));
        }
        return sb.toString();
    }
}
