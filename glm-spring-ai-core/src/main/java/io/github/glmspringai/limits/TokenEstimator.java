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

package io.github.glmspringai.limits;

import io.github.glmspringai.api.GlmMessage;
import io.github.glmspringai.api.GlmRequest;
import io.github.glmspringai.api.GlmTokenUsage;
import org.jspecify.annotations.Nullable;

/**
 * The tokens-per-minute charge of a request before it is sent, and its real cost after.
 * <p>
 * Estimate = {@code ceil(utf8Bytes / 3)} of the text sent (every message's content, tool
 * call names and arguments, tool call ids, tool names, descriptions and schemas, and the
 * response schema) + 4 per message + the output allowance ({@code maxTokens} plus the
 * {@code thinkingBudget} when set, else the configured default). A CJK character is 3
 * UTF-8 bytes, so it counts as one token (GLM's tokenizer needs fewer); English text
 * counts one token per 3 characters (about 4 in practice): the estimate errs high, and
 * the usage the service reports corrects it when the turn ends.
 *
 * @author glm-spring-ai
 */
final class TokenEstimator {

	private static final int PER_MESSAGE = 4;

	private TokenEstimator() {
	}

	/**
	 * The estimated cost of a request.
	 * @param request the request
	 * @param defaultOutputTokens the output allowance when the request sets no
	 * {@code maxTokens}
	 * @return the estimate, at least 1
	 */
	static long estimate(GlmRequest request, int defaultOutputTokens) {
		long bytes = 0;
		for (GlmMessage message : request.messages()) {
			bytes += utf8Length(message.content()) + utf8Length(message.toolCallId());
			for (GlmMessage.ToolCall call : message.toolCalls()) {
				bytes += utf8Length(call.id()) + utf8Length(call.name()) + utf8Length(call.arguments());
			}
		}
		for (GlmRequest.Tool tool : request.tools()) {
			bytes += utf8Length(tool.name()) + utf8Length(tool.description()) + utf8Length(tool.inputSchema());
		}
		if (request.responseFormat() != null) {
			bytes += utf8Length(request.responseFormat().jsonSchema());
		}
		long output = (request.maxTokens() != null) ? request.maxTokens() : defaultOutputTokens;
		if (request.thinkingBudget() != null && !Boolean.FALSE.equals(request.enableThinking())) {
			output += request.thinkingBudget();
		}
		return Math.max(1, (bytes + 2) / 3 + (long) PER_MESSAGE * request.messages().size() + output);
	}

	/**
	 * What a turn really cost: the total the service reported (on the native protocol
	 * usage is cumulative, so the last report is the total).
	 * @param usage the last usage of the stream
	 * @return the tokens
	 */
	static long actual(GlmTokenUsage usage) {
		return (usage.totalTokens() != null) ? usage.totalTokens()
				: (long) usage.promptTokens() + usage.completionTokens();
	}

	/** The UTF-8 length of a string without encoding it. */
	static long utf8Length(@Nullable String text) {
		if (text == null) {
			return 0;
		}
		long bytes = 0;
		int length = text.length();
		for (int i = 0; i < length; i++) {
			char c = text.charAt(i);
			if (c < 0x80) {
				bytes++;
			}
			else if (c < 0x800) {
				bytes += 2;
			}
			else if (Character.isHighSurrogate(c) && i + 1 < length && Character.isLowSurrogate(text.charAt(i + 1))) {
				bytes += 4;
				i++;
			}
			else {
				bytes += 3;
			}
		}
		return bytes;
	}

}
