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

import java.io.IOException;
import java.net.URI;
import java.time.Duration;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.Map;

import io.github.glmspringai.api.sse.SseDecoder;
import io.github.glmspringai.api.sse.SseEvent;
import io.github.glmspringai.api.sse.SseEventTooLargeException;
import io.netty.channel.ChannelOption;
import org.jspecify.annotations.Nullable;
import reactor.core.publisher.Flux;
import reactor.core.publisher.SynchronousSink;
import reactor.netty.http.client.HttpClient;
import reactor.netty.resources.ConnectionProvider;

import org.springframework.core.io.buffer.DataBuffer;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.client.reactive.ReactorClientHttpConnector;
import org.springframework.web.reactive.function.client.ClientResponse;
import org.springframework.web.reactive.function.client.WebClient;
import org.springframework.web.reactive.function.client.WebClientRequestException;

/**
 * What both protocols share: the HTTP exchange on Reactor Netty, authentication and
 * headers, error responses, the SSE decoder, first-event and idle timeouts, and the
 * mapping of transport failures to typed exceptions. A protocol adapter only writes its
 * request body and reads its events.
 *
 * @author glm-spring-ai
 */
public abstract class AbstractGlmApi implements GlmApi {

	/** Marks the end of the stream ({@code [DONE]}); never emitted. */
	protected static final GlmStreamEvent DONE = new GlmStreamEvent(null, null, null, null, List.of(), null, null);

	private static final int EXCERPT = 200;

	private final Settings settings;

	private final URI endpoint;

	private final ConnectionProvider connectionProvider;

	private final WebClient webClient;

	/**
	 * Create the client.
	 * @param settings connection settings
	 */
	protected AbstractGlmApi(Settings settings) {
		this.settings = settings;
		this.endpoint = URI.create(settings.baseUrl() + settings.protocol().wireProtocol().getDefaultPath());
		this.connectionProvider = ConnectionProvider.builder("glm-" + settings.protocol().wireProtocol().getValue())
			.maxConnections(settings.maxConnections())
			.pendingAcquireMaxCount(-1)
			.pendingAcquireTimeout(settings.pendingAcquireTimeout())
			.maxIdleTime(settings.poolMaxIdleTime())
			.evictInBackground(settings.poolMaxIdleTime())
			.build();
		HttpClient httpClient = HttpClient.create(this.connectionProvider)
			.option(ChannelOption.CONNECT_TIMEOUT_MILLIS,
					(int) Math.min(Integer.MAX_VALUE, settings.connectTimeout().toMillis()));
		this.webClient = settings.webClientBuilder()
			.clone()
			.clientConnector(new ReactorClientHttpConnector(httpClient))
			.build();
	}

	@Override
	public GlmApiProtocol getProtocol() {
		return this.settings.protocol();
	}

	@Override
	public Flux<GlmStreamEvent> stream(GlmRequest request) {
		byte[] body = writeBody(request);
		Flux<DataBuffer> bytes = this.webClient.post()
			.uri(this.endpoint)
			.headers((headers) -> headers(headers, request.httpHeaders()))
			.bodyValue(body)
			.exchangeToFlux(this::body);
		Flux<SseEvent> events = StreamTimeouts.guard(SseDecoder.decode(bytes), this.settings.firstTokenTimeout(),
				this.settings.idleTimeout(), this::timeout);
		return events.<GlmStreamEvent>handle(this::toEvent)
			.onErrorMap(SseEventTooLargeException.class,
					(ex) -> new GlmTransientException(GlmError.of(200, "EventTooLarge", ex.getMessage(), null), ex))
			.onErrorMap(this::isTransportFailure, this::transportFailure);
	}

	/**
	 * Write the protocol's request body.
	 * @param request the request
	 * @return UTF-8 JSON
	 */
	protected abstract byte[] writeBody(GlmRequest request);

	/**
	 * Read one SSE event.
	 * @param sse the event
	 * @return the protocol-neutral event, {@link #DONE} at the end marker, or
	 * {@code null} for an event to skip
	 * @throws RuntimeException a typed exception for an error event
	 */
	protected abstract @Nullable GlmStreamEvent readEvent(SseEvent sse);

	/**
	 * Add protocol-specific headers.
	 * @param headers the request headers
	 */
	protected void protocolHeaders(HttpHeaders headers) {
	}

