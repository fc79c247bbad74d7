package org.cairnvm.api;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Objects;

/**
 * A guest program's text and the file name used in diagnostics and traces ({@code prog.go}).
 * Source is untrusted input: its bytes are kept as read, so malformed UTF-8 reaches the lexer,
 * which reports it in Go's form.
 *
 * @param name the file name as diagnostics print it (no directory)
 * @param bytes the program text
 */
public record Source(String name, byte[] bytes) {
    public Source {
        Objects.requireNonNull(name, "name");
        bytes = bytes.clone();
    }

    /** Reads a file; the diagnostic name is the file's base name, as {@code go build} prints it. */
    public static Source of(Path path) throws IOException {
        return new Source(path.getFileName().toString(), Files.readAllBytes(path));
    }

    /** Source held in memory, for embedding and tests. */
    public static Source of(String name, String text) {
        return new Source(name, text.getBytes(StandardCharsets.UTF_8));
    }

    @Override
    public byte[] bytes() {
        return bytes.clone();
    }

    /** The text decoded as UTF-8 (malformed bytes replaced), for display. */
    public String text() {
        return new String(bytes, StandardCharsets.UTF_8);
    }
}
