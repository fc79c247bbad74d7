package org.cairnvm.core.compile;

import java.util.ArrayList;
import java.util.List;

/** A jump target: bound to a pc once, with the operand positions that wait for it. */
final class Label {
    int pc = -1;
    final List<Integer> patches = new ArrayList<>();

    boolean bound() {
        return pc >= 0;
    }
}
