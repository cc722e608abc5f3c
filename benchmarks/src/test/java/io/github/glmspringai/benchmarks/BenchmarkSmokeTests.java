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

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.util.List;

import io.github.glmspringai.chat.GlmProtocol;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A few seconds' check that the fake server, every contender and the concurrency run
 * work; the real benchmark runs are not part of the build.
 *
 * @author glm-spring-ai
 */
class BenchmarkSmokeTests {

	private static FakeBailianServer server;

	private final PrintStream log = new PrintStream(new ByteArrayOutputStream(), true, StandardCharsets.UTF_8);

	@BeforeAll
	static void start() {
		System.setProperty("org.slf4j.simpleLogger.defaultLogLevel", "warn");
		server = FakeBailianServer.start(0, 1);
	}

	@AfterAll
	static void stop() {
		server.close();
	}

	@Test
	void scenarioMarkerRoundTrips() {
		Scenario scenario = Scenario.paced(3, 4, 50, 42);
		assertThat(Scenario.find("{\"content\":\"" + scenario.prompt() + "\"}")).isEqualTo(scenario);
		assertThat(scenario.events(GlmProtocol.OPENAI_COMPATIBLE)).isEqualTo(10);
		assertThat(scenario.events(GlmProtocol.DASHSCOPE)).isEqualTo(8);
		assertThat(scenario.events(GlmProtocol.ZHIPU)).isEqualTo(8);
	}

	@Test
	void throughputBenchmarkMeasuresEveryContender() {
		List<Contender> contenders = BenchmarkMain.contenders(server.baseUrl());
		try {
			assertThat(contenders).hasSize(11);
			List<ThroughputBenchmark.Series> series = ThroughputBenchmark.run(contenders, Scenario.fast(8, 8), 64, 1,
					10, this.log);
			for (ThroughputBenchmark.Series s : series) {
				assertThat(s.failure).as(s.contender.name()).isNull();
				assertThat(s.correct).as(s.contender.name() + ": " + s.mismatch).isTrue();
				assertThat(s.samples).hasSize(1);
				assertThat(s.samples.get(0).cpuPerChunk()).isPositive();
			}
		}
		finally {
			contenders.forEach(Contender::close);
		}
	}

	@Test
	void pacedStreamsAreCompleteAndCorrect() throws Exception {
		for (String client : List.of(ConcurrencyRun.FLOOR_COMPATIBLE, ConcurrencyRun.FLOOR_NATIVE,
				ConcurrencyRun.GLM_COMPATIBLE, ConcurrencyRun.GLM_NATIVE, ConcurrencyRun.DASHSCOPE_SDK)) {
			ConcurrencyRun.Result result = ConcurrencyRun.run(client, server.baseUrl(), 20, 2, 3, 20, 1000, this.log);
			assertThat(result.firstFailure()).as(client).isNull();
			assertThat(result.correct()).as(client).isEqualTo(20);
			assertThat(result.tokensReceived()).as(client).isEqualTo(100);
			assertThat(result.p50Millis()).as(client).isNotNegative();
		}
	}

}
