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

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

import org.jspecify.annotations.Nullable;

import org.springframework.util.Assert;

/**
 * One scripted answer of the {@link FakeGlmService}: what the next request gets. A turn
 * is either a stream (reasoning chunks, answer chunks, tool calls, a finish reason and
 * usage, optionally ending in a fault) or an HTTP error. Each protocol renders it with
 * its real framing:
 *
 * <pre class="code">
 * service.enqueue(Turn.builder()
 *     .reasoning("The user greets me.")
 *     .answer("Hello", "!")
 *     .usage(12, 30).reasoningTokens(10)
 *     .build());
 * service.enqueue(Turn.error(ServiceError.THROTTLED, Duration.ofSeconds(1)), Turn.answer("ok"));
 * </pre>
 *
 * Reasoning chunks are sent only when the request leaves thinking on, as the real
 * services do.
 *
 * @author glm-spring-ai
 */
public final class Turn {

	private final List<Chunk> chunks;

	private final @Nullable String finishReason;

	private final @Nullable Integer promptTokens;

	private final @Nullable Integer completionTokens;

	private final @Nullable Integer reasoningTokens;

	private final @Nullable Integer cachedTokens;

	private final Ending ending;

	private final int endAfter;

	private final @Nullable ServiceError error;

	private final @Nullable Duration retryAfter;

	private final @Nullable Duration chunkDelay;

	private final @Nullable String replay;

	private Turn(Builder builder) {
		this.chunks = List.copyOf(builder.chunks);
		this.finishReason = builder.finishReason;
		this.promptTokens = builder.promptTokens;
		this.completionTokens = builder.completionTokens;
		this.reasoningTokens = builder.reasoningTokens;
		this.cachedTokens = builder.cachedTokens;
		this.ending = builder.ending;
		this.endAfter = builder.endAfter;
		this.error = builder.error;
		this.retryAfter = builder.retryAfter;
		this.chunkDelay = builder.chunkDelay;
		this.replay = builder.replay;
	}

	/**
	 * A builder for a streamed turn.
	 * @return a new builder
	 */
	public static Builder builder() {
		return new Builder();
	}

	/**
	 * A turn that only answers, in the given chunks, and stops.
	 * @param chunks the answer chunks
	 * @return the turn
	 */
	public static Turn answer(String... chunks) {
		return builder().answer(chunks).build();
	}

	/**
	 * An HTTP error instead of a stream.
	 * @param error the error
	 * @return the turn
	 */
	public static Turn error(ServiceError error) {
		Builder builder = builder();
		builder.ending = Ending.HTTP_ERROR;
		builder.error = error;
		return builder.build();
	}

	/**
	 * An HTTP error with a {@code Retry-After} header (in whole seconds).
	 * @param error the error
	 * @param retryAfter the delay the client is asked to wait
	 * @return the turn
	 */
	public static Turn error(ServiceError error, Duration retryAfter) {
		Assert.isTrue(!retryAfter.isNegative(), () -> "retryAfter must not be negative but was " + retryAfter);
		Builder builder = builder();
		builder.ending = Ending.HTTP_ERROR;
		builder.error = error;
		builder.retryAfter = retryAfter;
		return builder.build();
	}

	/**
	 * A stream replayed byte for byte, e.g. one of {@link RecordedGlmStreams}: the text
	 * is sent as it is, one SSE event (up to a blank line) at a time. The test chooses a
	 * recording of the protocol its client speaks.
	 * @param sse the recorded SSE body
	 * @return the turn
	 */
	public static Turn replay(String sse) {
		Assert.hasText(sse, "sse must not be empty");
		Builder builder = builder();
		builder.replay = sse;
		return builder.build();
	}

	List<Chunk> chunks() {
		return this.chunks;
	}

	@Nullable String finishReason() {
		return this.finishReason;
	}

	Ending ending() {
		return this.ending;
	}

