/**
 * Code that runs inside the session JVMs, not in the generator: the session's main class ({@code
 * SessionAgent}, JShell's execution protocol), the system class loader that records what the
 * session used for the cache ({@code UsageRecordingLoader}) and the capped standard output ({@code
 * CappedOutput}). It is the only part of the generator on a session's class path, so it may use the
 * JDK and nothing else (ArchitectureTest checks this).
 */
package org.nnwiki.generator.execute.agent;
