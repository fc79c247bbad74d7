package org.cairnvm.core.wiring;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.quicktheories.QuickTheory.qt;
import static org.quicktheories.generators.SourceDSL.booleans;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.Map;
import java.util.Set;
import org.cairnvm.api.Config;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ConfigSourcesTest {
    @TempDir
    Path dir;

    private ConfigSources sources(String properties, Map<String, String> env) throws IOException {
        Path file = dir.resolve(ConfigSources.PROPERTIES_FILE);
        if (properties != null) {
            Files.writeString(file, properties);
        } else {
            Files.deleteIfExists(file);
        }
        return new ConfigSources(file, env);
    }

    @Test
    void defaultsWhenNothingIsSet() throws IOException {
        ConfigSources.Resolved r = sources(null, Map.of()).resolve(Map.of(), true);
        assertEquals(Config.defaults().asMap(), r.config().asMap());
        assertTrue(r.explicitKeys().isEmpty());
    }

    @Test
    void builderBeatsEnvironmentBeatsFileBeatsDefaults() throws IOException {
        ConfigSources s = sources("stack=from-file\nstack.max=1m\nheap.max=2m\n",
                Map.of("CAIRN_STACK", "from-env", "CAIRN_STACK_MAX", "3m"));
        Config c = s.resolve(Map.of("stack", "from-builder"), true).config();
        assertEquals("from-builder", c.get(Config.STACK));
        assertEquals(3L << 20, c.getSize(Config.STACK_MAX));
        assertEquals(2L << 20, c.getSize(Config.HEAP_MAX));
        assertEquals("precise", c.get(Config.GC));
    }

    /** For every combination of sources setting {@code stack}, the highest one present wins. */
    @Test
    void highestSourcePresentWins() {
        qt().forAll(booleans().all(), booleans().all(), booleans().all()).checkAssert((inFile, inEnv, inBuilder) -> {
            try {
                ConfigSources s = sources(inFile ? "stack=file\n" : null,
                        inEnv ? Map.of("CAIRN_STACK", "env") : Map.of());
                Map<String, String> options = inBuilder ? Map.of("stack", "builder") : Map.of();
                ConfigSources.Resolved r = s.resolve(options, true);
                String expected = inBuilder ? "builder" : inEnv ? "env" : inFile ? "file" : "copying";
                assertEquals(expected, r.config().get(Config.STACK));
                assertEquals(inFile || inEnv || inBuilder, r.explicitKeys().contains("stack"));
            } catch (IOException e) {
                throw new AssertionError(e);
            }
        });
    }

    @Test
    void fileAndEnvironmentAreIgnoredUnlessAskedFor() throws IOException {
        ConfigSources s = sources("stack=from-file\n", Map.of("CAIRN_GC", "from-env"));
        ConfigSources.Resolved r = s.resolve(Map.of(), false);
        assertEquals("copying", r.config().get(Config.STACK));
        assertEquals("precise", r.config().get(Config.GC));
        assertEquals(Set.of(), r.explicitKeys());
    }

    @Test
    void environmentCanSetKeysOnlyThePropertiesFileOrBuilderMention() throws IOException {
        ConfigSources s = sources("copying.factor=2\n", Map.of("CAIRN_COPYING_FACTOR", "4", "CAIRN_SEGMENTED_CACHE", "8"));
        Config c = s.resolve(Map.of("segmented.cache", "1"), true).config();
        assertEquals("4", c.get("copying.factor").orElseThrow());
        assertEquals("1", c.get("segmented.cache").orElseThrow());
    }

    @Test
    void badValuesNameTheKey() throws IOException {
        ConfigSources s = sources(null, Map.of());
        assertEquals("invalid size for stack.max: 'lots' (use bytes, or a number with k, m or g)",
                assertThrows(IllegalArgumentException.class,
                        () -> s.resolve(Map.of("stack.max", "lots"), false)).getMessage());
        assertEquals("invalid number for budget.instructions: 'x'",
                assertThrows(IllegalArgumentException.class,
                        () -> s.resolve(Map.of("budget.instructions", "x"), false)).getMessage());
        assertEquals("unknown trace category 'heap' (known: stack, gc, sched)",
                assertThrows(IllegalArgumentException.class,
                        () -> s.resolve(Map.of("trace", "stack,heap"), false)).getMessage());
        assertEquals("unknown stress mode 'chaos' (known: stack-move, gc-alloc, split-call)",
                assertThrows(IllegalArgumentException.class,
                        () -> s.resolve(Map.of("stress", "chaos"), false)).getMessage());
        assertEquals("invalid value for jit: 'maybe' (on or off)",
                assertThrows(IllegalArgumentException.class,
                        () -> s.resolve(Map.of("jit", "maybe"), false)).getMessage());
        assertEquals("invalid number for jit.threshold: '-5' (0 or more)",
                assertThrows(IllegalArgumentException.class,
                        () -> s.resolve(Map.of("jit.threshold", "-5"), false)).getMessage());
        assertEquals("stack.initial (8192 bytes) exceeds stack.max (4096 bytes)",
                assertThrows(IllegalArgumentException.class,
                        () -> s.resolve(Map.of("stack.initial", "8k", "stack.max", "4k"), false)).getMessage());
    }

    @Test
    void badValueInTheEnvironmentIsReportedToo() throws IOException {
        ConfigSources s = sources(null, Map.of("CAIRN_HEAP_MAX", "-1"));
        assertThrows(IllegalArgumentException.class, () -> s.resolve(Map.of(), true));
    }

    @Test
    void unreadablePropertiesFileIsAClearError() throws IOException {
        Path file = dir.resolve(ConfigSources.PROPERTIES_FILE);
        Files.createDirectories(file);
        ConfigSources s = new ConfigSources(file, new HashMap<>());
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> s.resolve(Map.of(), true));
        assertTrue(e.getMessage().startsWith("cannot read " + file), e.getMessage());
    }
}