	/**
	 * The error for an event that cannot be read.
	 * @param sse the event
	 * @param cause the parse failure
	 * @return the exception
	 */
	protected static RuntimeException malformed(SseEvent sse, @Nullable Throwable cause) {
		return new GlmTransientException(GlmError.of(200, "MalformedEvent",
				"malformed SSE event from the service: " + sse.excerpt(EXCERPT), null), cause);
	}

	/**
	 * The typed exception for an error reported inside the stream.
	 * @param status the announced HTTP status, {@code 0} to infer it from the code
	 * @param sse the event
	 * @return the exception
	 */
	protected RuntimeException streamError(int status, SseEvent sse) {
		try {
			return scrub(GlmErrors.fromJson(status, WireJson.JSON.readTree(sse.data()))).toException(null);
		}
		catch (RuntimeException ex) {
			return malformed(sse, ex);
		}
	}

	private void toEvent(SseEvent sse, SynchronousSink<GlmStreamEvent> sink) {
		GlmStreamEvent event = readEvent(sse);
		if (event == DONE) {
			sink.complete();
		}
		else if (event != null) {
			sink.next(event);
		}
	}

	private void headers(HttpHeaders headers, Map<String, String> extra) {
		headers.setBearerAuth(this.settings.apiKey());
		headers.setContentType(MediaType.APPLICATION_JSON);
		headers.setAccept(List.of(MediaType.TEXT_EVENT_STREAM));
		headers.set("Cache-Control", "no-cache");
		if (this.settings.workspace() != null) {
			headers.set("X-DashScope-WorkSpace", this.settings.workspace());
		}
		protocolHeaders(headers);
		extra.forEach(headers::set);
	}

	private Flux<DataBuffer> body(ClientResponse response) {
		if (response.statusCode().is2xxSuccessful()) {
			return response.bodyToFlux(DataBuffer.class);
		}
		int status = response.statusCode().value();
		ClientResponse.Headers headers = response.headers();
		return response.bodyToMono(byte[].class)
			.defaultIfEmpty(new byte[0])
			.flatMapMany((bytes) -> Flux.error(scrub(GlmErrors.fromBody(status, bytes, requestIdHeader(headers)))
				.withRetryAfter(retryAfter(headers.asHttpHeaders().getFirst(HttpHeaders.RETRY_AFTER)))
				.toException(null)));
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
		catch (NumberFormatException ex) {
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

	private boolean isTransportFailure(Throwable ex) {
		return !(ex instanceof GlmServiceException) && (ex instanceof IOException
				|| ex instanceof WebClientRequestException || ex.getCause() instanceof IOException);
	}

	private Throwable transportFailure(Throwable ex) {
		if (ex instanceof WebClientRequestException) {
			String host = this.endpoint.getHost();
			int port = (this.endpoint.getPort() != -1) ? this.endpoint.getPort()
					: ("https".equals(this.endpoint.getScheme()) ? 443 : 80);
			Throwable cause = (ex.getCause() != null) ? ex.getCause() : ex;
			return new GlmTransientException(GlmError.of(0, "ConnectionFailed", "cannot reach " + host + ":" + port
					+ ": " + cause.getClass().getSimpleName() + ": " + cause.getMessage(), null), ex);
		}
		return new GlmTransientException(
				GlmError.of(200, "StreamInterrupted", "the connection broke before the stream finished: "
						+ ex.getClass().getSimpleName() + ": " + ex.getMessage(), null),
				ex);
	}

	private GlmError scrub(GlmError error) {
		String message = error.message();
		if (message != null && message.contains(this.settings.apiKey())) {
			return GlmError.of(error.statusCode(), error.code(), message.replace(this.settings.apiKey(), "***"),
					error.requestId());
		}
		return error;
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
	 * @param apiKey the key
	 * @param workspace optional workspace id
	 * @param webClientBuilder the builder to clone
	 * @param connectTimeout connect timeout
	 * @param firstTokenTimeout first-event timeout
	 * @param idleTimeout idle timeout between events
	 * @param maxConnections pool size
	 * @param pendingAcquireTimeout pool acquire timeout
	 * @param poolMaxIdleTime pooled connection idle time
	 */
	public record Settings(GlmApiProtocol protocol, String baseUrl, String apiKey, @Nullable String workspace,
			WebClient.Builder webClientBuilder, Duration connectTimeout, Duration firstTokenTimeout,
			Duration idleTimeout, int maxConnections, Duration pendingAcquireTimeout, Duration poolMaxIdleTime) {

		@Override
		public String toString() {
			return "Settings{baseUrl=" + this.baseUrl + ", apiKey=***, workspace=" + this.workspace + '}';
		}

	}

}
