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
package io.github.glmspringai.api;

import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.UnaryOperator;

import io.github.glmspringai.api.sse.SseDecoder;
import io.github.glmspringai.api.sse.SseEvent;
import io.github.glmspringai.api.sse.SseEventTooLargeException;
import io.netty.handler.ssl.SslContext;
import org.jspecify.annotations.Nullable;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;
import reactor.netty.http.client.HttpClient;
import reactor.netty.resources.ConnectionProvider;
import tools.jackson.core.JsonParser;
import tools.jackson.core.JsonToken;
import tools.jackson.databind.JsonNode;

import org.springframework.core.io.buffer.DataBuffer;
import org.springframework.core.io.buffer.DataBufferUtils;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.client.reactive.ReactorClientHttpConnector;
import org.springframework.web.reactive.function.client.ClientResponse;
import org.springframework.web.reactive.function.client.WebClient;

/**
 * What every protocol shares: the HTTP exchange on Reactor Netty, authentication and
 * headers, non-stream answers and error bodies, the SSE decoder, first-event and idle
 * timeouts, the end of a turn, secret scrubbing, and the mapping of transport failures to
 * typed exceptions. A protocol adapter only writes its request body and reads one JSON
 * document of an event.
 *
 * @author glm-spring-ai
 */
public abstract class AbstractGlmApi implements GlmApi {

	/** Longest error body read; the rest is discarded. */
	static final int MAX_ERROR_BODY = 64 * 1024;

	/** Longest wait for the end of the body once the turn is complete. */
	private static final Duration TURN_END_GRACE = Duration.ofSeconds(1);

	private final Settings settings;

	private final URI endpoint;

	private final ConnectionProvider connectionProvider;

	private final WebClient webClient;

	private final Scrubber scrubber;

	/**
	 * Create the client.
	 * @param settings connection settings
	 */
	protected AbstractGlmApi(Settings settings) {
		this.settings = settings;
		this.endpoint = URI.create(settings.baseUrl() + settings.completionsPath());
		this.scrubber = new Scrubber(settings.apiKey());
		this.connectionProvider = ConnectionProvider.builder("glm-" + settings.protocol().wireProtocol().getValue())
			.maxConnections(settings.maxConnections())
			.pendingAcquireMaxCount(-1)
			.pendingAcquireTimeout(settings.pendingAcquireTimeout())
			.maxIdleTime(settings.poolMaxIdleTime())
			.evictInBackground(settings.poolMaxIdleTime())
			.build();
		this.webClient = settings.webClientBuilder()
			.clone()
			.clientConnector(new ReactorClientHttpConnector(GlmHttpClients.create(this.connectionProvider, settings)))
			.build();
	}

	@Override
	public GlmApiProtocol getProtocol() {
		return this.settings.protocol();
	}

	@Override
	public Flux<GlmStreamEvent> stream(GlmRequest request) {
		byte[] body = writeBody(request);
		return Flux.defer(() -> {
			ExchangeState turn = new ExchangeState();
			Flux<DataBuffer> bytes = this.webClient.post()
				.uri(this.endpoint)
				.headers((headers) -> headers(headers, request.httpHeaders()))
				.bodyValue(body)
				.exchangeToFlux((response) -> body(response, turn, request.model()));
			Flux<GlmStreamEvent> events = SseDecoder.decode(bytes).concatMapIterable((sse) -> read(sse, turn));
			Duration grace = (TURN_END_GRACE.compareTo(this.settings.idleTimeout()) < 0) ? TURN_END_GRACE
					: this.settings.idleTimeout().dividedBy(2);
			return StreamTimeouts
				.guard(events, this.settings.firstTokenTimeout(), this.settings.idleTimeout(), grace, turn::complete,
						this::timeout)
				// the answer is complete: a connection that breaks now costs nothing
				.onErrorResume((ex) -> turn.complete() && TransportFailures.isConnectionLoss(ex), (ex) -> Mono.empty())
				.onErrorMap((ex) -> typed(ex, turn));
		});
	}

	@Override
	public String redact(String text) {
		String redacted = this.scrubber.redact(text);
		return (redacted != null) ? redacted : text;
	}

	/**
	 * Write the protocol's request body. Runs before anything is sent: an
	 * {@link IllegalArgumentException} here means nothing was sent.
	 * @param request the request
	 * @return UTF-8 JSON
	 */
	protected abstract byte[] writeBody(GlmRequest request);

	/**
	 * Read one JSON document of an SSE event (an event may carry several).
	 * @param parser the parser, on the document's opening brace; read it to its closing
	 * brace
	 * @param sse the event
	 * @return the event, or {@code null} for a document without anything for us
	 * @throws RuntimeException {@link #streamError(int, JsonNode)} for an error report
	 */
	protected abstract @Nullable GlmStreamEvent readDocument(JsonParser parser, SseEvent sse);

	/**
	 * Whether events of this name carry the protocol's frames ({@code error} events are
	 * always read as errors).
	 * @param event the event name, {@code null} when absent
	 * @return {@code true} to read the event
	 */
	protected boolean isDataEvent(@Nullable String event) {
		return event == null || "message".equals(event) || "result".equals(event);
	}

