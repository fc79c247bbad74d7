package org.cairnvm.stack.segmented;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.google.inject.Guice;
import com.google.inject.Injector;
import java.io.IOException;
import java.io.InputStream;
import java.net.URL;
import java.nio.charset.StandardCharsets;
import java.util.Collections;
import java.util.List;
import org.cairnvm.spi.PluginKind;
import org.cairnvm.spi.StackStrategy;
import org.cairnvm.spi.VmPlugin;
import org.junit.jupiter.api.Test;

class SegmentedPluginTest {
    @Test
    void itIsTheStackPluginNamedSegmented() {
        SegmentedPlugin plugin = new SegmentedPlugin();
        assertEquals(PluginKind.STACK, plugin.kind());
        assertEquals("segmented", plugin.name());
        assertTrue(plugin.description().contains("segments"));
        assertEquals(List.of("segment.cache", "segment.hotThreshold"),
                SegmentedPlugin.KEYS.stream().map(k -> k.name()).toList());
    }

    @Test
    void itsModuleBindsOneStrategyPerInjector() {
        Injector injector = Guice.createInjector(new SegmentedPlugin().module());
        StackStrategy s = injector.getInstance(StackStrategy.class);
        assertInstanceOf(SegmentedStrategy.class, s);
        assertSame(s, injector.getInstance(StackStrategy.class));
    }

    @Test
    void itIsRegisteredAsAService() throws IOException {
        boolean listed = false;
        for (URL url : Collections.list(getClass().getClassLoader()
                .getResources("META-INF/services/" + VmPlugin.class.getName()))) {
            try (InputStream in = url.openStream()) {
                String text = new String(in.readAllBytes(), StandardCharsets.UTF_8);
                listed |= text.lines().map(String::trim).anyMatch(SegmentedPlugin.class.getName()::equals);
            }
        }
        assertTrue(listed, "META-INF/services lists " + SegmentedPlugin.class.getName());
    }
}
