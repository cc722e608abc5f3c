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

import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;

import org.jspecify.annotations.Nullable;

import org.springframework.ai.tool.definition.ToolDefinition;

/**
 * The ranges and rules of every option, checked before anything is sent: each violation
 * is an {@link IllegalArgumentException} that names the option and its allowed range.
 *
 * @author glm-spring-ai
 */
final class GlmOptionRules {

	private static final long MAX_SEED = Integer.MAX_VALUE;

	private static final Pattern TOOL_NAME = Pattern.compile("[a-zA-Z0-9_-]{1,64}");

	/** RFC 9110 token characters of a header name. */
	private static final Pattern HEADER_NAME = Pattern.compile("[!#$%&'*+.^_`|~0-9A-Za-z-]+");

	private GlmOptionRules() {
	}

	/**
	 * Check the ranges of the options, for a model on the platform a protocol reaches.
	 * @param o the options
	 * @param model the model id
	 * @param catalog the model's catalog entry, {@code null} for an unknown model
	 * @param protocol the protocol
	 */
	static void validate(GlmChatOptions o, String model, @Nullable GlmModel catalog, GlmProtocol protocol) {
		GlmProtocolRules.validate(o, protocol);
		Integer topK = o.getTopK();
		if (topK != null && topK < 0) {
			throw range("topK", "[0, +inf) (values above 100 disable it)", topK);
		}
		Double repetitionPenalty = o.getRepetitionPenalty();
		if (repetitionPenalty != null && !(repetitionPenalty > 0.0 && Double.isFinite(repetitionPenalty))) {
			throw range("repetitionPenalty", "(0.0, +inf), finite", repetitionPenalty);
		}
		Double presencePenalty = o.getPresencePenalty();
		if (presencePenalty != null && !(presencePenalty >= -2.0 && presencePenalty <= 2.0)) {
			throw range("presencePenalty", "[-2.0, 2.0]", presencePenalty);
		}
		if (o.getFrequencyPenalty() != null) {
			throw new IllegalArgumentException(
					"frequencyPenalty is not supported by GLM; use presencePenalty or repetitionPenalty");
		}
		Long seed = o.getSeed();
		if (seed != null && (seed < 0 || seed > MAX_SEED)) {
			throw range("seed", "[0, " + MAX_SEED + "]", seed);
		}
		List<String> stop = o.getStopSequences();
		if (stop != null && stop.stream().anyMatch(String::isEmpty)) {
			throw new IllegalArgumentException("stopSequences must not contain empty strings");
		}
		String effort = o.getReasoningEffort();
		if (effort != null && effort.isBlank()) {
			throw new IllegalArgumentException("reasoningEffort must not be blank, e.g. 'high'");
		}
		validateHeaders(o.getHttpHeaders());
		if (catalog != null) {
			validateForModel(o, model, catalog, protocol);
		}
	}

	private static void validateForModel(GlmChatOptions o, String model, GlmModel catalog, GlmProtocol protocol) {
		GlmModel.Limits limits = catalog.getLimits(protocol);
		Integer maxTokens = o.getMaxTokens();
		Integer maxOutput = (limits != null) ? limits.maxOutputTokens() : null;
		if (maxTokens != null && (maxTokens < 1 || (maxOutput != null && maxTokens > maxOutput))) {
			throw range("maxTokens", "[1, " + ((maxOutput != null) ? maxOutput : "+inf") + "]", maxTokens, model);
		}
		Integer thinkingBudget = o.getThinkingBudget();
		if (thinkingBudget != null && catalog.isAlwaysThinking()) {
			throw new IllegalArgumentException("thinkingBudget is ignored by " + model
					+ ", which always thinks; control its thinking with reasoningEffort "
					+ catalog.getReasoningEffortValues(protocol) + " and leave thinkingBudget unset");
		}
		Integer maxReasoning = (limits != null) ? limits.maxReasoningTokens() : null;
		if (thinkingBudget != null && (thinkingBudget < 1 || (maxReasoning != null && thinkingBudget > maxReasoning))) {
			throw range("thinkingBudget", "[1, " + ((maxReasoning != null) ? maxReasoning : "+inf") + "]",
					thinkingBudget, model);
		}
		if (Boolean.FALSE.equals(o.getEnableThinking()) && catalog.isAlwaysThinking()) {
			throw new IllegalArgumentException(model + " always thinks: the service rejects enableThinking=false. "
					+ "Leave enableThinking unset and lower reasoningEffort ("
					+ catalog.getReasoningEffortValues(protocol)
					+ ") for a faster answer, or choose a model that can answer without thinking (e.g. glm-5)");
		}
		Set<String> efforts = catalog.getReasoningEffortValues(protocol);
		String effort = o.getReasoningEffort();
		if (effort != null && efforts != null) {
			if (efforts.isEmpty()) {
				throw new IllegalArgumentException("reasoningEffort is not supported by " + model + " on "
						+ protocol.getValue() + " (GLM-5 and later have it); leave it unset");
			}
			if (!efforts.contains(effort)) {
				throw new IllegalArgumentException(
						"reasoningEffort must be one of " + efforts + " for " + model + " but was '" + effort + "'");
			}
		}
	}

	/**
	 * Check per-request HTTP headers: a valid name and a value without control characters
	 * (a CR or LF would inject a header).
	 * @param headers the headers
	 */
	static void validateHeaders(@Nullable Map<String, String> headers) {
		if (headers == null) {
			return;
		}
		headers.forEach((name, value) -> {
			if (!HEADER_NAME.matcher(name).matches()) {
				throw new IllegalArgumentException("httpHeaders name '" + name
						+ "' is not a valid HTTP header name (letters, digits, !#$%&'*+.^_`|~-)");
			}
			for (int i = 0; i < value.length(); i++) {
				char c = value.charAt(i);
				if ((c < 0x20 && c != '\t') || c == 0x7f) {
					throw new IllegalArgumentException("httpHeaders value of '" + name
							+ "' contains a control character (CR, LF, NUL, ...), which is not allowed in an HTTP header");
				}
			}
		});
	}

	/**
	 * Check tool names: non-empty, unique, {@code ^[a-zA-Z0-9_-]{1,64}$}.
	 * @param tools the tool definitions
	 */
	static void validateTools(List<ToolDefinition> tools) {
		Set<String> names = new HashSet<>();
		for (ToolDefinition tool : tools) {
			String name = tool.name();
			if (name == null || !TOOL_NAME.matcher(name).matches()) {
				throw new IllegalArgumentException(
						"tool name '" + name + "' must be 1 to 64 letters, digits, '_' or '-' (^[a-zA-Z0-9_-]{1,64}$)");
			}
			if (!names.add(name)) {
				throw new IllegalArgumentException(
						"tool name '" + name + "' is defined twice; tool names must be unique");
			}
		}
	}

	static IllegalArgumentException range(String field, String range, Object value) {
		return new IllegalArgumentException(field + " must be in " + range + " but was " + value);
	}

	static IllegalArgumentException range(String field, String range, Object value, String model) {
		return new IllegalArgumentException(field + " must be in " + range + " for " + model + " but was " + value);
	}

}