	/**
	 * The reader of this protocol's JSON error objects.
	 * @return the reader
	 */
	protected GlmErrors.ErrorReader errorReader() {
		return GlmErrors.bailian();
	}

	/**
	 * Add protocol-specific headers.
	 * @param headers the request headers
	 */
	protected void protocolHeaders(HttpHeaders headers) {
	}

	/**
	 * The typed exception for an error object reported inside the stream.
	 * @param status the announced HTTP status, {@code 0} to infer it from the code
	 * @param node the error object, as the protocol spells it
	 * @return the exception
	 */
	protected RuntimeException streamError(int status, JsonNode node) {
		return scrub(errorReader().read(status, node)).toException(null);
	}

	private List<GlmStreamEvent> read(SseEvent sse, ExchangeState turn) {
		if (turn.isDone() || sse.isBlank()) {
			// nothing counts after the end marker
			return List.of();
		}
		if (sse.dataEquals("[DONE]")) {
			turn.done();
			return List.of();
		}
		if ("error".equals(sse.event())) {
			JsonNode node;
			try {
				node = WireJson.JSON.readTree(sse.data());
			}
			catch (RuntimeException ex) {
				throw malformed(sse, ex);
			}
			throw streamError(GlmErrors.statusFromComment(sse.comment()), node);
		}
		if (!isDataEvent(sse.event())) {
			return List.of();
		}
		List<GlmStreamEvent> events = null;
		GlmStreamEvent single = null;
		try (JsonParser parser = WireJson.parser(sse.data())) {
			for (JsonToken token = parser.currentToken(); token != null; token = parser.nextToken()) {
				if (token != JsonToken.START_OBJECT) {
					throw new IllegalStateException("expected a JSON object but found " + token);
				}
				GlmStreamEvent event = readDocument(parser, sse);
				if (event == null) {
					continue;
				}
				turn.accept(event);
				if (single == null) {
					single = event;
				}
				else {
					events = (events != null) ? events : new ArrayList<>(List.of(single));
					events.add(event);
				}
			}
		}
		catch (GlmTransientException | GlmNonTransientException ex) {
			throw ex;
		}
		catch (RuntimeException ex) {
			throw malformed(sse, ex);
		}
		return (events != null) ? events : ((single != null) ? List.of(single) : List.of());
	}

	private RuntimeException malformed(SseEvent sse, Throwable cause) {
		String reason = (cause.getMessage() != null) ? cause.getMessage().lines().findFirst().orElse("") : "";
		return new GlmTransientException(scrub(GlmError.of(200, "MalformedEvent",
				"malformed SSE event from the service (" + reason + "): " + prefix(sse), null)), cause);
	}

	private String prefix(SseEvent sse) {
		byte[] data = sse.data();
		int length = Math.min(data.length, MAX_ERROR_BODY);
		return this.scrubber.cut(new String(data, 0, length, StandardCharsets.UTF_8), length < data.length);
	}

	private void headers(HttpHeaders headers, Map<String, String> extra) {
		headers.setContentType(MediaType.APPLICATION_JSON);
		headers.setAccept(List.of(MediaType.TEXT_EVENT_STREAM));
		headers.set("Cache-Control", "no-cache");
		if (this.settings.workspace() != null) {
			headers.set("X-DashScope-WorkSpace", this.settings.workspace());
		}
		protocolHeaders(headers);
		extra.forEach(headers::set);
	}

	private Flux<DataBuffer> body(ClientResponse response, ExchangeState turn, String model) {
		turn.responded();
		int status = response.statusCode().value();
		MediaType contentType = response.headers().contentType().orElse(null);
		if (status >= 200 && status < 300 && status != 204
				&& (contentType == null || MediaType.TEXT_EVENT_STREAM.isCompatibleWith(contentType))) {
			return response.bodyToFlux(DataBuffer.class);
		}
		ClientResponse.Headers headers = response.headers();
		Duration retryAfter = retryAfter(headers.asHttpHeaders().getFirst(HttpHeaders.RETRY_AFTER));
		String requestId = requestIdHeader(headers);
		return DataBufferUtils
			.join(DataBufferUtils.takeUntilByteCount(response.bodyToFlux(DataBuffer.class), MAX_ERROR_BODY))
			.map((buffer) -> {
				byte[] bytes = new byte[Math.min(buffer.readableByteCount(), MAX_ERROR_BODY)];
				buffer.read(bytes);
				DataBufferUtils.release(buffer);
				return bytes;
			})
			.defaultIfEmpty(new byte[0])
			.flatMapMany((bytes) -> Flux.error(errorException(
					scrub(GlmErrors.fromBody(status, (contentType != null) ? contentType.toString() : null, bytes,
							requestId, errorReader()))
						.withRetryAfter(retryAfter),
					model)));
	}

	/** A missing model is never retried, and the message says what to change. */
	private RuntimeException errorException(GlmError error, String model) {
		return errorReader().isModelNotFound(error)
				? new GlmModelNotFoundException(error, model, modelNotFoundAdvice(model), null)
				: error.toException(null);
	}

