package ai.cleveragents.events.shell.internal;

import java.util.List;

/** The injection corpus of issue 16, shared by the shell's tests. */
final class TerminalTextCorpus {

    /** Newline, CR LF, ESC CSI, OSC, C1 CSI, bidi override, line and paragraph separators, tab, DEL, isolates. */
    static final List<String> INJECTIONS = List.of("a\nFORGED 12:00 INFO line", "a\r\nb", "\u001b[31mred\u001b[0m",
            "\u001b]0;title\u0007", "\u009b2J", "\u202eevil", "x\u2028y\u2029z", "tab\there", "del\u007f",
            "\u2066iso\u2069");

    private TerminalTextCorpus() {
    }
}
