/**
 * The benchmark of issue 7 (Maven profile {@code bench}, never part of the default build): one
 * Herald node (the built {@code herald.war} on Payara Micro, {@code -Xmx512m}) on PostgreSQL,
 * delivering to pushy's mock APNs server and a fake FCM v1 endpoint in the test's JVM, on loopback.
 *
 * <p>{@link dev.herald.it.bench.BenchmarkIT} runs the phases in order: seed N members with one
 * device each by SQL ({@link dev.herald.it.bench.Seeder}); the ceiling, raw pushy and raw
 * firebase-admin sending the same devices to the same servers ({@link dev.herald.it.bench.RawApns},
 * {@link dev.herald.it.bench.RawFcm}); one ORG broadcast with a USR notification every second
 * beside it ({@link dev.herald.it.bench.Broadcast}, {@link dev.herald.it.bench.HeadOfLine}); then
 * {@code POST …/notifications} at a fixed rate from an open-loop generator ({@link
 * dev.herald.it.bench.OpenLoop}). Every push is counted where it lands ({@link
 * dev.herald.it.bench.Arrivals}), the title saying which phase sent it. CPU time comes from {@code
 * /proc} ({@link dev.herald.it.bench.ProcSampler}), heap from the node's GC log ({@link
 * dev.herald.it.bench.GcLog}). {@link dev.herald.it.bench.Report} prints every figure as a Markdown
 * table and writes it to {@code it/target/bench/results-<N>.md}.
 *
 * <p>It reports and never judges speed; it fails only when a delivery is lost. {@code it/bench.sh}
 * starts PostgreSQL when needed and runs it; {@code docs/BENCHMARKS.md} has the results.
 */
package dev.herald.it.bench;