	/**
	 * What to do about a model the service does not have, for the message of a
	 * {@link GlmModelNotFoundException}.
	 * @param model the requested model
	 * @return the advice, naming the model and the property to change
	 */
	protected String modelNotFoundAdvice(String model) {
		return "the model '" + model + "' does not exist here or was retired (GLM-4.6 and GLM-4.7 left Bailian on "
				+ "2026-10-10): set spring.ai.glm.chat.model (GlmChatOptions.model) to a model this endpoint serves, "
				+ "e.g. glm-5";
	}

	private static @Nullable String requestIdHeader(ClientResponse.Headers headers) {
		List<String> values = headers.header("x-request-id");
		if (values.isEmpty()) {
			values = headers.header("X-DashScope-Request-Id");
		}
		return values.isEmpty() ? null : values.get(0);
	}

	static @Nullable Duration retryAfter(@Nullable String value) {
		if (value == null || value.isBlank()) {
			return null;
		}
		try {
			return Duration.ofSeconds(Math.max(0, Long.parseLong(value.trim())));
		}
		catch (NumberFormatException | ArithmeticException ex) {
			try {
				ZonedDateTime at = ZonedDateTime.parse(value.trim(), DateTimeFormatter.RFC_1123_DATE_TIME);
				Duration delay = Duration.between(ZonedDateTime.now(at.getZone()), at);
				return delay.isNegative() ? Duration.ZERO : delay;
			}
			catch (RuntimeException ignored) {
				return null;
			}
		}
	}

	private Throwable timeout(boolean first) {
		Duration limit = first ? this.settings.firstTokenTimeout() : this.settings.idleTimeout();
		String what = first ? "no event arrived within the first-token timeout of "
				: "the stream was silent for longer than the idle timeout of ";
		return new GlmTransientException(GlmError.of(first ? 0 : 200, first ? "FirstTokenTimeout" : "IdleTimeout",
				what + format(limit) + " ("
						+ (first ? "spring.ai.glm.first-token-timeout" : "spring.ai.glm.idle-timeout")
						+ "); the connection was closed",
				null), null);
	}

	private Throwable typed(Throwable failure, ExchangeState turn) {
		if (failure instanceof GlmServiceException) {
			return failure;
		}
		if (failure instanceof SseEventTooLargeException) {
			return new GlmTransientException(GlmError.of(200, "EventTooLarge", failure.getMessage(), null), failure);
		}
		RuntimeException typed = TransportFailures.map(failure, this.endpoint, turn.hasResponded());
		return scrub(((GlmServiceException) typed).getError()).toException(failure);
	}

	private GlmError scrub(GlmError error) {
		return new GlmError(error.statusCode(), this.scrubber.excerpt(error.code()),
				this.scrubber.excerpt(error.message()), this.scrubber.excerpt(error.requestId()), error.retryAfter(),
				error.partialText(), error.partialReasoning(), error.isTransient());
	}

	private static String format(Duration duration) {
		return (duration.toMillis() % 1000 == 0) ? duration.toSeconds() + " s" : duration.toMillis() + " ms";
	}

	@Override
	public void close() {
		this.connectionProvider.dispose();
	}

	@Override
	public String toString() {
		return getClass().getSimpleName() + "{endpoint=" + this.endpoint + ", workspace=" + this.settings.workspace()
				+ '}';
	}

	/**
	 * Connection settings, validated by {@link GlmApi.Builder}; its {@code toString()}
	 * masks the key.
	 *
	 * @param protocol the protocol, as given to the builder
	 * @param baseUrl scheme and host
	 * @param completionsPath the chat endpoint's path below the base URL
	 * @param apiKey the key
	 * @param workspace optional workspace id
	 * @param webClientBuilder the builder to clone
	 * @param connectTimeout connect timeout
	 * @param firstTokenTimeout first-event timeout
	 * @param idleTimeout idle timeout between events
	 * @param maxConnections pool size
	 * @param pendingAcquireTimeout pool acquire timeout
	 * @param poolMaxIdleTime pooled connection idle time
	 * @param sslContext TLS settings, {@code null} for the JVM's defaults
	 * @param proxy explicit proxy, {@code null} for the JVM's proxy system properties
	 * @param httpClientCustomizer applied last to the Reactor Netty client
	 */
	public record Settings(GlmApiProtocol protocol, String baseUrl, String completionsPath, String apiKey,
			@Nullable String workspace, WebClient.Builder webClientBuilder, Duration connectTimeout,
			Duration firstTokenTimeout, Duration idleTimeout, int maxConnections, Duration pendingAcquireTimeout,
			Duration poolMaxIdleTime, @Nullable SslContext sslContext, @Nullable GlmProxy proxy,
			UnaryOperator<HttpClient> httpClientCustomizer) {

		@Override
		public String toString() {
			return "Settings{baseUrl=" + this.baseUrl + ", apiKey=***, workspace=" + this.workspace + ", proxy="
					+ this.proxy + '}';
		}

	}

}
