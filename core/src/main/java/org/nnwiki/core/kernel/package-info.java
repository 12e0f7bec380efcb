/**
 * The core's heavy loops on plain {@code float[]} arrays: matrix products (plain and "shifted rows"
 * for convolutions), sums, dot products, column sums, maxima, e^x and GELU, with the JDK Vector API
 * when {@code jdk.incubator.vector} is present and plain Java otherwise, split over the core's
 * helper threads ({@link org.nnwiki.core.kernel.Parallel}) when large. Knows nothing about tensors'
 * shapes or gradients.
 *
 * <h2>The same bits on every machine</h2>
 *
 * For the same inputs every kernel returns the same bits with 128-, 256- or 512-bit vectors (or any
 * other width that divides 16 floats), without the Vector API, with any number of threads,
 * interpreted or compiled by C1 or C2, at any point of a run, and on any JDK from 17 on. {@code
 * DeterminismTest} checks this against a hash committed in the repository. The rules that make it
 * so, which every new kernel must follow:
 *
 * <ol>
 *   <li><b>One order per reduction, independent of the lane count.</b> A sum or dot product over
 *       contiguous elements keeps 16 partial sums: element i goes into partial {@code i mod 16}, in
 *       increasing i, and the partials are combined in a fixed tree (see {@code Lanes}). A vector
 *       kernel with L lanes holds them as 16 / L vectors, filled in 16 / L passes that each stride
 *       16 elements; the plain kernels hold them in an array. {@link org.nnwiki.core.kernel.Sums}
 *       adds such block sums of 256 elements in double, in order. Never use {@code
 *       reduceLanes(ADD)}: its order is left to the implementation and differs between interpreted
 *       and compiled code. (Maxima may use it: max is exact in any order.)
 *   <li><b>Products are chains.</b> Each element of a matrix product is one chain of fused
 *       multiply-adds along k, from zero, in increasing k; the lanes only decide which output
 *       elements run side by side. Column sums are one chain per column in row order.
 *   <li><b>FMA the same way on every path.</b> Where the vector code uses {@code fma}, the plain
 *       code and the tails use {@link java.lang.Math#fma} (exact, one rounding, on every JVM);
 *       where the vector code multiplies and then adds, so do they.
 *   <li><b>Threads split, never reorder.</b> A parallel loop's chunks write disjoint outputs, and
 *       each output is computed wholly inside one chunk, so the number of chunks (which follows the
 *       thread count) cannot change a bit. A sum over chunks uses chunks fixed by the data, not by
 *       the thread count (the convolution's weight gradient sums fixed groups of 8 images).
 *   <li><b>One formula per transcendental.</b> e^x is {@link
 *       org.nnwiki.core.kernel.Exp#exp(float)}, in the vector lanes, the tails and the fallback
 *       alike; GELU builds on it. Elsewhere the core calls {@link java.lang.StrictMath}, never
 *       {@code Math.exp/log/pow/sin/cos}, whose last bit may differ between CPUs, JDKs and the JIT
 *       ({@code ArchitectureTest} enforces this; the generator reports such calls in page code
 *       too).
 *   <li><b>No vector width wider than the rule.</b> On hardware whose vectors hold more than 16
 *       floats (SVE beyond 512 bits) the vector kernel refuses to load and the plain kernels run,
 *       with the same bits.
 * </ol>
 *
 * <p>Not covered by the rules, and therefore kept out of results: the timing of threads, and
 * anything read from the clock.
 */
package org.nnwiki.core.kernel;
