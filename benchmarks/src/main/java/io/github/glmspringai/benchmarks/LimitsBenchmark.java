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

import java.io.File;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.PrintStream;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.Locale;
import java.util.UUID;

import io.github.glmspringai.api.GlmApi;
import io.github.glmspringai.api.GlmApiProtocol;
import io.github.glmspringai.api.GlmMessage;
import io.github.glmspringai.api.GlmRequest;
import io.github.glmspringai.api.GlmStreamEvent;
import io.github.glmspringai.api.GlmTokenUsage;
import io.github.glmspringai.api.GlmWireProtocol;
import io.github.glmspringai.limits.GlmLimits;
import io.github.glmspringai.limits.GlmRequestLimiter;
import io.github.glmspringai.limits.redis.RedisQuotaStore;
import org.jspecify.annotations.Nullable;
import org.redisson.Redisson;
import org.redisson.api.RedissonClient;
import org.redisson.config.Config;
import reactor.core.publisher.Flux;

/**
 * The cost per request of the client-side limits ({@code spring.ai.glm.limits.*}): the
 * same request, sequentially, through no limiter, the local store and the Redis store (a
 * {@code redis-server} on loopback started here; skipped with a note when it is not
 * installed), all three limits set high enough that nothing waits. The wire client is an
 * in-memory stream of the recorded events, so the figures are the limiter's own cost.
 *
 * @author glm-spring-ai
 */
final class LimitsBenchmark {

	private static final GlmRequest REQUEST = GlmRequest
		.builder("glm-5", List.of(GlmMessage.of(GlmMessage.Role.USER, "你好, who are you?")))
		.build();

	private static final GlmLimits LIMITS = GlmLimits.builder()
		.maxConcurrentRequests(1_000)
		.requestsPerMinute(1_000_000_000)
		.tokensPerMinute(2_000_000_000)
		.build();

	private LimitsBenchmark() {
	}

	/**
	 * Run and report.
	 * @param quick CI-size run
	 * @param log progress
	 * @return the Markdown section
	 */
	static String run(boolean quick, PrintStream log) throws Exception {
		int localRequests = quick ? 20_000 : 200_000;
		int redisRequests = quick ? 1_000 : 10_000;
		GlmApi memory = new InMemoryApi();
		double none = perRequestMicros(memory, localRequests);
		GlmRequestLimiter local = GlmRequestLimiter.builder().limits(LIMITS).build();
		double localMicros = perRequestMicros(local.limit(memory), localRequests);
		log.println("Limits: none " + format(none) + " µs, local " + format(localMicros) + " µs per request");
		StringBuilder md = new StringBuilder("#### Limits: cost per request\n\n");
		md.append("Sequential requests of an in-memory stream (a 4-event turn with usage), limits ")
			.append(LIMITS.describe())
			.append(" (nothing waits). Per request: one in-flight permit, one request and one token charge, ")
			.append("settled with the reported usage.\n\n");
		md.append("| limiter | requests | µs per request | overhead vs none |\n|---|---:|---:|---:|\n");
		md.append(row("none (no limit configured: client not wrapped)", localRequests, none, none));
		md.append(row("local store", localRequests, localMicros, none));
		String redisServer = executable();
		if (redisServer == null) {
			md.append("\nRedis store: skipped (redis-server is not installed; apt-get install redis-server).\n");
			return md.toString();
		}
		int port;
		try (ServerSocket socket = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
			port = socket.getLocalPort();
		}
		Process redis = new ProcessBuilder(redisServer, "--save", "", "--appendonly", "no", "--port",
				String.valueOf(port), "--bind", "127.0.0.1")
			.redirectErrorStream(true)
			.redirectOutput(ProcessBuilder.Redirect.DISCARD)
			.start();
		try {
			awaitPing(port);
			Config config = new Config();
			config.useSingleServer().setAddress("redis://127.0.0.1:" + port);
			RedissonClient redisson = Redisson.create(config);
			try (GlmRequestLimiter shared = GlmRequestLimiter.builder()
				.limits(LIMITS)
				.store(new RedisQuotaStore(redisson, "glm-bench:" + UUID.randomUUID(), Duration.ofSeconds(30), true))
				.build()) {
				double redisMicros = perRequestMicros(shared.limit(memory), redisRequests);
				log.println("Limits: redis " + format(redisMicros) + " µs per request");
				md.append(row("redis store (loopback redis-server, Redisson)", redisRequests, redisMicros, none));
			}
		}
		finally {
			redis.destroyForcibly().waitFor();
		}
		return md.toString();
	}

	private static double perRequestMicros(GlmApi api, int requests) {
		for (int i = 0; i < requests / 5; i++) {
			api.stream(REQUEST).blockLast();
		}
		long start = System.nanoTime();
		for (int i = 0; i < requests; i++) {
			api.stream(REQUEST).blockLast();
		}
		return (System.nanoTime() - start) / 1_000.0 / requests;
	}

	private static String row(String name, int requests, double micros, double none) {
		return "| " + name + " | " + requests + " | " + format(micros) + " | "
				+ ((micros == none) ? "–" : "+" + format(micros - none) + " µs (" + format(micros / none) + "×)")
				+ " |\n";
	}

	private static String format(double value) {
		return String.format(Locale.ROOT, (value < 10) ? "%.2f" : "%.1f", value);
	}

	private static void awaitPing(int port) throws InterruptedException {
		long deadline = System.nanoTime() + Duration.ofSeconds(20).toNanos();
		while (System.nanoTime() < deadline) {
			try (Socket socket = new Socket(InetAddress.getLoopbackAddress(), port)) {
				OutputStream out = socket.getOutputStream();
				out.write("PING\r\n".getBytes(StandardCharsets.US_ASCII));
				InputStream in = socket.getInputStream();
				if ("+PONG".equals(new String(in.readNBytes(5), StandardCharsets.US_ASCII))) {
					return;
				}
			}
			catch (IOException ex) {
				Thread.sleep(50);
			}
		}
		throw new IllegalStateException("redis-server did not answer on port " + port);
	}

	private static @Nullable String executable() {
		String path = System.getenv("PATH");
		for (String dir : ((path != null) ? path : "").split(File.pathSeparator)) {
			File candidate = new File(dir, "redis-server");
			if (candidate.canExecute()) {
				return candidate.getAbsolutePath();
			}
		}
		return null;
	}

	/** The recorded compatible turn, from memory. */
	private static final class InMemoryApi implements GlmApi {

		private static final List<GlmStreamEvent> EVENTS = List.of(
				new GlmStreamEvent("r", "glm-5", null, "The user", List.of(), null, null),
				new GlmStreamEvent("r", "glm-5", "我是", null, List.of(), null, null),
				new GlmStreamEvent("r", "glm-5", "", null, List.of(), "stop", null), new GlmStreamEvent("r", "glm-5",
						null, null, List.of(), null, new GlmTokenUsage(10, 360, 370, 172, 0L, null)));

		@Override
		public GlmApiProtocol getProtocol() {
			return GlmWireProtocol.OPENAI_COMPATIBLE;
		}

		@Override
		public Flux<GlmStreamEvent> stream(GlmRequest request) {
			return Flux.fromIterable(EVENTS);
		}

		@Override
		public String redact(String text) {
			return text;
		}

		@Override
		public void close() {
		}

	}

}
