package org.cairnvm.core.code;

/**
 * What a frame slot holds, for the disassembler and traces.
 *
 * @param slot first word offset from fp
 * @param words width in words
 * @param name variable name, or a temporary's description ({@code t3})
 * @param type Go type as text
 * @param kind param, local, temp, or heap cell (a local moved to the heap: the slot holds its address)
 * @param addressTaken whether {@code &x} of it stays on the stack
 */
public record SlotInfo(int slot, int words, String name, String type, Kind kind, boolean addressTaken) {
    /** What kind of storage the slot is. */
    public enum Kind { PARAM, LOCAL, TEMP, HEAP_CELL }
}
