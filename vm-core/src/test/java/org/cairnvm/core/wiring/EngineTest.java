package org.cairnvm.core.wiring;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotSame;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.StringWriter;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.cairnvm.api.Config;
import org.cairnvm.api.Diagnostic;
import org.cairnvm.api.GuestError;
import org.cairnvm.api.RunResult;
import org.cairnvm.api.Source;
import org.cairnvm.api.Vm;
import org.cairnvm.core.code.Image;
import org.cairnvm.sched.stackful.StackfulPlugin;
import org.cairnvm.spi.OverflowHandler;
import org.cairnvm.spi.PluginKind;
import org.cairnvm.spi.VmEngine;
import org.junit.jupiter.api.Test;

class EngineTest {
    private static final ConfigSources NO_ENVIRONMENT =
            new ConfigSources(Path.of("does-not-exist", ConfigSources.PROPERTIES_FILE), Map.of());

    private static final PluginCatalog CATALOG = new PluginCatalog(List.of(
            FakePlugins.stack("copying"), FakePlugins.stack("segmented"), FakePlugins.overflow("fatal"),
            new StackfulPlugin()));

    private static VmEngine.Spec spec(Map<String, String> options) {
        return new VmEngine.Spec(options, Map.of(), null, null, null, false);
    }

    private static CairnVm build(Map<String, String> options) {
        return (CairnVm) Engine.create(spec(options), NO_ENVIRONMENT, CATALOG);
    }

    @Test
    void picksThePluginTheConfigurationNames() {
        CairnVm vm = build(Map.of("stack", "segmented"));
        FakePlugins.RecordingStack s = (FakePlugins.RecordingStack) vm.stackStrategy();
        assertEquals("segmented", s.pluginName);
        assertEquals("segmented", vm.config().get(Config.STACK));
    }

    @Test
    void pluginsReceiveTheResolvedConfiguration() {
        CairnVm vm = build(Map.of("stack.max", "64m", "copying.factor", "3"));
        FakePlugins.RecordingStack s = (FakePlugins.RecordingStack) vm.stackStrategy();
        assertEquals(64L << 20, s.config.getSize(Config.STACK_MAX));
        assertEquals("3", s.config.get("copying.factor").orElseThrow());
        assertEquals("copying", s.pluginName);
    }

    @Test
    void eachVmHasItsOwnInjector() {
        assertNotSame(build(Map.of()).stackStrategy(), build(Map.of()).stackStrategy());
    }

