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

import java.io.PrintStream;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import org.jspecify.annotations.Nullable;

/**
 * Per-chunk cost of each contender on the same fast stream, measured in rounds: every
 * round runs a batch of sequential streams on each contender, in a rotating order, so
 * that each contender's figures come from the same minutes as the floor's and the
 * machine's background noise affects all alike. Before each batch the heap is collected,
 * outside the measurement, so that each batch pays for its own garbage.
 *
 * @author glm-spring-ai
 */
final class ThroughputBenchmark {

	private ThroughputBenchmark() {
	}

	/**
	 * One batch.
	 *
	 * @param cpuNanos CPU time of all threads of the process (GC and JIT included)
	 * @param allocatedBytes bytes allocated by all threads
	 * @param wallNanos elapsed time
	 * @param chunks SSE events received
	 */
	record Sample(long cpuNanos, long allocatedBytes, long wallNanos, long chunks) {

		double cpuPerChunk() {
			return this.cpuNanos / (double) this.chunks;
		}

		double allocatedPerChunk() {
			return this.allocatedBytes / (double) this.chunks;
		}

		double chunksPerSecond() {
			return this.chunks * 1e9 / this.wallNanos;
		}

	}

	/** The samples of one contender. */
	static final class Series {

		final Contender contender;

		final List<Sample> samples = new ArrayList<>();

		@Nullable String failure;

		boolean correct = true;

		@Nullable String mismatch;

		Series(Contender contender) {
			this.contender = contender;
		}

		List<Double> values(java.util.function.ToDoubleFunction<Sample> metric) {
			List<Double> values = new ArrayList<>(this.samples.size());
			for (Sample sample : this.samples) {
				values.add(metric.applyAsDouble(sample));
			}
			return values;
		}

		double median(java.util.function.ToDoubleFunction<Sample> metric) {
			return Stats.median(values(metric));
		}

		/**
		 * Per-round ratio of CPU per chunk to another series'.
		 * @param other the other series
		 * @return the ratios, one per round both completed
		 */
		List<Double> cpuRatios(Series other) {
			List<Double> ratios = new ArrayList<>();
			int n = Math.min(this.samples.size(), other.samples.size());
			for (int i = 0; i < n; i++) {
				ratios.add(this.samples.get(i).cpuPerChunk() / other.samples.get(i).cpuPerChunk());
			}
			return ratios;
		}

	}

	static List<Series> run(List<Contender> contenders, Scenario scenario, int chunksPerBatch, int rounds,
			long warmupMillis, PrintStream log) {
		Tally expected = Tokens.expected(scenario);
		int streams = Math.max(1, chunksPerBatch / scenario.tokens());
		List<Series> series = new ArrayList<>();
		for (Contender contender : contenders) {
			series.add(new Series(contender));
		}
		log.println("Per-chunk cost: warming up " + contenders.size() + " clients (" + warmupMillis
				+ " ms each, twice, interleaved)");
		for (int pass = 0; pass < 2; pass++) {
			for (Series s : series) {
				warmUp(s, scenario, expected, warmupMillis, log);
			}
		}
		for (int round = 0; round < rounds; round++) {
			StringBuilder line = new StringBuilder("  round " + (round + 1) + "/" + rounds + ":");
			for (int k = 0; k < series.size(); k++) {
				Series s = series.get((k + round) % series.size());
				if (s.failure != null) {
					continue;
				}
				Sample sample = batch(s, scenario, expected, streams);
				if (sample != null) {
					s.samples.add(sample);
					line.append(String.format(" %s/%s %.0f ns", shortName(s.contender),
							Contender.label(s.contender.protocol()), sample.cpuPerChunk()));
				}
			}
			log.println(line);
		}
		return series;
	}

	private static String shortName(Contender contender) {
		String name = contender.name();
		int space = name.indexOf(' ');
		return (space > 0) ? name.substring(0, space) : name;
	}

	private static void warmUp(Series s, Scenario scenario, Tally expected, long millis, PrintStream log) {
		if (s.failure != null) {
			return;
		}
		long end = System.nanoTime() + millis * 1_000_000L;
		try {
			do {
				check(s, s.contender.run(scenario), expected);
			}
			while (System.nanoTime() < end);
		}
		catch (Exception | LinkageError ex) {
			s.failure = ex.toString();
			log.println("  " + s.contender.name() + " (" + Contender.label(s.contender.protocol()) + ") failed: " + ex);
		}
	}

	private static @Nullable Sample batch(Series s, Scenario scenario, Tally expected, int streams) {
		System.gc();
		Map<Long, Long> allocations = Jvm.allocations();
		Jvm.Cpu cpu = Jvm.Cpu.now();
		long start = System.nanoTime();
		try {
			for (int i = 0; i < streams; i++) {
				check(s, s.contender.run(scenario), expected);
			}
		}
		catch (Exception | LinkageError ex) {
			s.failure = ex.toString();
			return null;
		}
		long wall = System.nanoTime() - start;
		long cpuUsed = cpu.elapsed();
		long allocated = Jvm.allocatedSince(allocations);
		return new Sample(cpuUsed, allocated, wall, (long) streams * scenario.events(s.contender.protocol()));
	}

	private static void check(Series s, Tally actual, Tally expected) {
		if (!actual.matches(expected)) {
			s.correct = false;
			if (s.mismatch == null) {
				s.mismatch = "received " + actual + ", expected " + expected;
			}
		}
	}

}
