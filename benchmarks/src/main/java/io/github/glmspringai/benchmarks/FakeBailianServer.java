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

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;

import io.github.glmspringai.api.GlmWireProtocol;
import io.github.glmspringai.chat.GlmProtocol;
import io.netty.buffer.ByteBuf;
import io.netty.buffer.ByteBufUtil;
import io.netty.buffer.PooledByteBufAllocator;
import io.netty.buffer.Unpooled;
import io.netty.channel.ChannelOption;
import io.netty.channel.EventLoop;
import io.netty.handler.codec.http.HttpHeaderNames;
import io.netty.handler.codec.http.HttpResponseStatus;
import org.jspecify.annotations.Nullable;
import org.reactivestreams.Publisher;
import reactor.core.publisher.Flux;
import reactor.core.publisher.FluxSink;
import reactor.core.publisher.Mono;
import reactor.netty.DisposableServer;
import reactor.netty.http.server.HttpServer;
import reactor.netty.http.server.HttpServerRequest;
import reactor.netty.http.server.HttpServerResponse;
import reactor.netty.resources.LoopResources;

/**
 * A local fake of Bailian's two streaming endpoints and Zhipu's on Reactor Netty, bound
 * to {@code 127.0.0.1} only. A fast scenario is sent from a pre-rendered body, cached per
 * scenario, in slices, as fast as the client reads; a paced scenario renders each token
 * on the connection's event loop at its tick, stamping the send time into the token. The
 * scenario is read from the request body (see {@link Scenario#find}).
 *
 * @author glm-spring-ai
 */
public final class FakeBailianServer implements AutoCloseable {

	/** Compatible endpoint path. */
	public static final String COMPATIBLE_PATH = GlmWireProtocol.OPENAI_COMPATIBLE.getDefaultPath();

	/** Native endpoint path. */
	public static final String NATIVE_PATH = GlmWireProtocol.DASHSCOPE.getDefaultPath();

	/** Zhipu's endpoint path. */
	public static final String ZHIPU_PATH = GlmWireProtocol.ZHIPU.getDefaultPath();

	private static final int SLICE = 16 * 1024;

	private final Map<String, byte[]> bodies = new ConcurrentHashMap<>();

	private final AtomicLong requests = new AtomicLong();

	private final LoopResources loops;

	private final DisposableServer server;

	private FakeBailianServer(int port, int threads) {
		this.loops = LoopResources.create("fake-bailian", threads, true);
		this.server = HttpServer.create()
			.host("127.0.0.1")
			.port(port)
			.runOn(this.loops)
			.option(ChannelOption.SO_BACKLOG, 16384)
			.childOption(ChannelOption.TCP_NODELAY, true)
			.route((routes) -> routes
				.post(COMPATIBLE_PATH, (request, response) -> handle(GlmProtocol.OPENAI_COMPATIBLE, request, response))
				.post(NATIVE_PATH, (request, response) -> handle(GlmProtocol.DASHSCOPE, request, response))
				.post(ZHIPU_PATH, (request, response) -> handle(GlmProtocol.ZHIPU, request, response)))
			.bindNow(Duration.ofSeconds(10));
	}

	/**
	 * Start a server on the loopback interface.
	 * @param port the port, {@code 0} for any free one
	 * @param threads event loop threads
	 * @return the running server
	 */
	public static FakeBailianServer start(int port, int threads) {
		return new FakeBailianServer(port, threads);
	}

	/**
	 * The bound port.
	 * @return the port
	 */
	public int port() {
		return this.server.port();
	}

	/**
	 * {@code http://127.0.0.1:<port>}.
	 * @return the base URL
	 */
	public String baseUrl() {
		return "http://127.0.0.1:" + port();
	}

	/**
	 * Requests served so far.
	 * @return the count
	 */
	public long requests() {
		return this.requests.get();
	}

