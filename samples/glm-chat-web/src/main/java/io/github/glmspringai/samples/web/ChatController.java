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

package io.github.glmspringai.samples.web;

import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicReference;

import io.github.glmspringai.chat.GlmChatOptions;
import io.github.glmspringai.chat.GlmModel;
import io.github.glmspringai.chat.GlmProtocol;
import io.github.glmspringai.chat.GlmReasoning;
import io.github.glmspringai.chat.GlmUsage;
import io.github.glmspringai.samples.support.CityClock;
import io.github.glmspringai.samples.support.PlainErrors;
import io.github.glmspringai.samples.support.SampleSetup;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;
import reactor.core.publisher.SignalType;
import reactor.core.publisher.Sinks;

import org.springframework.ai.chat.client.ChatClient;
import org.springframework.ai.chat.client.advisor.MessageChatMemoryAdvisor;
import org.springframework.ai.chat.memory.ChatMemory;
import org.springframework.ai.chat.metadata.Usage;
import org.springframework.ai.chat.model.ChatResponse;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.core.env.Environment;
import org.springframework.http.MediaType;
import org.springframework.http.codec.ServerSentEvent;
import org.springframework.util.StringUtils;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.server.WebSession;

/**
 * The page's API. {@code POST /api/chat} streams one answer as server-sent events:
 * {@code reasoning} and {@code answer} ({@code {"text": delta}}), {@code tool} (a call of
 * the demo tool), then {@code usage}, or {@code error} ({@code {"message": plain
 * words}}). The question may choose the model (one of {@code GET /api/status}'s
 * {@code models}), the reasoning effort and whether the model thinks; the GLM model
 * validates the combination before sending, and a rejection reaches the page as an
 * {@code error}. Closing the connection (the page's Stop button) cancels the
 * subscription, which cancels the request to the service.
 *
 * @author glm-spring-ai
 */
@RestController
@RequestMapping("/api")
class ChatController {

	private static final Logger logger = LoggerFactory.getLogger(ChatController.class);

	private static final String CONVERSATION_ID = "conversationId";

	private static final int MAX_QUESTION_LENGTH = 8000;

	/** The models the page offers, after the configured one. */
	private static final List<String> MODELS = List.of("glm-5", "glm-5.3", "glm-5.2", "glm-5.1");

	/** The models only Zhipu's platforms serve. */
	private static final List<String> ZHIPU_MODELS = List.of("glm-4.7-flash");

	/** Reasoning-effort values in increasing order. */
	private static final List<String> EFFORTS = List.of("none", "minimal", "low", "medium", "high", "xhigh", "max");

	/** The efforts offered when the catalog does not know a model's values. */
	private static final List<String> DEFAULT_EFFORTS = List.of("low", "medium", "high", "xhigh", "max");

	private final SampleSetup setup;

	private final ChatMemory chatMemory;

	private final String defaultModel;

	private final List<String> models;

	private final @Nullable ChatClient chatClient;

	ChatController(SampleSetup setup, ObjectProvider<ChatClient.Builder> chatClientBuilder, ChatMemory chatMemory,
			Environment environment) {
		this.setup = setup;
		this.chatMemory = chatMemory;
		this.defaultModel = environment.getProperty("spring.ai.glm.chat.model", GlmModel.DEFAULT.getId());
		Set<String> models = new LinkedHashSet<>();
		models.add(this.defaultModel);
		models.addAll(MODELS);
		if (setup.protocol() == GlmProtocol.ZHIPU) {
			models.addAll(ZHIPU_MODELS);
		}
		this.models = List.copyOf(models);
		// Without a key the GLM model is switched off (see SampleSetupInitializer) and
		// the page explains what to do.
		this.chatClient = (setup.mode() == SampleSetup.Mode.NO_KEY) ? null
				: chatClientBuilder.getObject()
					.defaultAdvisors(MessageChatMemoryAdvisor.builder(chatMemory).build())
					.defaultTools(new CityClock())
					.build();
	}

	@GetMapping("/status")
	Map<String, Object> status() {
		Map<String, Object> status = new LinkedHashMap<>();
		status.put("mode", this.setup.mode().name().toLowerCase(Locale.ROOT).replace('_', '-'));
		status.put("model", this.defaultModel);
		status.put("protocol", this.setup.protocol().getValue());
		status.put("models", this.models.stream().map((id) -> Map.of("id", id, "efforts", efforts(id))).toList());
		status.put("offlineServerUrl", this.setup.offlineServerUrl());
		if (this.setup.mode() == SampleSetup.Mode.NO_KEY) {
			status.put("help", this.setup.missingKeyHelp("samples/glm-chat-web"));
		}
		return status;
	}

