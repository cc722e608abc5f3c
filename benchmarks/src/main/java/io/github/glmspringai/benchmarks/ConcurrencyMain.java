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

import tools.jackson.databind.json.JsonMapper;

/**
 * Runs {@link ConcurrencyRun} in its own JVM (started with {@code -Xmx512m} by
 * {@link BenchmarkMain}) and prints {@code CONCURRENCY_RESULT <json>}.
 * <p>
 * Arguments: {@code --client glm-compatible|glm-native|dashscope-sdk},
 * {@code --base-url http://127.0.0.1:<port>}, {@code --streams 10000},
 * {@code --reasoning 20}, {@code --answer 30}, {@code --interval-ms 200},
 * {@code --ramp-per-second 2000}, {@code --repeat 1} (run several times in this JVM,
 * printing a result line each time; {@link ConcurrencyProcess} keeps the last).
 *
 * @author glm-spring-ai
 */
public final class ConcurrencyMain {

	/** The line prefix of the result. */
	public static final String RESULT_LINE = "CONCURRENCY_RESULT ";

	private ConcurrencyMain() {
	}

	/**
	 * Entry point.
	 * @param args see the class description
	 * @throws InterruptedException when interrupted
	 */
	public static void main(String[] args) throws InterruptedException {
		Args arguments = Args.parse(args);
		String baseUrl = arguments.value("base-url");
		if (baseUrl == null) {
			throw new IllegalArgumentException("--base-url is required");
		}
		for (int i = arguments.intValue("repeat", 1); i > 0; i--) {
			ConcurrencyRun.Result result = ConcurrencyRun.run(arguments.value("client", ConcurrencyRun.GLM_COMPATIBLE),
					baseUrl, arguments.intValue("streams", 10_000), arguments.intValue("reasoning", 20),
					arguments.intValue("answer", 30), arguments.intValue("interval-ms", 200),
					arguments.intValue("ramp-per-second", 2000), System.err);
			System.out.println(RESULT_LINE + JsonMapper.builder().build().writeValueAsString(result));
		}
		System.out.flush();
		// the DashScope SDK's OkHttp threads are not daemons
		System.exit(0);
	}

}
