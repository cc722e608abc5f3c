/*
 * Copyright 2026-present the original author or authors.
 *
 * Licensed under the Apache License, Version 2.0 (the "License");
 * you may not use this file except in compliance with the License.
 * You may obtain a copy of the License at
 *
 *      https://www.apache.org/licenses/LICENSE-2.0
 *
 * Unless required by applicable law or agreed to in writing, software
 * distributed under the License is distributed on an "AS IS" BASIS,
 * WITHOUT WARRANTIES OR CONDITIONS OF ANY KIND, either express or implied.
 * See the License for the specific language governing permissions and
 * limitations under the License.
 */

package io.github.glmspringai.benchmarks;

import java.io.IOException;
import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

import com.sun.management.OperatingSystemMXBean;

/**
 * Process-wide meters of this JVM, and the command line to start another JVM on the same
 * class path.
 *
 * @author glm-spring-ai
 */
final class Jvm {

	private static final OperatingSystemMXBean OS = (OperatingSystemMXBean) ManagementFactory
		.getOperatingSystemMXBean();

	private static final com.sun.management.ThreadMXBean THREADS = (com.sun.management.ThreadMXBean) ManagementFactory
		.getThreadMXBean();

	private Jvm() {
	}

	private static final Path TASKS = Path.of("/proc/self/task");

	/**
	 * CPU time of this process, all threads (application, GC, JIT), in nanoseconds, as
	 * the operating system accounts it (on Linux in 10 ms steps).
	 * @return the CPU time
	 */
	static long cpuNanos() {
		return OS.getProcessCpuTime();
	}

	/**
	 * CPU time of every thread of this process, JVM-internal threads (GC, JIT) included,
	 * with nanosecond resolution, from Linux's {@code /proc/self/task/<tid>/schedstat};
	 * empty where that is not available.
	 * @return thread id to CPU nanoseconds
	 */
	static Map<String, Long> taskCpuNanos() {
		Map<String, Long> result = new HashMap<>();
		try (Stream<Path> tasks = Files.list(TASKS)) {
			tasks.forEach((task) -> {
				try {
					String stat = Files.readString(task.resolve("schedstat"));
					int space = stat.indexOf(' ');
					result.put(task.getFileName().toString(), Long.parseLong(stat.substring(0, space)));
				}
				catch (IOException | RuntimeException ex) {
					// the thread ended
				}
			});
		}
		catch (IOException | RuntimeException ex) {
			return Map.of();
		}
		return result;
	}

	/**
	 * Machine-wide CPU counters from {@code /proc/stat}: {@code [busy, total]} in clock
	 * ticks, or {@code [0, 0]} where not available.
	 * @return the counters
	 */
	static long[] machineTicks() {
		try {
			String line = Files.readAllLines(Path.of("/proc/stat")).get(0);
			String[] fields = line.trim().split("\\s+");
			long total = 0;
			for (int i = 1; i < Math.min(fields.length, 9); i++) {
				total += Long.parseLong(fields[i]);
			}
			long idle = Long.parseLong(fields[4]) + Long.parseLong(fields[5]);
			return new long[] { total - idle, total };
		}
		catch (IOException | RuntimeException ex) {
			return new long[] { 0, 0 };
		}
	}

	/**
	 * Share of all cores' time that was busy between two {@link #machineTicks()}
	 * readings.
	 * @param before the earlier reading
	 * @param after the later reading
	 * @return percent, or -1 when unknown
	 */
	static double machineBusyPercent(long[] before, long[] after) {
		long total = after[1] - before[1];
		return (total > 0) ? 100.0 * (after[0] - before[0]) / total : -1;
	}

	/**
	 * A CPU meter reading.
	 *
	 * @param tasks per-thread CPU time, possibly empty
	 * @param process process CPU time
	 */
	record Cpu(Map<String, Long> tasks, long process) {

		static Cpu now() {
			return new Cpu(taskCpuNanos(), cpuNanos());
		}

		/**
		 * CPU time used since this reading: the sum over threads when available (a thread
		 * that ended in between is not counted), else the process figure.
		 * @return nanoseconds
		 */
		long elapsed() {
			if (this.tasks.isEmpty()) {
				return cpuNanos() - this.process;
			}
			long total = 0;
			for (Map.Entry<String, Long> entry : taskCpuNanos().entrySet()) {
				total += entry.getValue() - this.tasks.getOrDefault(entry.getKey(), 0L);
			}
			return total;
		}

	}

	static ThreadMXBean threads() {
		return THREADS;
	}

	/**
	 * Allocation counters of all live threads.
	 * @return thread id to allocated bytes
	 */
	static Map<Long, Long> allocations() {
		long[] ids = THREADS.getAllThreadIds();
		long[] bytes = THREADS.getThreadAllocatedBytes(ids);
		Map<Long, Long> result = new HashMap<>(ids.length * 2);
		for (int i = 0; i < ids.length; i++) {
			if (bytes[i] >= 0) {
				result.put(ids[i], bytes[i]);
			}
		}
		return result;
	}

	/**
	 * Bytes allocated since {@code before} by threads alive now (a thread that ended in
	 * between is not counted, rather than counted negatively).
	 * @param before an earlier {@link #allocations()}
	 * @return the bytes
	 */
	static long allocatedSince(Map<Long, Long> before) {
		long total = 0;
		for (Map.Entry<Long, Long> entry : allocations().entrySet()) {
			total += entry.getValue() - before.getOrDefault(entry.getKey(), 0L);
		}
		return total;
	}

	/**
	 * {@code java <options> -cp <this class path>}.
	 * @param options JVM options
	 * @return the command, to which the main class and arguments are appended
	 */
	static List<String> command(List<String> options) {
		List<String> command = new ArrayList<>();
		command.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
		command.addAll(options);
		command.add("-cp");
		command.add(System.getProperty("java.class.path"));
		return command;
	}

}