	@PostMapping(path = "/chat", consumes = MediaType.APPLICATION_JSON_VALUE,
			produces = MediaType.TEXT_EVENT_STREAM_VALUE)
	Flux<ServerSentEvent<Map<String, Object>>> chat(@RequestBody Question body, WebSession session) {
		String question = (body.question() != null) ? body.question().strip() : "";
		ChatClient client = this.chatClient;
		if (client == null) {
			return Flux.just(error("No API key is configured, so there is no model to ask. Set "
					+ ((this.setup.protocol() == GlmProtocol.ZHIPU) ? "ZHIPUAI_API_KEY (or ZAI_API_KEY)"
							: "DASHSCOPE_API_KEY")
					+ " and restart, or restart with the offline profile."));
		}
		if (question.isEmpty() || question.length() > MAX_QUESTION_LENGTH) {
			return Flux.just(error("Type a question of 1 to " + MAX_QUESTION_LENGTH + " characters."));
		}
		String model = StringUtils.hasText(body.model()) ? body.model() : this.defaultModel;
		if (!this.models.contains(model)) {
			return Flux.just(error("Choose one of the models " + String.join(", ", this.models) + "."));
		}
		GlmChatOptions.Builder options = GlmChatOptions.builder()
			.model(model)
			.reasoningEffort(StringUtils.hasText(body.effort()) ? body.effort() : null)
			.enableThinking(body.thinking());
		String conversationId = conversationId(session);

		// The tool reports its calls through the tool context; they join the stream.
		Sinks.Many<ServerSentEvent<Map<String, Object>>> toolEvents = Sinks.many().unicast().onBackpressureBuffer();
		CityClock.Listener listener = (tool, argument, result) -> toolEvents
			.tryEmitNext(event("tool", Map.of("name", tool, "argument", argument, "result", result)));
		AtomicReference<@Nullable ChatResponse> last = new AtomicReference<>();

		Flux<ServerSentEvent<Map<String, Object>>> answer = client.prompt()
			.user(question)
			.options(options)
			.advisors((advisors) -> advisors.param(ChatMemory.CONVERSATION_ID, conversationId))
			.toolContext(Map.of(CityClock.LISTENER, listener))
			.stream()
			.chatResponse()
			.concatMapIterable((response) -> events(response, last))
			.concatWith(Mono.fromSupplier(() -> usage(last.get())))
			.onErrorResume((ex) -> {
				String message = PlainErrors.describe(ex, this.setup.protocol());
				logger.warn("GLM request failed: {}", message);
				logger.debug("GLM request failure", ex);
				return Mono.just(error(message));
			})
			.doFinally((signal) -> {
				toolEvents.tryEmitComplete();
				if (signal == SignalType.CANCEL) {
					logger.info("The page stopped the answer; the request to the service was cancelled");
				}
			});
		return Flux.merge(toolEvents.asFlux(), answer);
	}

	@PostMapping("/new-conversation")
	Mono<Void> newConversation(WebSession session) {
		Object id = session.getAttributes().remove(CONVERSATION_ID);
		if (id != null) {
			this.chatMemory.clear(id.toString());
		}
		return Mono.empty();
	}

	private static String conversationId(WebSession session) {
		return session.getAttributes()
			.computeIfAbsent(CONVERSATION_ID, (key) -> UUID.randomUUID().toString())
			.toString();
	}

	/**
	 * The reasoning-effort values a model takes on this protocol, from the catalog.
	 */
	private List<String> efforts(String model) {
		GlmModel catalog = GlmModel.find(model);
		Set<String> values = (catalog != null) ? catalog.getReasoningEffortValues(this.setup.protocol()) : null;
		return (values != null) ? EFFORTS.stream().filter(values::contains).toList() : DEFAULT_EFFORTS;
	}

	private static List<ServerSentEvent<Map<String, Object>>> events(ChatResponse response,
			AtomicReference<@Nullable ChatResponse> last) {
		Usage usage = response.getMetadata().getUsage();
		if (usage != null && usage.getTotalTokens() != null && usage.getTotalTokens() > 0) {
			last.set(response);
		}
		String reasoning = GlmReasoning.delta(response);
		String text = (response.getResult() != null) ? response.getResult().getOutput().getText() : null;
		if (reasoning.isEmpty() && (text == null || text.isEmpty())) {
			return List.of();
		}
		if (text == null || text.isEmpty()) {
			return List.of(event("reasoning", Map.of("text", reasoning)));
		}
		if (reasoning.isEmpty()) {
			return List.of(event("answer", Map.of("text", text)));
		}
		return List.of(event("reasoning", Map.of("text", reasoning)), event("answer", Map.of("text", text)));
	}

	private static @Nullable ServerSentEvent<Map<String, Object>> usage(@Nullable ChatResponse response) {
		if (response == null) {
			return null;
		}
		Usage usage = response.getMetadata().getUsage();
		Map<String, Object> data = new LinkedHashMap<>();
		data.put("promptTokens", usage.getPromptTokens());
		data.put("completionTokens", usage.getCompletionTokens());
		data.put("reasoningTokens", (usage instanceof GlmUsage glm) ? glm.getReasoningTokens() : null);
		data.put("totalTokens", usage.getTotalTokens());
		data.put("model", response.getMetadata().getModel());
		return event("usage", data);
	}

	private static ServerSentEvent<Map<String, Object>> error(String message) {
		return event("error", Map.of("message", message));
	}

	private static ServerSentEvent<Map<String, Object>> event(String name, Map<String, Object> data) {
		return ServerSentEvent.builder(data).event(name).build();
	}

	/**
	 * The request body.
	 *
	 * @param question the question
	 * @param model the model, {@code null} for the configured one
	 * @param effort the reasoning effort, {@code null} or empty for the model's default
	 * @param thinking whether the model thinks, {@code null} for the model's default
	 */
	record Question(@Nullable String question, @Nullable String model, @Nullable String effort,
			@Nullable Boolean thinking) {
	}

}
