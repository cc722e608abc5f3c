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

import java.util.List;

import io.github.glmspringai.api.GlmRequest;
import org.jspecify.annotations.Nullable;

/**
 * What each protocol accepts: sampling ranges, and the options a protocol does not have,
 * which fail before sending with a message naming the option and the protocol (never
 * silently dropped).
 *
 * @author glm-spring-ai
 */
final class GlmProtocolRules {

	private GlmProtocolRules() {
	}

	/**
	 * Check the options against the protocol.
	 * @param o the options
	 * @param protocol the protocol
	 */
	static void validate(GlmChatOptions o, GlmProtocol protocol) {
		if (protocol == GlmProtocol.ZHIPU) {
			zhipu(o);
		}
		else {
			bailian(o);
		}
	}

	private static void bailian(GlmChatOptions o) {
		Double temperature = o.getTemperature();
		if (temperature != null && !(temperature >= 0.0 && temperature < 2.0)) {
			throw GlmOptionRules.range("temperature", "[0.0, 2.0)", temperature);
		}
		Double topP = o.getTopP();
		if (topP != null && !(topP > 0.0 && topP <= 1.0)) {
			throw GlmOptionRules.range("topP", "(0.0, 1.0]", topP);
		}
	}

	/** Zhipu's API (zhipu-api.md §3.1 and §3.5). */
	private static void zhipu(GlmChatOptions o) {
		Double temperature = o.getTemperature();
		if (temperature != null && !(temperature >= 0.0 && temperature <= 1.0)) {
			throw GlmOptionRules.range("temperature", "[0.0, 1.0] on the zhipu protocol", temperature);
		}
		Double topP = o.getTopP();
		if (topP != null && !(topP >= 0.01 && topP <= 1.0)) {
			throw GlmOptionRules.range("topP", "[0.01, 1.0] on the zhipu protocol", topP);
		}
		unsupported("topK", o.getTopK());
		unsupported("repetitionPenalty", o.getRepetitionPenalty());
		unsupported("presencePenalty", o.getPresencePenalty());
		unsupported("seed", o.getSeed());
		unsupported("thinkingBudget", o.getThinkingBudget());
		unsupported("parallelToolCalls", o.getParallelToolCalls());
		List<String> stop = o.getStopSequences();
		if (stop != null && stop.size() > 1) {
			throw new IllegalArgumentException(
					"stopSequences: the zhipu protocol supports one stop sequence, but " + stop.size() + " were set");
		}
		String toolChoice = o.getToolChoice();
		if (toolChoice != null && !"auto".equals(toolChoice)) {
			throw new IllegalArgumentException("toolChoice '" + toolChoice
					+ "' is not supported by the zhipu protocol, which only has 'auto'; leave toolChoice unset");
		}
	}

	private static void unsupported(String option, @Nullable Object value) {
		if (value != null) {
			throw new IllegalArgumentException(option + " is not supported by the zhipu protocol (Zhipu's BigModel "
					+ "and Z.ai API has no such parameter); leave it unset");
		}
	}

	/**
	 * Whether a protocol has JSON schema mode; without it a schema becomes
	 * {@code json_object} plus the schema in the prompt.
	 * @param protocol the protocol
	 * @return {@code true} when {@code response_format} may be {@code json_schema}
	 */
	static boolean hasJsonSchemaMode(GlmProtocol protocol) {
		return protocol != GlmProtocol.ZHIPU;
	}

	/**
	 * Whether JSON mode requires thinking off on this protocol (Bailian rejects JSON mode
	 * while thinking; Zhipu documents no such rule).
	 * @param protocol the protocol
	 * @return {@code true} on Bailian
	 */
	static boolean jsonModeExcludesThinking(GlmProtocol protocol) {
		return protocol != GlmProtocol.ZHIPU;
	}

	/**
	 * The wire type of a requested format on a protocol.
	 * @param type the requested type
	 * @param protocol the protocol
	 * @return the type sent
	 */
	static GlmRequest.ResponseFormat.Type wireFormat(GlmRequest.ResponseFormat.Type type, GlmProtocol protocol) {
		return (type == GlmRequest.ResponseFormat.Type.JSON_SCHEMA && !hasJsonSchemaMode(protocol))
				? GlmRequest.ResponseFormat.Type.JSON_OBJECT : type;
	}

}