	int endAfter() {
		return this.endAfter;
	}

	@Nullable ServiceError error() {
		return this.error;
	}

	@Nullable Duration retryAfter() {
		return this.retryAfter;
	}

	@Nullable Duration chunkDelay() {
		return this.chunkDelay;
	}

	@Nullable String replay() {
		return this.replay;
	}

	boolean hasToolCalls() {
		return this.chunks.stream().anyMatch((chunk) -> chunk.kind() == Chunk.Kind.TOOL_CALL);
	}

	/**
	 * The usage the turn reports: the scripted numbers, or one token per chunk (three per
	 * tool call) and a prompt estimated from the request.
	 * @param sent the chunks the request gets (without reasoning when thinking is off)
	 * @param estimatedPrompt the prompt tokens estimated from the request
	 * @return the usage
	 */
	Usage usage(List<Chunk> sent, int estimatedPrompt) {
		Usage counted = Usage.count(sent, estimatedPrompt);
		return new Usage((this.promptTokens != null) ? this.promptTokens : counted.prompt(),
				(this.completionTokens != null) ? this.completionTokens : counted.completion(),
				(this.reasoningTokens != null) ? this.reasoningTokens : counted.reasoning(),
				(this.cachedTokens != null) ? this.cachedTokens : 0);
	}

	@Override
	public String toString() {
		return "Turn{chunks=" + this.chunks.size() + ", ending=" + this.ending
				+ ((this.error != null) ? ", " + this.error : "") + '}';
	}

	/** How the turn ends. */
	enum Ending {

		/** Finish reason, usage and the protocol's end. */
		COMPLETE,
		/** The connection is closed. */
		DROP,
		/** Silence, with the connection open. */
		STALL,
		/** An error event inside the stream. */
		STREAM_ERROR,
		/** An HTTP error instead of the stream. */
		HTTP_ERROR

	}

	/**
	 * Builds a streamed {@link Turn}; chunks are sent in the order they are added.
	 */
	public static final class Builder {

		private final List<Chunk> chunks = new ArrayList<>();

		private @Nullable String finishReason;

		private @Nullable Integer promptTokens;

		private @Nullable Integer completionTokens;

		private @Nullable Integer reasoningTokens;

		private @Nullable Integer cachedTokens;

		private Ending ending = Ending.COMPLETE;

		private int endAfter = Integer.MAX_VALUE;

		private @Nullable ServiceError error;

		private @Nullable Duration retryAfter;

		private @Nullable Duration chunkDelay;

		private @Nullable String replay;

		private Builder() {
		}

		/**
		 * Reasoning chunks ({@code reasoning_content}).
		 * @param chunks the chunks, one event each
		 * @return this builder
		 */
		public Builder reasoning(String... chunks) {
			for (String chunk : chunks) {
				this.chunks.add(new Chunk(Chunk.Kind.REASONING, chunk, "", ""));
			}
			return this;
		}

		/**
		 * Answer chunks ({@code content}).
		 * @param chunks the chunks, one event each
		 * @return this builder
		 */
		public Builder answer(String... chunks) {
			for (String chunk : chunks) {
				this.chunks.add(new Chunk(Chunk.Kind.ANSWER, chunk, "", ""));
			}
			return this;
		}

		/**
		 * A tool call with a generated id; call it again for several calls in one turn.
		 * @param name the tool name
		 * @param arguments the arguments as a JSON string, e.g. {@code {"city":"Tokyo"}}
		 * @return this builder
		 */
		public Builder toolCall(String name, String arguments) {
			return toolCall("call_" + UUID.randomUUID().toString().replace("-", "").substring(0, 22), name, arguments);
		}

		/**
		 * A tool call.
		 * @param id the call id
		 * @param name the tool name
		 * @param arguments the arguments as a JSON string
		 * @return this builder
		 */
		public Builder toolCall(String id, String name, String arguments) {
			Assert.hasText(id, "id must not be empty");
			Assert.hasText(name, "name must not be empty");
			this.chunks.add(new Chunk(Chunk.Kind.TOOL_CALL, arguments, id, name));
			return this;
		}

