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

import java.util.Arrays;
import java.util.List;

import org.jspecify.annotations.Nullable;

/**
 * Settings of a benchmark run; {@code --quick} gives CI-size defaults, every value can be
 * overridden.
 *
 * @param quick CI-size run
 * @param rounds measured rounds of the per-chunk benchmark
 * @param chunksPerBatch tokens per contender per round
 * @param warmupMillis warm-up per contender per pass
 * @param reasoningTokens reasoning tokens of the per-chunk stream
 * @param answerTokens answer tokens of the per-chunk stream
 * @param scalingSmall reasoning tokens of the short call() stream
 * @param scalingLarge reasoning tokens of the long call() stream
 * @param scalingAnswer answer tokens of both
 * @param scalingRepetitions alternating pairs
 * @param streams concurrent paced streams
 * @param pacedReasoning reasoning tokens per paced stream
 * @param pacedAnswer answer tokens per paced stream
 * @param intervalMillis pacing interval
 * @param rampPerSecond streams started per second
 * @param concurrencyClients client ids for the concurrency run
 * @param throughput run the per-chunk benchmark
 * @param scaling run the call() scaling benchmark
 * @param concurrency run the concurrency benchmark
 * @param serverThreads event loop threads of the fake server
 * @param jfrDir directory for JFR recordings of the concurrency JVMs, or {@code null}
 * @param out Markdown output file, or {@code null}
 * @author glm-spring-ai
 */
record Config(boolean quick, int rounds, int chunksPerBatch, long warmupMillis, int reasoningTokens, int answerTokens,
		int scalingSmall, int scalingLarge, int scalingAnswer, int scalingRepetitions, int streams, int pacedReasoning,
		int pacedAnswer, int intervalMillis, int rampPerSecond, List<String> concurrencyClients, boolean throughput,
		boolean scaling, boolean concurrency, int serverThreads, @Nullable String jfrDir, @Nullable String out) {

	static final String USAGE = """
			Options (all optional):
			  --quick                   CI-size run (seconds, not minutes)
			  --rounds N                measured rounds of the per-chunk benchmark (default 7)
			  --chunks-per-batch N      tokens per client per round (default 100000)
			  --warmup-ms N             warm-up per client, twice (default 2000)
			  --reasoning N --answer N  one-token chunks of the per-chunk stream (default 256 + 256)
			  --scaling-small N --scaling-large N --scaling-reps N   call() on long reasoning (8192 vs 32768, 9)
			  --streams N               concurrent paced streams (default 10000)
			  --paced-reasoning N --paced-answer N --interval-ms N   paced stream shape (20 + 30 chunks, 200 ms)
			  --ramp-per-second N       streams opened per second (default 2000)
			  --clients a,b,c           concurrency clients (default floor-compatible,glm-compatible,
			                            floor-native,glm-native,dashscope-sdk)
			  --skip-throughput --skip-scaling --skip-concurrency --skip-limits
			  --server-threads N        fake server event loops (default 2)
			  --jfr DIR                 record JFR of the concurrency client JVMs into DIR
			  --out FILE                also write the Markdown report to FILE
			""";

	static Config from(Args args) {
		boolean quick = args.flag("quick");
		return new Config(quick, args.intValue("rounds", quick ? 2 : 7),
				args.intValue("chunks-per-batch", quick ? 4_000 : 100_000),
				args.intValue("warmup-ms", quick ? 300 : 2000), args.intValue("reasoning", 256),
				args.intValue("answer", 256), args.intValue("scaling-small", quick ? 512 : 8192),
				args.intValue("scaling-large", quick ? 2048 : 32768), args.intValue("scaling-answer", 64),
				args.intValue("scaling-reps", quick ? 1 : 9), args.intValue("streams", quick ? 100 : 10_000),
				args.intValue("paced-reasoning", quick ? 4 : 20), args.intValue("paced-answer", quick ? 6 : 30),
				args.intValue("interval-ms", quick ? 50 : 200), args.intValue("ramp-per-second", quick ? 500 : 2000),
				Arrays.asList(args
					.value("clients", String.join(",", ConcurrencyRun.FLOOR_COMPATIBLE, ConcurrencyRun.GLM_COMPATIBLE,
							ConcurrencyRun.FLOOR_NATIVE, ConcurrencyRun.GLM_NATIVE, ConcurrencyRun.DASHSCOPE_SDK))
					.split(",")),
				!args.flag("skip-throughput"), !args.flag("skip-scaling"), !args.flag("skip-concurrency"),
				args.intValue("server-threads", 2), args.value("jfr"), args.value("out"));
	}

}
