package org.cairnvm.core.interp;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.io.StringWriter;
import org.junit.jupiter.api.Test;

/** Buffered guest output keeps the order of the two streams when they share a writer. */
class OutputTest {
    @Test
    void streamsInterleaveInOrderOnOneWriter() {
        StringWriter both = new StringWriter();
        Output o = new Output(both, both);
        o.printText(Output.STDOUT, "a");
        o.printInt(Output.STDERR, -7);
        o.printBool(Output.STDOUT, 1);
        o.printChar(Output.STDERR, 0x4e16);
        byte[] utf8 = "é!".getBytes(java.nio.charset.StandardCharsets.UTF_8);
        o.printUtf8(Output.STDOUT, utf8, utf8.length);
        o.flush();
        assertEquals("a-7true世é!", both.toString());
    }

    @Test
    void largeOutputIsFlushedInChunks() {
        StringWriter out = new StringWriter();
        Output o = new Output(out, new StringWriter());
        for (int i = 0; i < 100_000; i++) {
            o.printInt(Output.STDOUT, i);
        }
        // most of it is already written before the final flush
        assertEquals(true, out.getBuffer().length() > 400_000);
        o.flush();
        assertEquals(488_890, out.getBuffer().length());
    }
}
