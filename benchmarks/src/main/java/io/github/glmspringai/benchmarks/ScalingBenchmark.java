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

import io.github.glmspringai.chat.GlmProtocol;
import org.jspecify.annotations.Nullable;

/**
 * Time of one request on a long reasoning stream versus one four times shorter: linear
 * cost gives a ratio near 4, quadratic accumulation near 16. Small and large runs
 * alternate, per contender; the ratios are of the medians.
 *
 * @author glm-spring-ai
 */
final class ScalingBenchmark {

	private ScalingBenchmark() {
	}

	/**
	 * Figures of one contender.
	 *
	 * @param name contender
	 * @param protocol protocol
	 * @param smallMillis median time of the small stream
	 * @param largeMillis median time of the large stream
	 * @param wallRatio ratio of the median elapsed times
	 * @param cpuRatio ratio of the median CPU times (all threads of the process)
	 * @param correct whether every response was complete and correct
	 * @param failure why it could not run, or {@code null}
	 */
	record Result(String name, GlmProtocol protocol, double smallMillis, double largeMillis, double wallRatio,
			double cpuRatio, boolean correct, @Nullable String failure) {
	}

	static List<Result> run(List<Contender> contenders, Scenario small, Scenario large, int repetitions,
			PrintStream log) {
		Tally expectedSmall = Tokens.expected(small);
		Tally expectedLarge = Tokens.expected(large);
		List<Result> results = new ArrayList<>();
		for (Contender contender : contenders) {
			log.println("Scaling: " + contender.name() + " (" + Contender.label(contender.protocol()) + "), "
					+ small.reasoningTokens() + " vs " + large.reasoningTokens() + " reasoning tokens");
			List<Double> smallMillis = new ArrayList<>();
			List<Double> largeMillis = new ArrayList<>();
			List<Double> smallCpu = new ArrayList<>();
			List<Double> largeCpu = new ArrayList<>();
			boolean correct = true;
			try {
				// warm-up
				for (int i = 0; i < 3; i++) {
					contender.run(small);
				}
				contender.run(large);
				for (int i = 0; i < repetitions; i++) {
					System.gc();
					Jvm.Cpu cpu = Jvm.Cpu.now();
					long t0 = System.nanoTime();
					correct &= contender.run(small).matches(expectedSmall);
					long t1 = System.nanoTime();
					smallCpu.add(cpu.elapsed() / 1e6);
					System.gc();
					cpu = Jvm.Cpu.now();
					long t2 = System.nanoTime();
					correct &= contender.run(large).matches(expectedLarge);
					long t3 = System.nanoTime();
					largeCpu.add(cpu.elapsed() / 1e6);
					smallMillis.add((t1 - t0) / 1e6);
					largeMillis.add((t3 - t2) / 1e6);
				}
				double small50 = Stats.median(smallMillis);
				double large50 = Stats.median(largeMillis);
				results.add(new Result(contender.name(), contender.protocol(), small50, large50, large50 / small50,
						Stats.median(largeCpu) / Stats.median(smallCpu), correct, null));
			}
			catch (Exception | LinkageError ex) {
				log.println("  failed: " + ex);
				results.add(new Result(contender.name(), contender.protocol(), Double.NaN, Double.NaN, Double.NaN,
						Double.NaN, false, ex.toString()));
			}
		}
		return results;
	}

}
