/**
 * Guest types and their memory shapes. Every value is a run of 8-byte words: {@code int},
 * {@code bool}, {@code string}, pointers and channels one word each; a slice three (pointer,
 * length, capacity); arrays and structs their elements' or fields' words in order. A string word
 * points at a string object (its length word, then its bytes packed eight to a word); the empty
 * string is 0. {@link org.cairnvm.core.types.Types#pointerMap} says which words hold pointers.
 */
package org.cairnvm.core.types;
