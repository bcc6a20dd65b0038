package com.example.plain;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.ArrayList;
import java.util.List;

import ai.cleveragents.events.DomainEvent;
import ai.cleveragents.events.json.EventCodec;

/**
 * Domain events as a plain Java library: build events, append them to a JSON Lines file in the wire
 * format the runtime's journal and bridges use, and read them back. No OSGi anywhere.
 */
public final class AuditFile {

    private final Path file;
    private final EventCodec codec = new EventCodec();

    public AuditFile(Path file) {
        this.file = file;
    }

    /** Appends the events, one JSON line each. */
    public void append(List<DomainEvent> events) throws IOException {
        try (OutputStream out = Files.newOutputStream(file, StandardOpenOption.CREATE, StandardOpenOption.APPEND)) {
            for (DomainEvent event : events) {
                codec.encode(event, out);
                out.write('\n');
            }
        }
    }

    /** @return every event in the file, in order */
    public List<DomainEvent> readAll() throws IOException {
        List<DomainEvent> events = new ArrayList<>();
        try (BufferedReader in = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
            for (String line = in.readLine(); line != null; line = in.readLine()) {
                events.add(codec.decode(line));
            }
        }
        return events;
    }
}
