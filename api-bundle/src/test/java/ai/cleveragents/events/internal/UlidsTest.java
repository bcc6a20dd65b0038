package ai.cleveragents.events.internal;

import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertFalse;
import static org.junit.Assert.assertThrows;
import static org.junit.Assert.assertTrue;

import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.concurrent.atomic.AtomicLong;

import com.github.f4b6a3.ulid.Ulid;
import com.github.f4b6a3.ulid.UlidCreator;

import org.junit.Test;

/** The built-in ULIDs agree with ULID Creator (the library 1.0 used), and stay monotonic. */
public class UlidsTest {

    @Test
    public void validityAndCanonicalFormMatchUlidCreator() {
        List<String> corpus = new ArrayList<>(List.of("01ARZ3NDEKTSV4RRFFQ69G5FAV", "01arz3ndektsv4rrffq69g5fav",
                "7ZZZZZZZZZZZZZZZZZZZZZZZZZ", "80000000000000000000000000", "0000000000000000000000000I",
                "0000000000000000000000000l", "0000000000000000000000000O", "0000000000000000000000000U",
                "01ARZ3NDEKTSV4RRFFQ69G5FA", "01ARZ3NDEKTSV4RRFFQ69G5FAVX", "01ARZ3NDEKTSV4RRFFQ69G5FA-",
                "01ARZ3NDEKTSV4RRFFQ69G5FA\u00e9", "", "not-a-ulid"));
        Random random = new Random(14);
        String symbols = "0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz-_ ";
        for (int n = 0; n < 5_000; n++) {
            StringBuilder s = new StringBuilder();
            for (int i = 0; i < 26; i++) {
                s.append(symbols.charAt(random.nextInt(i == 0 ? 10 : symbols.length())));
            }
            corpus.add(s.toString());
        }
        for (String s : corpus) {
            assertEquals(s, Ulid.isValid(s), Ulids.isValid(s));
            if (Ulid.isValid(s)) {
                assertEquals(s, Ulid.from(s).toString(), Ulids.canonical(s));
            }
        }
        assertFalse(Ulids.isValid(null));
        assertEquals("not a ULID: 'x'", assertThrows(IllegalArgumentException.class, () -> Ulids.canonical("x")).getMessage());
    }

    @Test
    public void generatedIdsEncodeTheTimeLikeUlidCreatorAndIncrease() {
        String id = Ulids.next();
        assertTrue(Ulids.isValid(id));
        assertEquals(id, Ulids.canonical(id));
        long before = System.currentTimeMillis();
        String later = Ulids.next();
        assertTrue(later.compareTo(id) > 0);
        assertTrue(Ulid.from(later).getTime() <= System.currentTimeMillis());
        assertTrue(Ulid.from(later).getTime() >= before - 1_000);
        assertTrue(later.compareTo(UlidCreator.getUlid(0).toString()) > 0);
    }

    @Test
    public void withinOneMillisecondAndWhenTheClockGoesBackTheRandomPartCountsUp() {
        AtomicLong clock = new AtomicLong(1_000);
        Ulids ulids = new Ulids(clock::get, new Random(1));
        String previous = ulids.generate();
        for (int i = 0; i < 1_000; i++) {
            if (i == 500) {
                clock.set(10);
            }
            String next = ulids.generate();
            assertTrue(next.compareTo(previous) > 0);
            assertEquals(1_000, Ulid.from(next).getTime());
            previous = next;
        }
    }

    @Test
    public void aFullRandomPartMovesToTheNextMillisecond() {
        Random allOnes = new Random() {
            private static final long serialVersionUID = 1L;

            @Override
            public long nextLong() {
                return -1L;
            }
        };
        Ulids ulids = new Ulids(() -> 5, allOnes);
        String full = ulids.generate();
        assertEquals(26, full.length());
        assertTrue(full.endsWith("ZZZZZZZZZZZZZZZZ"));
        String next = ulids.generate();
        assertEquals(6, Ulid.from(next).getTime());
        assertTrue(next.endsWith("0000000000000000"));
        assertTrue(next.compareTo(full) > 0);
    }

    @Test
    public void theLowHalfCarriesIntoTheHighHalf() {
        Random lowFull = new Random() {
            private static final long serialVersionUID = 1L;
            private int calls;

            @Override
            public long nextLong() {
                return calls++ == 0 ? 0L : -1L;
            }
        };
        Ulids ulids = new Ulids(() -> 7, lowFull);
        String first = ulids.generate();
        assertTrue(first.endsWith("00000000ZZZZZZZZ"));
        String second = ulids.generate();
        assertTrue(second, second.endsWith("0000000100000000"));
        assertEquals(7, Ulid.from(second).getTime());
    }
}
