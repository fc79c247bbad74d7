/**
 * The {@code precise} garbage collector: a Cheney copying collector. Every live object moves to
 * a fresh to-space; every exact root and every heap pointer (interior ones included) is updated.
 */
package org.cairnvm.gc.precise;
