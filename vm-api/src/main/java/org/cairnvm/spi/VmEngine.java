package org.cairnvm.spi;

import java.io.Writer;
import java.util.Map;
import org.cairnvm.api.HostFunction;
import org.cairnvm.api.Vm;

/** The VM implementation, provided by {@code org.cairnvm.core} and found by {@link Vm#builder()}. */
public interface VmEngine {
    /**
     * What a builder collected.
     *
     * @param options configuration keys set by the builder
     * @param hostFunctions bodies for bodyless Go functions
     * @param out guest standard output, or null to capture it
     * @param err guest standard error, or null to capture it
     * @param overflowHandler a host-supplied overflow handler, or null for the configured plugin
     * @param readEnvironment whether to read {@code cairn.properties} and {@code CAIRN_*} variables
     */
    record Spec(Map<String, String> options, Map<String, HostFunction> hostFunctions, Writer out,
                Writer err, OverflowHandler overflowHandler, boolean readEnvironment) {
    }

    Vm create(Spec spec);
}
