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

package io.github.glmspringai.testfixtures;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;

import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;
import reactor.core.publisher.Sinks;
import reactor.netty.DisposableServer;
import reactor.netty.http.server.HttpServer;
import reactor.netty.http.server.HttpServerRequest;
import reactor.netty.http.server.HttpServerResponse;

/**
 * A GLM service on loopback (Reactor Netty) that answers every protocol (Bailian's two,
 * Zhipu's) with its recorded stream and counts the requests in flight: a request is in
 * flight from its arrival until the server produces its last frame (before the client can
 * see the end). Streams are held at a gate until {@link #open()}, so that they overlap.
 */
public final class InFlightSseServer implements AutoCloseable {

	/** Path of the OpenAI-compatible endpoint. */
	public static final String COMPATIBLE_PATH = "/compatible-mode/v1/chat/completions";

	/** Path of the native DashScope endpoint. */
	public static final String DASHSCOPE_PATH = "/api/v1/services/aigc/text-generation/generation";

	/** Path of Zhipu's endpoint (BigModel and Z.ai). */
	public static final String ZHIPU_PATH = "/api/paas/v4/chat/completions";

	private static final String THROTTLED = """
			{"error":{"code":"limit_requests","param":null,"message":"You exceeded your current requests list.","type":"limit_requests"},"request_id":"8eeb3d9a-ae59-92bb-8009-d503683b0801"}""";

	private static final String ZHIPU_THROTTLED = """
			{"error":{"code":"1302","message":"您当前使用该API的并发数过高，请降低并发，或联系客服增加限额。"}}""";

	private final AtomicInteger inFlight = new AtomicInteger();

	private final AtomicInteger maxInFlight = new AtomicInteger();

	private final AtomicInteger requests = new AtomicInteger();

	private final List<String> bodies = new ArrayList<>();

	private final Sinks.Empty<Void> gate = Sinks.empty();

	private volatile boolean throttle;

	private final DisposableServer server;

	private InFlightSseServer(String compatibleStream, String dashscopeStream, String zhipuStream) {
		this.server = HttpServer.create()
			.host("127.0.0.1")
			.port(0)
			.route((routes) -> routes
				.post(COMPATIBLE_PATH, (request, response) -> answer(request, response, compatibleStream, THROTTLED))
				.post(DASHSCOPE_PATH, (request, response) -> answer(request, response, dashscopeStream, THROTTLED))
				.post(ZHIPU_PATH, (request, response) -> answer(request, response, zhipuStream, ZHIPU_THROTTLED)))
			.bindNow();
	}

	/**
	 * Start a server with a closed gate.
	 * @param compatibleStream the SSE body answered on the compatible path
	 * @param dashscopeStream the SSE body answered on the native path
	 * @param zhipuStream the SSE body answered on Zhipu's path
	 * @return the server
	 */
	public static InFlightSseServer start(String compatibleStream, String dashscopeStream, String zhipuStream) {
		return new InFlightSseServer(compatibleStream, dashscopeStream, zhipuStream);
	}

	/**
	 * The base URL, {@code http://127.0.0.1:<port>}.
	 * @return the URL
	 */
	public String baseUrl() {
		return "http://127.0.0.1:" + this.server.port();
	}

	/** Let every held and future stream through. */
	public void open() {
		this.gate.tryEmitEmpty();
	}

	/**
	 * Answer every request with HTTP 429 instead (Zhipu: business code 1302).
	 * @param throttle whether to throttle
	 */
	public void throttle(boolean throttle) {
		this.throttle = throttle;
	}

	/**
	 * Requests in flight now.
	 * @return the count
	 */
	public int inFlight() {
		return this.inFlight.get();
	}

	/**
	 * The most requests that were in flight at once.
	 * @return the count
	 */
	public int maxInFlight() {
		return this.maxInFlight.get();
	}

	/**
	 * Requests received.
	 * @return the count
	 */
	public int requests() {
		return this.requests.get();
	}

	/**
	 * The request bodies received, in order.
	 * @return the bodies
	 */
	public synchronized List<String> bodies() {
		return List.copyOf(this.bodies);
	}

	@Override
	public void close() {
		this.server.disposeNow();
	}

	private Mono<Void> answer(HttpServerRequest request, HttpServerResponse response, String recorded,
			String throttled) {
		return request.receive().aggregate().asString().defaultIfEmpty("").flatMap((body) -> {
			synchronized (this) {
				this.bodies.add(body);
			}
			this.requests.incrementAndGet();
			if (this.throttle) {
				return response.status(429)
					.header("Content-Type", "application/json")
					.sendString(Mono.just(throttled))
					.then();
			}
			int now = this.inFlight.incrementAndGet();
			this.maxInFlight.accumulateAndGet(now, Math::max);
			AtomicBoolean left = new AtomicBoolean();
			Runnable leave = () -> {
				if (left.compareAndSet(false, true)) {
					this.inFlight.decrementAndGet();
				}
			};
			List<String> events = events(recorded);
			String last = events.remove(events.size() - 1);
			Flux<String> frames = this.gate.asMono()
				.thenMany(Flux.fromIterable(events))
				.concatWith(Mono.fromCallable(() -> {
					leave.run();
					return last;
				}))
				.doFinally((signal) -> leave.run());
			return response.header("Content-Type", "text/event-stream;charset=UTF-8").sendString(frames).then();
		});
	}

	private static List<String> events(String recorded) {
		List<String> events = new ArrayList<>();
		for (String event : recorded.split("\n\n")) {
			if (!event.isBlank()) {
				events.add(event + "\n\n");
			}
		}
		return events;
	}

}