		/**
		 * The finish reason (default {@code tool_calls} when the turn has tool calls,
		 * else {@code stop}), e.g. {@code length}, or Zhipu's {@code sensitive} and
		 * {@code network_error}.
		 * @param finishReason the finish reason
		 * @return this builder
		 */
		public Builder finishReason(String finishReason) {
			Assert.hasText(finishReason, "finishReason must not be empty");
			this.finishReason = finishReason;
			return this;
		}

		/**
		 * The usage to report (default: one token per chunk and a prompt estimated from
		 * the request).
		 * @param promptTokens prompt tokens
		 * @param completionTokens completion tokens, reasoning included
		 * @return this builder
		 */
		public Builder usage(int promptTokens, int completionTokens) {
			this.promptTokens = requireNotNegative(promptTokens, "promptTokens");
			this.completionTokens = requireNotNegative(completionTokens, "completionTokens");
			return this;
		}

		/**
		 * The reasoning tokens to report (part of the completion tokens).
		 * @param reasoningTokens reasoning tokens
		 * @return this builder
		 */
		public Builder reasoningTokens(int reasoningTokens) {
			this.reasoningTokens = requireNotNegative(reasoningTokens, "reasoningTokens");
			return this;
		}

		/**
		 * The cached prompt tokens to report
		 * ({@code prompt_tokens_details.cached_tokens}).
		 * @param cachedTokens cached tokens
		 * @return this builder
		 */
		public Builder cachedTokens(int cachedTokens) {
			this.cachedTokens = requireNotNegative(cachedTokens, "cachedTokens");
			return this;
		}

		/**
		 * The pause before each event of this turn (default: the service's chunk delay).
		 * @param chunkDelay the delay
		 * @return this builder
		 */
		public Builder chunkDelay(Duration chunkDelay) {
			Assert.isTrue(!chunkDelay.isNegative(), () -> "chunkDelay must not be negative but was " + chunkDelay);
			this.chunkDelay = chunkDelay;
			return this;
		}

		/**
		 * Close the connection after the first {@code chunks} scripted chunks (and the
		 * protocol's opening event, if it has one), without a finish reason or end
		 * marker; after 0 chunks, right after the response headers.
		 * @param chunks how many chunks to send, at least 0
		 * @return this builder
		 */
		public Builder dropAfter(int chunks) {
			return end(Ending.DROP, chunks, null);
		}

		/**
		 * Fall silent after the first {@code chunks} scripted chunks, with the connection
		 * open, until the client gives up; after 0 chunks, only the response headers are
		 * sent.
		 * @param chunks how many chunks to send, at least 0
		 * @return this builder
		 */
		public Builder stallAfter(int chunks) {
			return end(Ending.STALL, chunks, null);
		}

		/**
		 * Send the protocol's error event after the first {@code chunks} scripted chunks
		 * and end the stream: native {@code event:error}, or a {@code data:} object with
		 * an {@code error} member; after 0 chunks, as the first event.
		 * @param chunks how many chunks to send, at least 0
		 * @param error the error
		 * @return this builder
		 */
		public Builder errorAfter(int chunks, ServiceError error) {
			return end(Ending.STREAM_ERROR, chunks, error);
		}

		private Builder end(Ending ending, int chunks, @Nullable ServiceError error) {
			this.ending = ending;
			this.endAfter = requireNotNegative(chunks, "chunks");
			this.error = error;
			return this;
		}

		private static int requireNotNegative(int value, String name) {
			Assert.isTrue(value >= 0, () -> name + " must be >= 0 but was " + value);
			return value;
		}

		/**
		 * Build the turn.
		 * @return the turn
		 */
		public Turn build() {
			return new Turn(this);
		}

	}

}
