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

package io.github.glmspringai.chat;

import java.time.Duration;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.List;

import io.github.glmspringai.api.GlmApi;
import io.github.glmspringai.api.GlmRequest;
import io.github.glmspringai.api.GlmStreamEvent;
import io.github.glmspringai.api.GlmWireProtocol;
import io.micrometer.observation.Observation;
import io.micrometer.observation.ObservationRegistry;
import io.micrometer.observation.contextpropagation.ObservationThreadLocalAccessor;
import org.apache.commons.logging.Log;
import org.apache.commons.logging.LogFactory;
import org.jspecify.annotations.Nullable;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;
import reactor.core.scheduler.Schedulers;

import org.springframework.ai.chat.model.ChatModel;
import org.springframework.ai.chat.model.ChatResponse;
import org.springframework.ai.chat.observation.ChatModelObservationContext;
import org.springframework.ai.chat.observation.ChatModelObservationConvention;
import org.springframework.ai.chat.observation.ChatModelObservationDocumentation;
import org.springframework.ai.chat.observation.DefaultChatModelObservationConvention;
import org.springframework.ai.chat.prompt.Prompt;
import org.springframework.ai.model.tool.ToolCallingManager;
import org.springframework.ai.retry.RetryUtils;
import org.springframework.ai.tool.definition.ToolDefinition;
import org.springframework.core.retry.RetryTemplate;
import org.springframework.util.Assert;
import org.springframework.util.CollectionUtils;

/**
 * Spring AI {@link ChatModel} for GLM on Bailian. Every request is a streaming request
 * (GLM on Bailian is stream-only); {@link #call(Prompt)} streams and aggregates. The
 * model does not know which wire protocol its {@link GlmApi} speaks, and does not run
 * tools: it returns tool calls for {@code ChatClient}'s tool-calling advisor.
 *
 * @author glm-spring-ai
 */
public class GlmChatModel implements ChatModel {

	/**
	 * Provider name reported in observations ({@code gen_ai.system}) for the Bailian
	 * protocols.
	 */
	public static final String PROVIDER_NAME = "dashscope";

	/**
	 * Provider name reported in observations for the zhipu protocol (BigModel and Z.ai);
	 * Spring AI 2.0 has no {@code AiProvider} constant for Zhipu any more.
	 */
	public static final String ZHIPU_PROVIDER_NAME = "zhipu";

	/** Observation key of the reasoning tokens of a turn. */
	public static final String REASONING_TOKENS_KEY = "gen_ai.usage.reasoning_tokens";

	/** Default of the first-token deadline (see {@link Builder#firstTokenDeadline}). */
	public static final Duration DEFAULT_FIRST_TOKEN_DEADLINE = Duration.ofMinutes(5);

	private static final Duration MAX_DEADLINE = Duration.ofHours(24);

	private static final Log logger = LogFactory.getLog(GlmChatModel.class);

	private static final ChatModelObservationConvention DEFAULT_OBSERVATION_CONVENTION = new DefaultChatModelObservationConvention();

	private final GlmApi api;

	private final GlmChatOptions defaultOptions;

	private final ToolCallingManager toolCallingManager;

	private final GlmRetry retry;

	private final ObservationRegistry observationRegistry;

	private final String providerName;

	private ChatModelObservationConvention observationConvention = DEFAULT_OBSERVATION_CONVENTION;

	/**
	 * Create the model; prefer {@link #builder()}.
	 * @param api the protocol client
	 * @param options default options (the model defaults to {@link GlmModel#DEFAULT});
	 * out-of-range values fail here, at startup, with {@link IllegalArgumentException}
	 * @param toolCallingManager resolves tool definitions
	 * @param retryTemplate retry policy for failures before the first event
	 * @param observationRegistry observation registry
	 */
	public GlmChatModel(GlmApi api, GlmChatOptions options, ToolCallingManager toolCallingManager,
			RetryTemplate retryTemplate, ObservationRegistry observationRegistry) {
		this(api, options, toolCallingManager, retryTemplate, observationRegistry, DEFAULT_FIRST_TOKEN_DEADLINE);
	}

