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
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Supplier;

import io.github.glmspringai.chat.GlmChatModel;
import io.github.glmspringai.chat.GlmProtocol;

/**
 * Runs every benchmark in one go against a fake GLM server (Bailian's two protocols and
 * Zhipu's) in a separate JVM and prints a Markdown report: per-chunk cost of
 * {@code GlmChatModel} next to the parsing floor and the peers, {@code call()} on long
 * reasoning, and many concurrent paced streams in a {@code -Xmx512m} client JVM. See
 * {@link Config#USAGE} for the options; {@code benchmarks/run.sh} builds and starts it.
 *
 * @author glm-spring-ai
 */
public final class BenchmarkMain {

	private BenchmarkMain() {
	}

	/**
	 * Entry point.
	 * @param args see {@link Config#USAGE}
	 * @throws Exception on failure
	 */
	public static void main(String[] args) throws Exception {
		System.setProperty("org.slf4j.simpleLogger.defaultLogLevel", "warn");
		Args arguments = Args.parse(args);
		if (arguments.flag("help")) {
			System.out.println(Config.USAGE);
			return;
		}
		Config config = Config.from(arguments);
		PrintStream log = System.err;
		Report report = new Report(config, String.join(" ", args));
		try (ServerProcess server = ServerProcess.start(config.serverThreads(), 4 * 3600)) {
			String baseUrl = server.baseUrl();
			log.println("Fake Bailian server pid " + server.pid() + " at " + baseUrl);
			List<Contender> contenders = contenders(baseUrl);
			try {
				if (config.throughput()) {
					report.throughput(ThroughputBenchmark.run(contenders,
							Scenario.fast(config.reasoningTokens(), config.answerTokens()), config.chunksPerBatch(),
							config.rounds(), config.warmupMillis(), log));
				}
				if (config.scaling()) {
					report.scaling(ScalingBenchmark.run(contenders,
							Scenario.fast(config.scalingSmall(), config.scalingAnswer()),
							Scenario.fast(config.scalingLarge(), config.scalingAnswer()), config.scalingRepetitions(),
							log));
				}
			}
			finally {
				for (Contender contender : contenders) {
					contender.close();
				}
			}
			if (config.concurrency()) {
				if (config.jfrDir() != null) {
					Files.createDirectories(Path.of(config.jfrDir()));
				}
				for (String client : config.concurrencyClients()) {
					report.concurrency(ConcurrencyProcess.run(client.trim(), baseUrl, config.streams(),
							config.pacedReasoning(), config.pacedAnswer(), config.intervalMillis(),
							config.rampPerSecond(), config.jfrDir(), log));
				}
			}
		}
		String markdown = report.markdown();
		if (!arguments.flag("skip-limits")) {
			markdown = markdown + "\n" + LimitsBenchmark.run(config.quick(), log);
		}
		System.out.println(markdown);
		if (config.out() != null) {
			Files.writeString(Path.of(config.out()), markdown);
			log.println("Report written to " + config.out());
		}
		// the DashScope SDK's and OkHttp's pools keep non-daemon threads
		System.exit(0);
	}

	/**
	 * All contenders, in table order: per protocol the floor, ours, the peer (Zhipu has
	 * none on Spring AI 2.0).
	 * @param baseUrl the fake server
	 * @return the contenders
	 */
	static List<Contender> contenders(String baseUrl) {
		List<Contender> contenders = new ArrayList<>();
		GlmChatModel compatible = GlmContender.chatModel(GlmProtocol.OPENAI_COMPATIBLE, baseUrl, 64);
		GlmChatModel dashScope = GlmContender.chatModel(GlmProtocol.DASHSCOPE, baseUrl, 64);
		contenders.add(new FloorContender(GlmProtocol.OPENAI_COMPATIBLE, baseUrl));
		contenders.add(GlmContender.stream(compatible));
		contenders.add(GlmContender.call(compatible));
		contenders.add(create("Spring AI OpenAiChatModel.stream() 2.0.1", GlmProtocol.OPENAI_COMPATIBLE,
				() -> new SpringAiOpenAiContender(baseUrl)));
		contenders.add(new FloorContender(GlmProtocol.DASHSCOPE, baseUrl));
		contenders.add(GlmContender.stream(dashScope));
		contenders.add(GlmContender.call(dashScope));
		contenders.add(create("DashScope SDK Generation.streamCall 2.22.13", GlmProtocol.DASHSCOPE,
				() -> new DashScopeSdkContender(baseUrl)));
		GlmChatModel zhipu = GlmContender.chatModel(GlmProtocol.ZHIPU, baseUrl, 64);
		contenders.add(new FloorContender(GlmProtocol.ZHIPU, baseUrl));
		contenders.add(GlmContender.stream(zhipu));
		contenders.add(GlmContender.call(zhipu));
		return contenders;
	}

	private static Contender create(String name, GlmProtocol protocol, Supplier<Contender> factory) {
		try {
			return factory.get();
		}
		catch (RuntimeException | LinkageError ex) {
			return new FailedContender(name, protocol, ex);
		}
	}

}
