package org.cairnvm.cli;

import java.io.BufferedWriter;
import java.io.IOException;
import java.io.OutputStream;
import java.io.OutputStreamWriter;
import java.io.Writer;
import java.nio.charset.StandardCharsets;

/**
 * The guest's standard output and standard error over the process's, in UTF-8 (Go strings are
 * bytes; the guest's text reaches the terminal as Go would write it). Standard output is
 * buffered and, on a terminal, flushed at every newline; standard error is written through at
 * once, as Go's is unbuffered, after flushing standard output so a panic report follows the
 * output that came before it.
 */
final class GuestStreams {
    /** Large enough that a program printing many short lines costs few system calls. */
    private static final int OUT_BUFFER_CHARS = 1 << 16;

    private final Writer out;
    private final Writer err;

    GuestStreams(OutputStream stdout, OutputStream stderr, boolean interactive) {
        Writer buffered = new BufferedWriter(new OutputStreamWriter(stdout, StandardCharsets.UTF_8), OUT_BUFFER_CHARS);
        this.out = interactive ? new LineFlushing(buffered) : buffered;
        this.err = new WriteThrough(new OutputStreamWriter(stderr, StandardCharsets.UTF_8), out);
    }

    Writer out() {
        return out;
    }

    Writer err() {
        return err;
    }

    /** Pushes out whatever is buffered; the process's streams stay open. */
    void flush() {
        try {
            out.flush();
            err.flush();
        } catch (IOException e) {
            // The reader went away (a closed pipe); there is nobody left to tell.
        }
    }

    /** Flushes at every newline, for a person watching a terminal. */
    private static final class LineFlushing extends Writer {
        private final Writer target;

        LineFlushing(Writer target) {
            this.target = target;
        }

        @Override
        public void write(char[] buf, int off, int len) throws IOException {
            target.write(buf, off, len);
            for (int i = off; i < off + len; i++) {
                if (buf[i] == '\n') {
                    target.flush();
                    return;
                }
            }
        }

        @Override
        public void write(String s, int off, int len) throws IOException {
            target.write(s, off, len);
            if (s.indexOf('\n', off) >= 0 && s.indexOf('\n', off) < off + len) {
                target.flush();
            }
        }

        @Override
        public void flush() throws IOException {
            target.flush();
        }

        @Override
        public void close() throws IOException {
            target.flush();
        }
    }

    /** Writes through at once, after flushing the guest's standard output. */
    private static final class WriteThrough extends Writer {
        private final Writer target;
        private final Writer before;

        WriteThrough(Writer target, Writer before) {
            this.target = target;
            this.before = before;
        }

        @Override
        public void write(char[] buf, int off, int len) throws IOException {
            before.flush();
            target.write(buf, off, len);
            target.flush();
        }

        @Override
        public void write(String s, int off, int len) throws IOException {
            before.flush();
            target.write(s, off, len);
            target.flush();
        }

        @Override
        public void flush() throws IOException {
            target.flush();
        }

        @Override
        public void close() throws IOException {
            target.flush();
        }
    }
}
