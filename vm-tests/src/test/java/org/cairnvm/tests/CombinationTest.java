package org.cairnvm.tests;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import com.google.inject.Module;
import java.util.List;
import java.util.Map;
import org.cairnvm.api.Vm;
import org.cairnvm.api.Combination;
import org.cairnvm.spi.PluginKind;
import org.cairnvm.spi.VmPlugin;
import org.junit.jupiter.api.Test;

/** The harness's own arithmetic: which combinations and stress modes the golden suite runs. */
class CombinationTest {

    private record FakePlugin(PluginKind kind, String name, List<Map<String, String>> variants) implements VmPlugin {
        FakePlugin(PluginKind kind, String name) {
            this(kind, name, List.of(Map.of()));
        }

        @Override
        public String description() {
            return "test stand-in";
        }

        @Override
        public Module module() {
            return binder -> { };
        }
    }

    @Test
    void everyChoicePerKindAndNothingForEmptyKinds() {
        List<Combination> all = Combination.all(List.of(
                new FakePlugin(PluginKind.OVERFLOW, "fatal"),
                new FakePlugin(PluginKind.STACK, "segmented"),
                new FakePlugin(PluginKind.STACK, "copying"),
                new FakePlugin(PluginKind.OVERFLOW, "kill-goroutine")));
        assertEquals(List.of(
                "stack=copying overflow=fatal",
                "stack=copying overflow=kill-goroutine",
                "stack=segmented overflow=fatal",
                "stack=segmented overflow=kill-goroutine"),
                all.stream().map(Combination::label).toList());
        assertNull(all.getFirst().choice(PluginKind.GC), "a kind with no plugin is left to the default");
    }

    @Test
    void everyVariantOfAChosenPluginIsItsOwnCombination() {
        List<Combination> all = Combination.all(List.of(
                new FakePlugin(PluginKind.STACK, "segmented", List.of(
                        Map.of("segment.cache", "none"), Map.of("segment.cache", "one"))),
                new FakePlugin(PluginKind.STACK, "copying"),
                new FakePlugin(PluginKind.GC, "precise", List.of(Map.of("gc.a", "1"), Map.of("gc.a", "2")))));
        assertEquals(List.of(
                "stack=copying gc=precise gc.a=1",
                "stack=copying gc=precise gc.a=2",
                "stack=segmented gc=precise gc.a=1 segment.cache=none",
                "stack=segmented gc=precise gc.a=2 segment.cache=none",
                "stack=segmented gc=precise gc.a=1 segment.cache=one",
                "stack=segmented gc=precise gc.a=2 segment.cache=one"),
                all.stream().map(Combination::label).toList());
        assertEquals("segmented", all.get(2).choice(PluginKind.STACK));
        assertEquals(Map.of("gc.a", "1", "segment.cache", "none"), all.get(2).options());
    }

    @Test
    void applySetsChoicesAndVariantSettings() {
        Combination c = Combination.all(List.of(new FakePlugin(PluginKind.STACK, "segmented",
                List.of(Map.of("segment.cache", "peak"))))).getFirst();
        try (Vm vm = c.apply(Vm.builder()).build()) {
            assertEquals("segmented", vm.config().get("stack").orElseThrow());
            assertEquals("peak", vm.config().get("segment.cache").orElseThrow());
        }
    }

    @Test
    void noPluginsIsOneDefaultCombination() {
        List<Combination> all = Combination.all(List.of());
        assertEquals(1, all.size());
        assertEquals("", all.getFirst().label());
    }

    @Test
    void stressModesApplyWhereTheirPluginIs() {
        Combination copying = Combination.all(List.of(new FakePlugin(PluginKind.STACK, "copying"))).getFirst();
        Combination segmented = Combination.all(List.of(new FakePlugin(PluginKind.STACK, "segmented"),
                new FakePlugin(PluginKind.GC, "precise"))).getFirst();
        Combination copyingWithGc = Combination.all(List.of(new FakePlugin(PluginKind.STACK, "copying"),
                new FakePlugin(PluginKind.GC, "precise"))).getFirst();
        assertEquals(List.of("none", "stack-move"), applicable(copying));
        assertEquals(List.of("none", "split-call", "gc-alloc"), applicable(segmented));
        assertEquals(List.of("none", "stack-move", "gc-alloc", "gc-alloc,stack-move"), applicable(copyingWithGc));
    }

    private static List<String> applicable(Combination c) {
        return StressMode.ALL.stream().filter(s -> s.appliesTo().test(c)).map(StressMode::name).toList();
    }
}