	/**
	 * Create the model; prefer {@link #builder()}.
	 * @param api the protocol client
	 * @param options default options (the model defaults to {@link GlmModel#DEFAULT});
	 * out-of-range values fail here, at startup, with {@link IllegalArgumentException}
	 * @param toolCallingManager resolves tool definitions
	 * @param retryTemplate retry policy for failures before the first event
	 * @param observationRegistry observation registry
	 * @param firstTokenDeadline the longest a call or stream waits for its first event,
	 * across every attempt and back-off wait
	 */
	public GlmChatModel(GlmApi api, GlmChatOptions options, ToolCallingManager toolCallingManager,
			RetryTemplate retryTemplate, ObservationRegistry observationRegistry, Duration firstTokenDeadline) {
		Assert.notNull(api, "api must not be null");
		Assert.notNull(options, "options must not be null");
		Assert.notNull(toolCallingManager, "toolCallingManager must not be null");
		Assert.notNull(retryTemplate, "retryTemplate must not be null");
		Assert.notNull(observationRegistry, "observationRegistry must not be null");
		Assert.isTrue(
				firstTokenDeadline != null && !firstTokenDeadline.isNegative() && !firstTokenDeadline.isZero()
						&& firstTokenDeadline.compareTo(MAX_DEADLINE) <= 0,
				() -> "firstTokenDeadline must be between 1 ms and " + MAX_DEADLINE.toHours() + " h but was "
						+ firstTokenDeadline);
		GlmRequests.validateOptions(options, GlmProtocol.of(api.getProtocol().wireProtocol()));
		this.api = api;
		this.defaultOptions = (options.getModel() != null) ? options
				: options.mutate().model(GlmModel.DEFAULT.getId()).build();
		this.toolCallingManager = toolCallingManager;
		this.retry = new GlmRetry(retryTemplate, firstTokenDeadline);
		warnIfRetired(this.defaultOptions.getModel(), GlmProtocol.of(api.getProtocol().wireProtocol()));
		this.observationRegistry = observationRegistry;
		this.providerName = (api.getProtocol().wireProtocol() == GlmWireProtocol.ZHIPU) ? ZHIPU_PROVIDER_NAME
				: PROVIDER_NAME;
	}

	/**
	 * One WARN at startup when the default model's announced retirement date on this
	 * platform has passed: requests will most likely fail with "model not found".
	 */
	private static void warnIfRetired(@Nullable String model, GlmProtocol protocol) {
		GlmModel catalog = GlmModel.find(model);
		LocalDate retired = (catalog != null) ? catalog.getRetirementDate(protocol) : null;
		if (retired != null && !LocalDate.now(ZoneOffset.UTC).isBefore(retired) && logger.isWarnEnabled()) {
			logger.warn(model + " was announced as retired on Bailian on " + retired
					+ ": requests will most likely fail with 'model not found'. Set spring.ai.glm.chat.model "
					+ "(GlmChatOptions.model) to " + GlmModel.DEFAULT.getId() + " (the default) or a newer GLM model, "
					+ "or reach " + model + " on Zhipu's own platform (spring.ai.glm.protocol=zhipu)");
		}
	}

	/**
	 * A new builder.
	 * @return the builder
	 */
	public static Builder builder() {
		return new Builder();
	}

