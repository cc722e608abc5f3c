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

import org.jspecify.annotations.Nullable;

import org.springframework.ai.chat.messages.AssistantMessage;
import org.springframework.ai.chat.model.ChatResponse;
import org.springframework.ai.chat.model.Generation;

/**
 * Access to the model's reasoning (thinking) without remembering metadata keys.
 * <ul>
 * <li>{@value #REASONING_CONTENT}: the complete reasoning of the turn, on the result of
 * {@code call()} and on the last chunk of a stream;</li>
 * <li>{@value #REASONING_DELTA}: on each streamed chunk, the reasoning that chunk
 * added.</li>
 * </ul>
 *
 * @author glm-spring-ai
 */
public final class GlmReasoning {

	/** Metadata key of the complete reasoning. */
	public static final String REASONING_CONTENT = "reasoningContent";

	/** Metadata key of the reasoning a streamed chunk added. */
	public static final String REASONING_DELTA = "reasoningDelta";

	private GlmReasoning() {
	}

	/**
	 * The reasoning a streamed chunk added.
	 * @param response a chunk
	 * @return the reasoning delta, empty when the chunk added none
	 */
	public static String delta(@Nullable ChatResponse response) {
		return metadata(response, REASONING_DELTA);
	}

	/**
	 * The complete reasoning of a turn (from {@code call()} or the last chunk of a
	 * stream).
	 * @param response the response
	 * @return the reasoning, empty when there was none
	 */
	public static String content(@Nullable ChatResponse response) {
		return metadata(response, REASONING_CONTENT);
	}

	/**
	 * The complete reasoning carried by a message.
	 * @param message the message
	 * @return the reasoning, empty when there is none
	 */
	public static String content(@Nullable AssistantMessage message) {
		if (message == null) {
			return "";
		}
		Object value = message.getMetadata().get(REASONING_CONTENT);
		return (value != null) ? value.toString() : "";
	}

	private static String metadata(@Nullable ChatResponse response, String key) {
		if (response == null) {
			return "";
		}
		Generation generation = response.getResult();
		if (generation == null) {
			return "";
		}
		Object value = generation.getOutput().getMetadata().get(key);
		return (value != null) ? value.toString() : "";
	}

}
