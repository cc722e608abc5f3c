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

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import com.fasterxml.jackson.annotation.JsonProperty;
import io.github.glmspringai.chat.GlmProtocol;
import io.github.glmspringai.chat.GlmUsage;
import org.jspecify.annotations.Nullable;

/**
 * Bailian's OpenAI-compatible protocol: {@code POST
 * {base-url}/compatible-mode/v1/chat/completions} with {@code "stream": true} and
 * {@code "stream_options": {"include_usage": true}}; {@code data: {...}} events ending
 * with {@code data: [DONE]}.
 *
 * @author glm-spring-ai
 */
public final class OpenAiCompatibleGlmApi extends AbstractGlmApi {

	/** The path below the base URL. */
	public static final String PATH = "/compatible-mode/v1/chat/completions";

	private static final String ID_PREFIX = "chatcmpl-";

	OpenAiCompatibleGlmApi(Settings settings) {
		super(settings, PATH);
	}

	@Override
	public GlmProtocol getProtocol() {
		return GlmProtocol.OPENAI_COMPATIBLE;
	}

	@Override
	protected byte[] writeBody(GlmRequest request) {
		Map<String, Object> body = new LinkedHashMap<>();
		body.put("model", request.model());
		body.put("messages", GlmWire.messages(request.messages()));
		GlmWire.parameters(request, body);
		body.put("stream", true);
		body.put("stream_options", Map.of("include_usage", true));
		return GlmWire.write(body);
	}

	@Override
	protected @Nullable GlmStreamEvent readEvent(SseEvent sse) {
		if (sse.event() != null && !"message".equals(sse.event())) {
			return null;
		}
		if (sse.dataEquals("[DONE]")) {
			return DONE;
		}
		Chunk chunk = parse(sse, Chunk.class);
		if (chunk.error() != null) {
			throw streamError(0, sse);
		}
		String requestId = (chunk.requestId() != null) ? chunk.requestId() : requestId(chunk.id());
		GlmUsage usage = (chunk.usage() != null) ? chunk.usage().toGlmUsage() : null;
		List<Choice> choices = chunk.choices();
		Choice choice = (choices != null && !choices.isEmpty()) ? choices.get(0) : null;
		return GlmWire.event(requestId, chunk.model(), (choice != null) ? choice.delta() : null,
				(choice != null) ? choice.finishReason() : null, usage);
	}

	private static @Nullable String requestId(@Nullable String id) {
		return (id != null && id.startsWith(ID_PREFIX)) ? id.substring(ID_PREFIX.length()) : id;
	}

	@JsonIgnoreProperties(ignoreUnknown = true)
	record Chunk(@Nullable String id, @Nullable String model, @Nullable List<Choice> choices, @Nullable Usage usage,
			@Nullable Object error, @JsonProperty("request_id") @Nullable String requestId) {
	}

	@JsonIgnoreProperties(ignoreUnknown = true)
	record Choice(GlmWire.@Nullable Delta delta, @JsonProperty("finish_reason") @Nullable String finishReason) {
	}

	/**
	 * The compatible protocol's usage object, exposed as
	 * {@link GlmUsage#getNativeUsage()}.
	 *
	 * @param promptTokens prompt tokens
	 * @param completionTokens completion tokens (reasoning included)
	 * @param totalTokens total tokens
	 * @param completionTokensDetails reasoning tokens, optional
	 * @param promptTokensDetails cached tokens, optional
	 */
	@JsonIgnoreProperties(ignoreUnknown = true)
	record Usage(@JsonProperty("prompt_tokens") int promptTokens,
			@JsonProperty("completion_tokens") int completionTokens,
			@JsonProperty("total_tokens") @Nullable Integer totalTokens,
			@JsonProperty("completion_tokens_details") GlmWire.@Nullable OutputDetails completionTokensDetails,
			@JsonProperty("prompt_tokens_details") GlmWire.@Nullable PromptDetails promptTokensDetails) {

		GlmUsage toGlmUsage() {
			return new GlmUsage(this.promptTokens, this.completionTokens, this.totalTokens,
					(this.completionTokensDetails != null) ? this.completionTokensDetails.reasoningTokens() : null,
					(this.promptTokensDetails != null) ? this.promptTokensDetails.cachedTokens() : null, this);
		}

	}

}
