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

import java.util.List;

import org.jspecify.annotations.Nullable;

/**
 * One protocol-neutral event of a GLM stream: what one wire frame added. Any field may be
 * absent; a frame can carry text, reasoning, tool-call fragments, a finish reason and
 * usage at once.
 *
 * @param requestId the service's request id
 * @param model the model that answered
 * @param text the answer text this frame added
 * @param reasoning the reasoning text this frame added
 * @param toolCalls tool-call fragments this frame added
 * @param finishReason the finish reason ({@code stop}, {@code length},
 * {@code tool_calls}, ...), or {@code null} while generating
 * @param usage the usage reported so far (cumulative on the native protocol, once on the
 * compatible one)
 * @author glm-spring-ai
 */
public record GlmStreamEvent(@Nullable String requestId, @Nullable String model, @Nullable String text,
		@Nullable String reasoning, List<ToolCallFragment> toolCalls, @Nullable String finishReason,
		@Nullable GlmTokenUsage usage) {

	/**
	 * A streamed piece of a tool call. The first fragment of a call carries its id and
	 * name; continuations carry an empty or absent id and argument slices.
	 *
	 * @param index the position of the call in the turn
	 * @param id the call id, empty on continuations
	 * @param name the function name, {@code null} on continuations
	 * @param arguments a slice of the JSON arguments
	 */
	public record ToolCallFragment(int index, @Nullable String id, @Nullable String name, @Nullable String arguments) {
	}

}