	@Override
	public ChatResponse call(Prompt prompt) {
		if (Schedulers.isInNonBlockingThread()) {
			throw new IllegalStateException("GlmChatModel.call() blocks until the answer is complete and cannot run on "
					+ "the non-blocking thread " + Thread.currentThread().getName()
					+ "; use stream() (ChatClient ...stream()) there, or move the call to a blocking-capable "
					+ "scheduler (Schedulers.boundedElastic()); nothing was sent");
		}
		Prompt requestPrompt = requestPrompt(prompt);
		GlmRequest request = createRequest(requestPrompt);
		ChatModelObservationContext context = ChatModelObservationContext.builder()
			.prompt(requestPrompt)
			.provider(this.providerName)
			.build();
		Observation observation = ChatModelObservationDocumentation.CHAT_MODEL_OPERATION.observation(
				this.observationConvention, DEFAULT_OBSERVATION_CONVENTION, () -> context, this.observationRegistry);
		return observation.observe(() -> {
			GlmTurn turn = new GlmTurn(request.model());
			events(request).doOnNext(turn::accept)
				.onErrorMap((ex) -> turn.withPartial(ex, this.api::redact))
				.blockLast();
			if (!turn.finished()) {
				throw turn.truncated(this.api::redact);
			}
			turn.verify();
			ChatResponse response = turn.fullResponse();
			complete(observation, context, response);
			return response;
		});
	}

	@Override
	public Flux<ChatResponse> stream(Prompt prompt) {
		return Flux.deferContextual((contextView) -> {
			Prompt requestPrompt = requestPrompt(prompt);
			GlmRequest request = createRequest(requestPrompt);
			ChatModelObservationContext context = ChatModelObservationContext.builder()
				.prompt(requestPrompt)
				.provider(this.providerName)
				.streaming(true)
				.build();
			Observation observation = ChatModelObservationDocumentation.CHAT_MODEL_OPERATION.observation(
					this.observationConvention, DEFAULT_OBSERVATION_CONVENTION, () -> context,
					this.observationRegistry);
			Observation parent = contextView.getOrDefault(ObservationThreadLocalAccessor.KEY, null);
			observation.parentObservation(parent);
			try (Observation.Scope ignored = (parent != null) ? parent.openScope() : Observation.Scope.NOOP) {
				observation.start();
			}
			GlmTurn turn = new GlmTurn(request.model());
			Flux<ChatResponse> chunks = events(request).<ChatResponse>handle((event, sink) -> {
				ChatResponse chunk = turn.chunk(event);
				if (chunk != null) {
					sink.next(chunk);
				}
			}).concatWith(Mono.fromSupplier(() -> {
				if (!turn.finished()) {
					throw turn.truncated(this.api::redact);
				}
				turn.verify();
				complete(observation, context, turn.fullResponse());
				return turn.lastChunk();
			}))
				.onErrorMap((ex) -> turn.withPartial(ex, this.api::redact))
				.doOnError(observation::error)
				.doFinally((signal) -> observation.stop());
			// without observations, no context to propagate on every element
			return this.observationRegistry.isNoop() ? chunks
					: chunks.contextWrite((ctx) -> ctx.put(ObservationThreadLocalAccessor.KEY, observation));
		});
	}

	private Flux<GlmStreamEvent> events(GlmRequest request) {
		return this.retry.apply(this.api.stream(request), "GLM " + request.model());
	}

	private void complete(Observation observation, ChatModelObservationContext context, ChatResponse response) {
		context.setResponse(response);
		if (response.getMetadata().getUsage() instanceof GlmUsage usage && usage.getReasoningTokens() != null) {
			observation.highCardinalityKeyValue(REASONING_TOKENS_KEY, String.valueOf(usage.getReasoningTokens()));
		}
	}

	private Prompt requestPrompt(Prompt prompt) {
		GlmChatOptions options = GlmRequests.resolveOptions(prompt.getOptions(), this.defaultOptions);
		return (options == prompt.getOptions()) ? prompt : prompt.mutate().chatOptions(options).build();
	}

	private GlmRequest createRequest(Prompt prompt) {
		GlmChatOptions options = (GlmChatOptions) prompt.getOptions();
		Assert.state(options != null, "options were resolved");
		List<ToolDefinition> tools = CollectionUtils.isEmpty(options.getToolCallbacks()) ? List.of()
				: this.toolCallingManager.resolveToolDefinitions(options);
		return GlmRequests.create(prompt.getInstructions(), options, tools, getProtocol());
	}

	@Override
	public GlmChatOptions getOptions() {
		return this.defaultOptions;
	}

