package ai.cleveragents.events.shell.internal;

import java.io.UncheckedIOException;
import java.util.Arrays;
import java.util.List;
import java.util.stream.Collectors;

import ai.cleveragents.events.EventJournal;
import ai.cleveragents.events.JournalProblem;
import ai.cleveragents.events.JournalReport;
import ai.cleveragents.events.json.EventCodec;

/**
 * {@code events:journal --verify}, and the warning lines {@code events:journal} prints when the journal
 * had problems at opening. Problem lines hold segment names, offsets and sequence numbers only, never
 * event content.
 */
final class JournalCheck {

    static final String VERIFY = "--verify";
    static final String USAGE = "events:journal --verify";

    private JournalCheck() {
    }

    /**
     * Runs {@code events:journal}: verification with {@code --verify}, else the query, preceded by the
     * opening warnings unless the output is JSON Lines.
     *
     * @param args    the command's arguments
     * @param journal the journal, or {@code null}
     * @param codec   the wire codec, for {@code --json}
     * @return the text to print
     * @throws CommandException as {@link #verify} and {@link JournalQuery#execute} do
     */
    static String journal(String[] args, EventJournal journal, EventCodec codec) {
        if (wanted(args)) {
            return verify(args, journal);
        }
        String output = JournalQuery.execute(args, journal, codec);
        return Arrays.asList(args).contains("--json") ? output : warnings(journal) + output;
    }

    /** @return {@code true} if the arguments ask for verification */
    static boolean wanted(String... args) {
        return Arrays.asList(args).contains(VERIFY);
    }

    /**
     * Verifies the whole journal.
     *
     * @param args    the command's arguments: {@code --verify} alone
     * @param journal the journal, or {@code null}
     * @return the summary line, when the journal is intact
     * @throws CommandException with one line per problem and the summary (exit status 1) when something
     *                          is wrong, or on other arguments, or without a journal
     */
    static String verify(String[] args, EventJournal journal) {
        if (args.length != 1) {
            throw new CommandException("--verify takes no other option", USAGE);
        }
        if (journal == null) {
            throw new CommandException(JournalQuery.NO_JOURNAL);
        }
        JournalReport report;
        try {
            report = journal.verify();
        } catch (UncheckedIOException e) {
            throw new CommandException("journal: " + e.getMessage());
        }
        if (report.isClean()) {
            return report.summary();
        }
        throw new CommandException(lines(report.problems(), "") + report.summary());
    }

    /**
     * @param journal the journal, or {@code null}
     * @return one {@code WARN journal: …} line per problem found when it was opened, each ending in a line
     *         break; empty when there is none
     */
    static String warnings(EventJournal journal) {
        return journal == null ? "" : lines(journal.knownProblems(), "WARN journal: ");
    }

    private static String lines(List<JournalProblem> problems, String prefix) {
        return problems.stream().map(p -> prefix + p + "\n").collect(Collectors.joining());
    }
}
