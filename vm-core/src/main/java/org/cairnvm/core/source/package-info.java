/** Diagnostics in Go's form and the limits that keep untrusted source from exhausting the front end. */
package org.cairnvm.core.source;