	/**
	 * The protocol client.
	 * @return the client
	 */
	public GlmApi getApi() {
		return this.api;
	}

	/**
	 * The wire protocol of the client.
	 * @return the protocol
	 */
	public GlmProtocol getProtocol() {
		return GlmProtocol.of(this.api.getProtocol().wireProtocol());
	}

	/**
	 * Use a custom observation convention.
	 * @param observationConvention the convention
	 */
	public void setObservationConvention(ChatModelObservationConvention observationConvention) {
		Assert.notNull(observationConvention, "observationConvention must not be null");
		this.observationConvention = observationConvention;
	}

	@Override
	public String toString() {
		return "GlmChatModel{api=" + this.api + ", options=" + this.defaultOptions + '}';
	}

	/**
	 * Builder of {@link GlmChatModel}.
	 */
	public static final class Builder {

		private @Nullable GlmApi api;

		private GlmChatOptions options = GlmChatOptions.builder().model(GlmModel.DEFAULT).build();

		private @Nullable ToolCallingManager toolCallingManager;

		private RetryTemplate retryTemplate = RetryUtils.DEFAULT_RETRY_TEMPLATE;

		private ObservationRegistry observationRegistry = ObservationRegistry.NOOP;

		private Duration firstTokenDeadline = DEFAULT_FIRST_TOKEN_DEADLINE;

		private @Nullable ChatModelObservationConvention observationConvention;

		private Builder() {
		}

		/**
		 * The protocol client (required); see {@link GlmApi#builder()}.
		 * @param api the client
		 * @return this builder
		 */
		public Builder api(GlmApi api) {
			this.api = api;
			return this;
		}

		/**
		 * Default options.
		 * @param options the options
		 * @return this builder
		 */
		public Builder options(GlmChatOptions options) {
			this.options = options;
			return this;
		}

		/**
		 * Resolves tool definitions from tool callbacks.
		 * @param toolCallingManager the manager
		 * @return this builder
		 */
		public Builder toolCallingManager(ToolCallingManager toolCallingManager) {
			this.toolCallingManager = toolCallingManager;
			return this;
		}

		/**
		 * Retry policy for failures before the first event (default
		 * {@link RetryUtils#DEFAULT_RETRY_TEMPLATE}).
		 * @param retryTemplate the template
		 * @return this builder
		 */
		public Builder retryTemplate(RetryTemplate retryTemplate) {
			this.retryTemplate = retryTemplate;
			return this;
		}

		/**
		 * Observation registry (default none).
		 * @param observationRegistry the registry
		 * @return this builder
		 */
		public Builder observationRegistry(ObservationRegistry observationRegistry) {
			this.observationRegistry = observationRegistry;
			return this;
		}

		/**
		 * The longest a call or stream waits for its first event, across every attempt
		 * and back-off wait together (default 5 min): with a service that accepts
		 * requests and never answers, the first-token timeout times the retry attempts
		 * would otherwise add up to most of an hour.
		 * @param firstTokenDeadline the deadline, 1 ms to 24 h
		 * @return this builder
		 */
		public Builder firstTokenDeadline(Duration firstTokenDeadline) {
			this.firstTokenDeadline = firstTokenDeadline;
			return this;
		}

		/**
		 * Custom observation convention.
		 * @param observationConvention the convention
		 * @return this builder
		 */
		public Builder observationConvention(@Nullable ChatModelObservationConvention observationConvention) {
			this.observationConvention = observationConvention;
			return this;
		}

		/**
		 * Build the model.
		 * @return the model
		 */
		public GlmChatModel build() {
			Assert.notNull(this.api, "api must be set: GlmChatModel.builder().api(GlmApi.builder()...build())");
			GlmChatModel model = new GlmChatModel(this.api, this.options,
					(this.toolCallingManager != null) ? this.toolCallingManager : ToolCallingManager.builder().build(),
					this.retryTemplate, this.observationRegistry, this.firstTokenDeadline);
			if (this.observationConvention != null) {
				model.setObservationConvention(this.observationConvention);
			}
			return model;
		}

	}

}
