package org.cairnvm.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import org.cairnvm.api.Metrics;
import org.junit.jupiter.api.Test;

class GuestStreamsTest {
    /** Both streams into one, to see the order a terminal would show. */
    @Test
    void stderrFollowsTheOutputWrittenBeforeIt() throws IOException {
        ByteArrayOutputStream both = new ByteArrayOutputStream();
        GuestStreams g = new GuestStreams(both, both, false);
        g.out().write("1\n2\n");
        g.err().write("panic: boom\n");
        g.out().write("never flushed until the end\n");
        assertEquals("1\n2\npanic: boom\n", both.toString(StandardCharsets.UTF_8));
        g.flush();
        assertEquals("1\n2\npanic: boom\nnever flushed until the end\n", both.toString(StandardCharsets.UTF_8));
    }

    @Test
    void interactiveOutputIsFlushedPerLine() throws IOException {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        GuestStreams g = new GuestStreams(out, OutputStream.nullOutputStream(), true);
        g.out().write("partial");
        assertEquals("", out.toString(StandardCharsets.UTF_8));
        g.out().write(" line\nnext");
        assertEquals("partial line\nnext", out.toString(StandardCharsets.UTF_8));
    }

    @Test
    void outputIsUtf8() throws IOException {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        GuestStreams g = new GuestStreams(out, OutputStream.nullOutputStream(), false);
        g.out().write("é世");
        g.flush();
        assertEquals("é世", out.toString(StandardCharsets.UTF_8));
    }

    @Test
    void statsTableAlignsNamesAndValues() {
        String t = StatsTable.render(new Metrics(Map.of("vm.calls", 7L, "stack.growths", 12345L)));
        assertEquals("""
                metric         value
                stack.growths  12345
                vm.calls           7
                """, t);
        assertEquals("no metrics recorded\n", StatsTable.render(new Metrics(Map.of())));
    }
}
