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

import org.springframework.http.HttpHeaders;

/**
 * Bailian's native DashScope protocol: {@code POST
 * {base-url}/api/v1/services/aigc/text-generation/generation} with
 * {@code X-DashScope-SSE: enable}, {@code result_format: "message"} and
 * {@code incremental_output: true}; {@code event:result} frames with cumulative usage and
 * the string {@code "null"} as finish reason until the last frame, no {@code [DONE]};
 * errors as {@code event:error} frames.
 *
 * @author glm-spring-ai
 */
public final class DashScopeGlmApi extends AbstractGlmApi {

	/** The path below the base URL. */
	public static final String PATH = "/api/v1/services/aigc/text-generation/generation";

	DashScopeGlmApi(Settings settings) {
		super(settings, PATH);
	}

	@Override
	public GlmProtocol getProtocol() {
		return GlmProtocol.DASHSCOPE;
	}

	@Override
	protected void protocolHeaders(HttpHeaders headers) {
		headers.set("X-DashScope-SSE", "enable");
	}

	@Override
	protected byte[] writeBody(GlmRequest request) {
		Map<String, Object> parameters = new LinkedHashMap<>();
		GlmWire.parameters(request, parameters);
		parameters.put("result_format", "message");
		parameters.put("incremental_output", true);
		Map<String, Object> body = new LinkedHashMap<>();
		body.put("model", request.model());
		body.put("input", Map.of("messages", GlmWire.messages(request.messages())));
		body.put("parameters", parameters);
		return GlmWire.write(body);
	}

	@Override
	protected @Nullable GlmStreamEvent readEvent(SseEvent sse) {
		String event = sse.event();
		if ("error".equals(event)) {
			throw streamError(GlmErrors.statusFromComment(sse.comment()), sse);
		}
		if (event != null && !"result".equals(event) && !"message".equals(event)) {
			return null;
		}
		Frame frame = parse(sse, Frame.class);
		if (frame.output() == null) {
			if (frame.code() != null) {
				throw streamError(GlmErrors.statusFromComment(sse.comment()), sse);
			}
			return null;
		}
		GlmUsage usage = (frame.usage() != null) ? frame.usage().toGlmUsage() : null;
		List<Choice> choices = frame.output().choices();
		if (choices == null || choices.isEmpty()) {
			// result_format "text" shape: output.text / output.finish_reason
			return new GlmStreamEvent(frame.requestId(), null, frame.output().text(), null, List.of(),
					GlmWire.finishReason(frame.output().finishReason()), usage);
		}
		Choice choice = choices.get(0);
		return GlmWire.event(frame.requestId(), null, choice.message(), choice.finishReason(), usage);
	}

	@JsonIgnoreProperties(ignoreUnknown = true)
	record Frame(@Nullable Output output, @Nullable Usage usage, @JsonProperty("request_id") @Nullable String requestId,
			@Nullable String code, @Nullable String message) {
	}

	@JsonIgnoreProperties(ignoreUnknown = true)
	record Output(@Nullable List<Choice> choices, @Nullable String text,
			@JsonProperty("finish_reason") @Nullable String finishReason) {
	}

	@JsonIgnoreProperties(ignoreUnknown = true)
	record Choice(GlmWire.@Nullable Delta message, @JsonProperty("finish_reason") @Nullable String finishReason) {
	}

	/**
	 * The native protocol's usage object (cumulative on every frame), exposed as
	 * {@link GlmUsage#getNativeUsage()}.
	 *
	 * @param inputTokens prompt tokens
	 * @param outputTokens output tokens (reasoning included)
	 * @param totalTokens total tokens
	 * @param outputTokensDetails reasoning tokens, optional
	 * @param promptTokensDetails cached tokens, optional
	 */
	@JsonIgnoreProperties(ignoreUnknown = true)
	record Usage(@JsonProperty("input_tokens") int inputTokens, @JsonProperty("output_tokens") int outputTokens,
			@JsonProperty("total_tokens") @Nullable Integer totalTokens,
			@JsonProperty("output_tokens_details") GlmWire.@Nullable OutputDetails outputTokensDetails,
			@JsonProperty("prompt_tokens_details") GlmWire.@Nullable PromptDetails promptTokensDetails) {

		GlmUsage toGlmUsage() {
			return new GlmUsage(this.inputTokens, this.outputTokens, this.totalTokens,
					(this.outputTokensDetails != null) ? this.outputTokensDetails.reasoningTokens() : null,
					(this.promptTokensDetails != null) ? this.promptTokensDetails.cachedTokens() : null, this);
		}

	}

}