    @Test
    void unknownNameListsWhatIsAvailable() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> build(Map.of("stack", "foo")));
        assertEquals("unknown stack plugin 'foo' (available: copying, segmented)", e.getMessage());
        e = assertThrows(IllegalArgumentException.class, () -> build(Map.of("overflow", "kill")));
        assertEquals("unknown overflow plugin 'kill' (available: fatal)", e.getMessage());
    }

    @Test
    void kindWithNothingInstalledIsSkippedUnlessAskedFor() {
        build(Map.of());
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> build(Map.of("gc", "precise")));
        assertEquals("unknown gc plugin 'precise' (available: none)", e.getMessage());
    }

    @Test
    void coreNeedsAStackStrategyEvenByDefault() {
        PluginCatalog noStack = new PluginCatalog(List.of(FakePlugins.overflow("fatal")));
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> Engine.create(spec(Map.of()), NO_ENVIRONMENT, noStack));
        assertEquals("unknown stack plugin 'copying' (available: none)", e.getMessage());
    }

    @Test
    void hostOverflowHandlerReplacesThePlugin() {
        PluginCatalog noOverflow = new PluginCatalog(List.of(FakePlugins.stack("copying"), new StackfulPlugin()));
        VmEngine.Spec s = new VmEngine.Spec(Map.of(), Map.of(), null, null, FakePlugins.HOST_HANDLER, false);
        CairnVm vm = (CairnVm) Engine.create(s, NO_ENVIRONMENT, noOverflow);
        assertSame(FakePlugins.HOST_HANDLER, vm.overflowHandler());
        CairnVm withPlugin = build(Map.of());
        assertEquals(OverflowHandler.Decision.FATAL, withPlugin.overflowHandler().onOverflow(null));
    }

    @Test
    void installedGcPluginIsChosenByDefault() {
        PluginCatalog withGc = new PluginCatalog(List.of(FakePlugins.stack("copying"), FakePlugins.overflow("fatal"),
                FakePlugins.gc("precise"), FakePlugins.gc("conservative"), new StackfulPlugin()));
        assertEquals(Map.of(PluginKind.STACK, "copying", PluginKind.GC, "precise", PluginKind.SCHEDULER, "stackful",
                PluginKind.OVERFLOW, "fatal"),
                names(withGc.choose(Config.defaults(), java.util.Set.of(), java.util.Set.of())));
        assertEquals("unknown gc plugin 'boehm' (available: conservative, precise)",
                assertThrows(IllegalArgumentException.class, () -> withGc.choose(Config.defaults().with("gc", "boehm"),
                        java.util.Set.of(), java.util.Set.of())).getMessage());
    }

    private static Map<PluginKind, String> names(Map<PluginKind, org.cairnvm.spi.VmPlugin> chosen) {
        Map<PluginKind, String> m = new java.util.EnumMap<>(PluginKind.class);
        chosen.forEach((k, v) -> m.put(k, v.name()));
        return m;
    }

    @Test
    void duplicatePluginsAreListedOnce() {
        PluginCatalog twice = new PluginCatalog(List.of(FakePlugins.stack("copying"), FakePlugins.stack("copying")));
        assertEquals(1, twice.ofKind(PluginKind.STACK).size());
    }

    @Test
    void programThatDidNotCompileExitsOneWithItsDiagnostics() {
        Image failed = Image.failed(Source.of("prog.go", "package main\n"), List.of(
                new Diagnostic("prog.go", 3, 7, "undefined: x"), new Diagnostic("prog.go", 4, 2, "missing return")));
        RunResult r = build(Map.of()).run(failed);
        assertEquals(1, r.exitStatus());
        assertEquals("", r.stdout());
        assertEquals("prog.go:3:7: undefined: x\nprog.go:4:2: missing return\n", r.stderr());
        GuestError e = r.error().orElseThrow();
        assertEquals(GuestError.Kind.COMPILE, e.kind());
        assertEquals("prog.go:3:7: undefined: x", e.firstLine());
    }

    @Test
    void diagnosticsGoToTheBuildersWriterWhenGiven() {
        StringWriter err = new StringWriter();
        VmEngine.Spec s = new VmEngine.Spec(Map.of(), Map.of(), null, err, null, false);
        Vm vm = Engine.create(s, NO_ENVIRONMENT, CATALOG);
        Image failed = Image.failed(Source.of("prog.go", ""), List.of(new Diagnostic("prog.go", 1, 1, "expected 'package', found 'EOF'")));
        RunResult r = vm.run(failed);
        assertEquals("", r.stderr());
        assertEquals("prog.go:1:1: expected 'package', found 'EOF'\n", err.toString());
        assertEquals("prog.go:1:1: expected 'package', found 'EOF'\n", vm.disassemble(failed, false));
    }

    @Test
    void closedVmRefusesWork() {
        Vm vm = build(Map.of());
        vm.close();
        IllegalStateException e = assertThrows(IllegalStateException.class,
                () -> vm.run(Image.failed(Source.of("prog.go", ""), List.of(new Diagnostic("prog.go", 1, 1, "x")))));
        assertTrue(e.getMessage().contains("closed"));
    }

    @Test
    void foreignProgramIsRejected() {
        org.cairnvm.api.Program foreign = new org.cairnvm.api.Program() {
            @Override
            public Source source() {
                return Source.of("prog.go", "");
            }

            @Override
            public List<Diagnostic> diagnostics() {
                return List.of();
            }
        };
        assertThrows(IllegalArgumentException.class, () -> build(Map.of()).run(foreign));
    }
}
