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

package io.github.glmspringai.test;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicBoolean;

import io.github.glmspringai.test.ServiceError.Reply;
import io.netty.buffer.ByteBuf;
import io.netty.buffer.Unpooled;
import io.netty.handler.codec.http.HttpHeaderNames;
import io.netty.handler.codec.http.HttpResponseStatus;
import org.jspecify.annotations.Nullable;
import org.reactivestreams.Publisher;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;
import reactor.netty.http.server.HttpServerRequest;
import reactor.netty.http.server.HttpServerResponse;
import tools.jackson.databind.JsonNode;

/**
 * One request to the {@link FakeGlmService}: record it, check it as the real service
 * would, then answer with the next turn, rendered by the protocol of its path.
 *
 * @author glm-spring-ai
 */
final class Exchange {

	private static final Logger logger = LoggerFactory.getLogger(FakeGlmService.class);

	private static final Map<String, Dialect> DIALECTS = Map.of(FakeGlmService.COMPATIBLE_PATH, new CompatibleDialect(),
			FakeGlmService.DASHSCOPE_PATH, new DashScopeDialect(), FakeGlmService.ZHIPU_PATH, new ZhipuDialect(),
			FakeGlmService.ZHIPU_CODING_PATH, new ZhipuDialect());

	private final FakeGlmService service;

	Exchange(FakeGlmService service) {
		this.service = service;
	}

	Publisher<Void> handle(HttpServerRequest request, HttpServerResponse response) {
		String path = request.fullPath();
		Dialect dialect = DIALECTS.get(path);
		return request.receive()
			.aggregate()
			.asString(StandardCharsets.UTF_8)
			.defaultIfEmpty("")
			.flatMap((body) -> answer(dialect, path, request, body, response));
	}

	private Mono<Void> answer(@Nullable Dialect dialect, String path, HttpServerRequest request, String body,
			HttpServerResponse response) {
		JsonNode json = Json.readObject(body);
		String requestId = (dialect != null) ? dialect.newRequestId() : "";
		RecordedGlmRequest recorded = new RecordedGlmRequest(request.method().name(), path, headers(request), body,
				json, (dialect != null) ? dialect.wire() : null, requestId);
		this.service.record(recorded);
		if (dialect == null) {
			return response.status(HttpResponseStatus.NOT_FOUND).send();
		}
		if (!request.method().name().equals("POST")) {
			return response.status(HttpResponseStatus.METHOD_NOT_ALLOWED).send();
		}
		String authorization = recorded.header("Authorization");
		if (!("Bearer " + this.service.apiKey()).equals(authorization)) {
			return error(response, dialect, dialect.unauthorized(authorization == null), requestId, null);
		}
		if (json == null) {
			return error(response, dialect, dialect.malformedBody(), requestId, null);
		}
		if (!dialect.streaming(recorded, json)) {
			return error(response, dialect, dialect.notStreaming(), requestId, null);
		}
		Conversation conversation = dialect.read(json);
		Reply rejection = dialect.validate(json, conversation, path);
		if (rejection != null) {
			return error(response, dialect, rejection, requestId, null);
		}
		Turn turn = this.service.nextTurn();
		if (turn == null) {
			turn = DefaultScript.plan(conversation, this.service.chunkDelay());
		}
		ServiceError httpError = turn.error();
		if (turn.ending() == Turn.Ending.HTTP_ERROR && httpError != null) {
			return error(response, dialect, httpError.reply(dialect.wire()), requestId, turn.retryAfter());
		}
		if (turn.hasToolCalls()) {
			this.service.toolCallRound();
		}
		String replay = turn.replay();
		List<String> events = (replay != null) ? split(replay) : dialect.render(conversation, turn, requestId);
		Duration turnDelay = turn.chunkDelay();
		Duration delay = (turnDelay != null) ? turnDelay : this.service.chunkDelay();
		return stream(response, events, turn.ending(), delay);
	}

	private Mono<Void> stream(HttpServerResponse response, List<String> events, Turn.Ending ending, Duration delay) {
		AtomicBoolean finished = new AtomicBoolean();
		Runnable cancelled = () -> {
			if (finished.compareAndSet(false, true)) {
				this.service.streamCancelled();
				logger.debug("fake GLM service: the client closed the stream before its end");
			}
		};
		// an empty first buffer makes Reactor Netty send the headers before any event
		Flux<ByteBuf> frames = Flux.concat(Mono.just(Unpooled.EMPTY_BUFFER), Flux.fromIterable(events)
			.map((event) -> Unpooled.wrappedBuffer(event.getBytes(StandardCharsets.UTF_8))));
		if (!delay.isZero()) {
			frames = frames.delayElements(delay);
		}
		if (ending == Turn.Ending.DROP) {
			frames = frames.concatWith(Mono.fromRunnable(() -> {
				finished.set(true);
				response.withConnection((connection) -> connection.channel().close());
			})).concatWith(Flux.never());
		}
		else if (ending == Turn.Ending.STALL) {
			frames = frames.concatWith(Flux.never());
		}
		else {
			frames = frames.doOnComplete(() -> {
				if (finished.compareAndSet(false, true)) {
					this.service.streamCompleted();
				}
			});
		}
		response.withConnection((connection) -> connection.onDispose(cancelled::run));
		return response.status(HttpResponseStatus.OK)
			.header(HttpHeaderNames.CONTENT_TYPE, "text/event-stream;charset=UTF-8")
			.header(HttpHeaderNames.CACHE_CONTROL, "no-cache")
			.send(frames.doOnCancel(cancelled), (buffer) -> true)
			.then();
	}

	private static Mono<Void> error(HttpServerResponse response, Dialect dialect, Reply reply, String requestId,
			@Nullable Duration retryAfter) {
		if (retryAfter != null) {
			response.header(HttpHeaderNames.RETRY_AFTER, Long.toString(retryAfter.toSeconds()));
		}
		return response.status(reply.status())
			.header(HttpHeaderNames.CONTENT_TYPE, "application/json")
			.sendString(Mono.just(dialect.errorBody(reply, requestId)), StandardCharsets.UTF_8)
			.then();
	}

	private static Map<String, List<String>> headers(HttpServerRequest request) {
		Map<String, List<String>> headers = new LinkedHashMap<>();
		for (Map.Entry<String, String> header : request.requestHeaders()) {
			headers.computeIfAbsent(header.getKey(), (name) -> new ArrayList<>()).add(header.getValue());
		}
		return headers;
	}

	/** A recorded SSE body, one event (up to and including a blank line) at a time. */
	private static List<String> split(String sse) {
		List<String> events = new ArrayList<>();
		int start = 0;
		int end;
		while ((end = sse.indexOf("\n\n", start)) >= 0) {
			events.add(sse.substring(start, end + 2));
			start = end + 2;
		}
		if (start < sse.length()) {
			events.add(sse.substring(start));
		}
		return events;
	}

}
