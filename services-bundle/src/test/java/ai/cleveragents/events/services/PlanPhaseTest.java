package ai.cleveragents.events.services;

import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertFalse;
import static org.junit.Assert.assertTrue;

import java.util.EnumSet;
import java.util.Optional;

import org.junit.Test;

public class PlanPhaseTest {

    @Test
    public void successfulPathRunsFromCreatedToCompleted() {
        assertEquals(Optional.of(PlanPhase.PLANNING), PlanPhase.CREATED.next());
        assertEquals(Optional.of(PlanPhase.EXECUTING), PlanPhase.PLANNING.next());
        assertEquals(Optional.of(PlanPhase.VALIDATING), PlanPhase.EXECUTING.next());
        assertEquals(Optional.of(PlanPhase.COMPLETED), PlanPhase.VALIDATING.next());
        assertEquals(Optional.empty(), PlanPhase.COMPLETED.next());
        assertEquals(Optional.empty(), PlanPhase.FAILED.next());
        assertEquals(Optional.empty(), PlanPhase.CANCELLED.next());
    }

    @Test
    public void everyPhaseThatIsNotFinalMayFailOrBeCancelled() {
        assertEquals(EnumSet.of(PlanPhase.PLANNING, PlanPhase.FAILED, PlanPhase.CANCELLED), PlanPhase.CREATED.successors());
        assertEquals(EnumSet.of(PlanPhase.COMPLETED, PlanPhase.FAILED, PlanPhase.CANCELLED), PlanPhase.VALIDATING.successors());
        assertTrue(PlanPhase.EXECUTING.canMoveTo(PlanPhase.FAILED));
        assertTrue(PlanPhase.PLANNING.canMoveTo(PlanPhase.CANCELLED));
        assertFalse(PlanPhase.CREATED.canMoveTo(PlanPhase.EXECUTING));
        assertFalse(PlanPhase.EXECUTING.canMoveTo(PlanPhase.PLANNING));
    }

    @Test
    public void finalPhasesHaveNoWayOut() {
        for (PlanPhase terminal : EnumSet.of(PlanPhase.COMPLETED, PlanPhase.FAILED, PlanPhase.CANCELLED)) {
            assertTrue(terminal.isTerminal());
            assertTrue(terminal.successors().isEmpty());
            for (PlanPhase any : PlanPhase.values()) {
                assertFalse(terminal + " -> " + any, terminal.canMoveTo(any));
            }
        }
        assertFalse(PlanPhase.CREATED.isTerminal());
    }

    @Test
    public void idsAreLowerCaseNames() {
        assertEquals("validating", PlanPhase.VALIDATING.id());
        assertEquals("reverted", DecisionStatus.REVERTED.id());
    }
}