	private Publisher<Void> handle(GlmProtocol protocol, HttpServerRequest request, HttpServerResponse response) {
		return request.receive().aggregate().asString(StandardCharsets.UTF_8).defaultIfEmpty("").flatMap((body) -> {
			Scenario scenario;
			try {
				scenario = Scenario.find(body);
			}
			catch (IllegalArgumentException ex) {
				return response.status(HttpResponseStatus.BAD_REQUEST)
					.header(HttpHeaderNames.CONTENT_TYPE, "application/json")
					.sendString(Mono.just("{\"error\":{\"code\":\"invalid_parameter_error\",\"message\":\""
							+ ex.getMessage() + "\",\"type\":\"invalid_request_error\"}}"))
					.then();
			}
			this.requests.incrementAndGet();
			response.header(HttpHeaderNames.CONTENT_TYPE, "text/event-stream;charset=UTF-8")
				.header(HttpHeaderNames.CACHE_CONTROL, "no-cache")
				.header("X-DashScope-Request-Id", SseFrames.REQUEST_ID);
			Flux<ByteBuf> frames = scenario.isPaced() ? paced(protocol, scenario, response) : fast(protocol, scenario);
			return response.send(frames).then();
		});
	}

	private Flux<ByteBuf> fast(GlmProtocol protocol, Scenario scenario) {
		byte[] body = this.bodies.computeIfAbsent(protocol.getValue() + ":" + scenario.marker(),
				(key) -> SseFrames.render(protocol, scenario));
		int slices = (body.length + SLICE - 1) / SLICE;
		return Flux.range(0, slices).map((i) -> {
			int offset = i * SLICE;
			return Unpooled.wrappedBuffer(body, offset, Math.min(SLICE, body.length - offset));
		});
	}

	private static Flux<ByteBuf> paced(GlmProtocol protocol, Scenario scenario, HttpServerResponse response) {
		return Flux.create((sink) -> {
			EventLoop[] loop = new EventLoop[1];
			response.withConnection((connection) -> loop[0] = connection.channel().eventLoop());
			PacedStream stream = new PacedStream(protocol, scenario, sink);
			ScheduledFuture<?> future = loop[0].scheduleAtFixedRate(stream, scenario.intervalMillis(),
					scenario.intervalMillis(), TimeUnit.MILLISECONDS);
			stream.future = future;
			sink.onDispose(() -> future.cancel(false));
		});
	}

	@Override
	public void close() {
		this.server.disposeNow(Duration.ofSeconds(5));
		this.loops.disposeLater().block(Duration.ofSeconds(5));
	}

	/**
	 * One paced stream: each tick, on the connection's event loop, renders the next token
	 * with the current time and writes it.
	 */
	private static final class PacedStream implements Runnable {

		private static final ThreadLocal<StringBuilder> TEXT = ThreadLocal.withInitial(() -> new StringBuilder(2048));

		private final GlmProtocol protocol;

		private final Scenario scenario;

		private final FluxSink<ByteBuf> sink;

		private volatile @Nullable ScheduledFuture<?> future;

		private int seq;

		PacedStream(GlmProtocol protocol, Scenario scenario, FluxSink<ByteBuf> sink) {
			this.protocol = protocol;
			this.scenario = scenario;
			this.sink = sink;
		}

		@Override
		public void run() {
			if (this.seq >= this.scenario.tokens() || this.sink.isCancelled()) {
				cancel();
				return;
			}
			StringBuilder text = TEXT.get();
			text.setLength(0);
			SseFrames.pacedTick(text, this.protocol, this.scenario, this.seq, Tokens.nowMicros());
			ByteBuf frames = PooledByteBufAllocator.DEFAULT.directBuffer(text.length());
			ByteBufUtil.writeAscii(frames, text);
			this.seq++;
			this.sink.next(frames);
			if (this.seq == this.scenario.tokens()) {
				this.sink.complete();
				cancel();
			}
		}

		private void cancel() {
			ScheduledFuture<?> current = this.future;
			if (current != null) {
				current.cancel(false);
			}
		}

	}

}
