package org.cairnvm.core.interp;

import java.io.IOException;
import java.io.Writer;
import java.nio.charset.StandardCharsets;

/**
 * The guest's standard output and standard error, buffered. One buffer serves both streams and
 * is flushed whenever the stream changes, so text keeps its order even when both streams go to
 * the same writer (a terminal); it is also flushed when it fills and at the end of the run.
 * Printing a million short lines then costs a million appends and a few hundred writes.
 */
public final class Output {
    /** Stream number of standard output, as the print instructions name it. */
    public static final int STDOUT = 1;
    /** Stream number of standard error. */
    public static final int STDERR = 2;
    /** Characters buffered before a write: large enough to amortise the writer's own locking. */
    private static final int FLUSH_AT = 1 << 14;

    private final Writer out;
    private final Writer err;
    private final StringBuilder buffer = new StringBuilder(FLUSH_AT + 256);
    private int stream = STDOUT;

    public Output(Writer out, Writer err) {
        this.out = out;
        this.err = err;
    }

    /** Switches to {@code s}, writing out what was buffered for the other stream first. */
    private StringBuilder to(int s) {
        if (s != stream) {
            flushBuffer();
            stream = s;
        }
        return buffer;
    }

    private void maybeFlush() {
        if (buffer.length() >= FLUSH_AT) {
            flushBuffer();
        }
    }

    public void printInt(int s, long v) {
        to(s).append(v);
        maybeFlush();
    }

    public void printBool(int s, long v) {
        to(s).append(v != 0 ? "true" : "false");
        maybeFlush();
    }

    public void printChar(int s, int c) {
        to(s).appendCodePoint(c);
        maybeFlush();
    }

    public void printText(int s, String text) {
        to(s).append(text);
        maybeFlush();
    }

    /** Prints {@code n} bytes of UTF-8 (a guest string); ASCII goes straight into the buffer. */
    public void printUtf8(int s, byte[] bytes, int n) {
        StringBuilder b = to(s);
        int i = 0;
        while (i < n && bytes[i] >= 0) {
            b.append((char) bytes[i]);
            i++;
        }
        if (i < n) {
            b.append(new String(bytes, i, n - i, StandardCharsets.UTF_8));
        }
        maybeFlush();
    }

    private void flushBuffer() {
        if (buffer.isEmpty()) {
            return;
        }
        Writer w = stream == STDERR ? err : out;
        try {
            w.append(buffer);
        } catch (IOException e) {
            // Go's print and fmt.Print ignore write errors; so does the guest.
        } finally {
            buffer.setLength(0);
        }
    }

    /** Writes everything buffered and flushes both writers. */
    public void flush() {
        flushBuffer();
        try {
            out.flush();
            err.flush();
        } catch (IOException e) {
            // as above: a failed write is not the guest's error
        }
    }
}
